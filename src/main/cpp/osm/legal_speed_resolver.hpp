// Legal limits per edge at map-build time: where the edge is (country and subdivision, from the
// boundaries data at its middle point), which road type the way's tags make it there (the
// legal-default-speeds dataset), and which date-effective rules change that. Directions without a
// limit tag get the car limit; every edge gets the rule chain (with the dataset's per-class and
// conditional limits), so that the engine never reads OSM tags.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "legal/reference_data.hpp"
#include "map/legal_tables.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

// What the resolver did, for the build report.
struct LegalStats {
  std::map<std::string, uint64_t> edges_by_region;         // "JP": 1200, "" (no country): 3
  std::map<std::string, uint64_t> directions_by_source;    // "tag", "zone", "legal default", ...
  uint64_t zones_not_understood = 0;                       // named zones the dataset has no road type for (edges)
  uint64_t distinct_tag_sets = 0;                          // ways reduced to the tags the dataset reads
  uint64_t evaluations = 0;                                // dataset evaluations (one per region and tag set)
  uint64_t built_up_from_neighbours = 0;                   // service-road edges placed in or out of a built-up area by their neighbours
  uint64_t built_up_undecided = 0;                         // service-road edges left without a default: urban and rural differ, neighbours silent
};

// Whether a way lies in a built-up area, as the dataset's own road types {urban} and {rural} (their
// filters or fuzzy filters) read its tags.
enum class BuiltUp : uint8_t { unknown, urban, rural };

class LegalSpeedResolver final : public map::EdgeSpeedResolver {
 public:
  // `country`: an ISO 3166 code that replaces the position's (drivelog map build --country).
  LegalSpeedResolver(const legal::ReferenceData& data, std::optional<std::string> country);

  // The key a way passes as WayInput::legal_key: its tags reduced to those the dataset can read
  // (values no filter tests replaced by a placeholder), plus the named zone value's country and name.
  uint32_t key_for(const Tags& tags, std::string_view zone_country, std::string_view zone_name);

  // Where the way with this key lies, from its own tags (cached per key).
  BuiltUp built_up(uint32_t key);
  // The key for a way with `key`'s tags whose built-up area its surroundings tell (a service road:
  // osm/built_up_neighbours.hpp): the same tags with the dataset's own `rural=no` (urban) or
  // `rural=yes` (rural), the limit then marked as inferred. `unknown`: the way keeps the legal
  // default only where urban and rural give the same limit (Japan), else has none (Germany: 50 or
  // 100 would be invented).
  uint32_t key_with_surroundings(uint32_t key, BuiltUp area);

  void resolve(uint32_t legal_key, map::Coord middle, map::EdgeRecord& record) override;
  [[nodiscard]] std::vector<map::RegionInput> regions() const override { return regions_; }
  [[nodiscard]] std::vector<map::SpeedRuleInput> rules() const override { return rules_; }
  [[nodiscard]] std::string description() const override;
  // The counts so far (gathered into the report's form on each call).
  [[nodiscard]] const LegalStats& stats();

 private:
  struct Evaluated {
    uint32_t rule = map::kNoSpeedRule;  // chain head
    uint16_t car = map::kSpeedUnknown;  // the base rule's car limit
    map::SpeedSource source = map::SpeedSource::none;
    bool zone_understood = false;
  };

  uint16_t region_at(map::Coord position);
  uint32_t cached_region(map::Coord position, int32_t cell_e7, std::unordered_map<uint64_t, uint32_t>& cache);
  uint32_t add_key(const std::string& canonical, legal::TagMap tags, std::string zone_country, std::string zone_name,
                   BuiltUp surroundings);
  const Evaluated* evaluate_for_region(std::string_view code, uint32_t key);
  uint16_t region_of(std::vector<std::string_view> ids);
  const Evaluated& evaluate(std::string_view code, uint32_t key);
  std::string_view project_value(std::string_view key, std::string_view value);

  const legal::ReferenceData& data_;
  std::optional<std::string> country_;
  legal::KeyUses uses_;
  std::vector<std::string> result_keys_;  // keys the dataset's road types set (maxspeed:hgv, minspeed, ...)
  std::unordered_map<std::string, uint32_t> key_index_;
  std::vector<legal::TagMap> tag_sets_;                 // by key
  std::vector<std::string> zone_countries_;            // by key
  std::vector<std::string> zone_names_;                // by key
  std::vector<BuiltUp> surroundings_;                   // by key: the area the neighbours told (unknown: none told, or not asked)
  std::vector<int8_t> own_built_up_;                   // by key: BuiltUp from its own tags, -1 not yet read
  std::unordered_map<uint64_t, uint32_t> surroundings_keys_;  // key << 2 | area -> the key with surroundings
  std::unordered_map<uint32_t, std::pair<uint32_t, uint32_t>> undecided_readings_;  // key with unknown surroundings -> its urban and rural keys
  Evaluated undecided_;                                 // the entry of a service road urban or rural by law, neither by map
  std::unordered_map<std::string, bool> value_cache_;  // "key\x1fvalue" -> whether a filter tests that value
  std::unordered_map<uint64_t, uint32_t> coarse_regions_;  // 0.01 degree cell -> region, or kMixed
  std::unordered_map<uint64_t, uint32_t> fine_regions_;    // 0.001 degree cell in a mixed one -> region, or kMixed
  std::unordered_map<std::string, uint32_t> code_index_;   // dataset code -> small number, for evaluated_
  std::unordered_map<uint64_t, Evaluated> evaluated_;      // code index << 32 | key (node-based: pointers stay)
  std::unordered_map<uint64_t, const Evaluated*> by_region_key_;  // region << 32 | key; null: no rules there
  std::vector<uint64_t> region_edges_;                     // edges per region index
  std::array<uint64_t, 8> direction_sources_{};            // edge directions per SpeedSource
  std::vector<std::pair<std::string_view, std::string_view>> projected_;  // key_for's scratch
  std::string canonical_;
  std::unordered_map<std::string, uint16_t> region_index_;
  std::vector<map::RegionInput> regions_;
  std::vector<map::SpeedRuleInput> rules_;
  LegalStats stats_;
  std::string scratch_;
};

}  // namespace drivelog::osm
