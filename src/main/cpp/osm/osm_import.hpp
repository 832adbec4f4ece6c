// Reads an OpenStreetMap file (.osm.pbf, .osm, .osm.gz, .osm.bz2) with libosmium, interprets the
// tags of the roads a car may use, and builds a map file. Two passes: ways and relations first
// (to learn which nodes matter), then nodes; memory grows with the roads, not the whole file.
#pragma once

#include <cstdint>
#include <array>
#include <utility>
#include <map>
#include <optional>
#include <vector>
#include <stdexcept>
#include <string>

#include "map/map_builder.hpp"
#include "osm/legal_speed_resolver.hpp"
#include "osm/tag_problems.hpp"

namespace drivelog::osm {

// The OSM file cannot be read (missing, unreadable, not OSM, corrupt); what() names it.
class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImportOptions {
  std::string country;            // ISO 3166 code that replaces every edge's position-derived region; empty: from positions
  bool keep_input_order = false;  // see MapBuilder::set_keep_input_order
  std::optional<std::string> data_dir;         // reference data instead of the built-in data/ (legal/reference_data.hpp)
  std::optional<std::string> time_zones_file;  // the map area's time zones (map/time_zone_file.hpp); none: UTC
};

struct ImportReport {
  uint64_t nodes_read = 0;
  uint64_t ways_read = 0;
  uint64_t relations_read = 0;
  uint64_t road_ways = 0;               // ways kept as roads
  uint64_t closed_road_ways = 0;        // of which closed to cars (kept for no-entry detection)
  uint64_t stop_nodes = 0;              // highway=stop nodes seen
  uint64_t restriction_relations = 0;   // type=restriction relations that bind cars
  std::map<std::string, uint64_t> skipped;  // what was left out on purpose, e.g. "restriction for other vehicles"
  std::string country;                  // the region most edges lie in ("JP", "US-PA"; "" = none)
  std::string country_basis;            // "option" or "position (country boundaries data)"
  LegalStats legal;                     // regions, limit sources
  std::string legal_data;               // which reference data decided
  std::string time_zone_source;
  std::vector<std::string> time_zones;  // IANA ids of the map's area
  TagProblems tag_problems;             // values that could not be interpreted
  // The first kMaxListedWays ways with an unreadable advisory speed, and the tag ("key=value"):
  // an advisory sign left out changes which curves are judged against it, so the way is named.
  std::vector<std::pair<int64_t, std::string>> advisory_unreadable;
  static constexpr std::size_t kMaxListedWays = 100;
  std::map<std::string, uint64_t> conditionals_stored;          // ways per `*:conditional` key stored
  std::map<std::string, uint64_t> conditionals_not_understood;  // ways per key whose value was not understood (treated as absent)
  // Ways (relations for `restriction:*`) per plain per-class key that gave a class another access,
  // limit or turn restriction than the car's (`hgv`, `maxspeed:hgv`, `restriction:hgv`, `except`).
  std::map<std::string, uint64_t> class_keys_stored;
  // Per vehicle class (map::VehicleClass order: car, hgv, bus, motorcycle) and kind of rule
  // (ClassRuleKind), the ways (relations for turns) where a plain key gives the class a rule of its
  // own, other than the edge's flags and limits (for the car: its directional access and the
  // one-way records that come with it) or, for turns, other than the car's.
  std::array<std::array<uint64_t, 4>, 4> class_rules{};
  map::BuildStats build;
  double read_seconds = 0;
  double write_seconds = 0;
};

// Builds `map_path` from `osm_path`. Throws ImportError naming the OSM file if it cannot be read,
// map::MapError if the map cannot be written.
ImportReport import_osm(const std::string& osm_path, const std::string& map_path, const ImportOptions& options);

// The report as one line of JSON (the `drivelog-map build` output).
// `{"stored": {key: ways or relations}, "not_understood": {...}}`, for the map's header (`map info`).
std::string conditional_summary_json(const ImportReport& report);

// The kinds of ImportReport::class_rules: ConditionalKind's three, then turn restrictions.
enum class ClassRuleKind : uint8_t { access = 0, oneway = 1, maxspeed = 2, turn = 3 };
// {"car": {"access": n, "oneway": n, "maxspeed": n, "turn": n}, "hgv": {...}, ...}
std::string class_rules_json(const ImportReport& report);
// `{"key": count, ...}`.
std::string counts_object(const std::map<std::string, uint64_t>& counts);

std::string import_report_json(const ImportReport& report, const std::string& osm_path, const std::string& map_path);

}  // namespace drivelog::osm
