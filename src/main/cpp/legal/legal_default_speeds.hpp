// The legal default speed limits of 242 countries and subdivisions, from the dataset maintained on
// the OpenStreetMap wiki ("Default speed limits", data/legal_default_speeds.json): road types as
// tag filters, and per country the `maxspeed*` tags each road type implies. `speed_limits` gives
// the same answer as `LegalDefaultSpeeds.getSpeedLimits` of the osm-legal-default-speeds library
// (the dataset's own consumer, BSD 3-Clause; checked against it in LegalDefaultSpeedsOracleTest),
// without relations: route relations are not read by the importer.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "legal/tag_filter.hpp"

namespace drivelog::legal {

class LegalDataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// How sure a result is, as the library grades it.
enum class Certitude : uint8_t {
  exact,          // a road type's filter matched
  from_maxspeed,  // the road type was found from the way's own `maxspeed`
  fuzzy,          // a road type's fuzzy filter matched (e.g. "urban" from highway=residential)
  fallback,       // nothing matched: the country's rule for other roads
};
const char* certitude_name(Certitude c);

struct LegalResult {
  std::optional<std::string> road_type;  // the dataset's name; none for the country's fallback rule
  TagMap tags;                           // tags the road is assumed to have, beyond its own
  Certitude certitude = Certitude::fallback;
};

class LegalDefaultSpeeds {
 public:
  // Parses the dataset's JSON; throws LegalDataError naming what is wrong (`source` names the file).
  static LegalDefaultSpeeds from_json(std::string_view json, const std::string& source);

  // `country`: "DE", "US-PA" (a subdivision without rules of its own falls back to its country).
  // Nothing if the dataset has no rules there.
  [[nodiscard]] std::optional<LegalResult> speed_limits(std::string_view country, const TagMap& tags) const;

  // Whether the road type's filter matches (with `fuzzy`, its fuzzy filter too, as the dataset's
  // lookup reads it), placeholders followed: for rules written on top of the dataset that name its
  // road types ({motorway}), and for asking whether a way lies in a built-up area ({urban}).
  [[nodiscard]] bool road_type_matches(const std::string& road_type, const TagMap& tags, bool fuzzy = false) const {
    return filters_match(road_type, tags, fuzzy);
  }

  [[nodiscard]] bool has_rules_for(std::string_view country) const;
  // The code whose rules apply to `country` ("US-PA" -> "US-PA"; "FR-75" -> "FR"), or "".
  [[nodiscard]] std::string rules_code(std::string_view country) const;
  // The wiki revision the data was parsed from, e.g. "2607051".
  [[nodiscard]] const std::string& revision() const { return revision_; }
  [[nodiscard]] std::size_t country_count() const { return limits_.size(); }

  // How the filters of `country`'s road types read tags (placeholders followed), for reducing a
  // way's tags to those that can change its result.
  [[nodiscard]] KeyUses key_uses(std::string_view country) const;
  // The same over every country.
  [[nodiscard]] KeyUses key_uses_all() const;

 private:
  struct RoadTypeFilters {
    std::optional<TagFilter> filter;
    std::optional<TagFilter> fuzzy;
    std::optional<TagFilter> relation;  // parsed (a syntax error shows) but unused: no relations here
  };
  struct RoadType {
    std::optional<std::string> name;
    TagMap tags;
  };

  [[nodiscard]] const RoadType* find_by_tags(const std::vector<RoadType>& types, const TagMap& tags, bool fuzzy) const;
  [[nodiscard]] bool filters_match(const std::string& name, const TagMap& tags, bool fuzzy) const;
  void add_key_uses(const std::string& road_type, KeyUses& uses, std::vector<std::string>& seen) const;

  std::map<std::string, RoadTypeFilters, std::less<>> filters_;
  std::map<std::string, std::vector<RoadType>, std::less<>> limits_;
  std::string revision_;
};

}  // namespace drivelog::legal
