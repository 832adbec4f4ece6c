// What a map stores about the law besides the roads: the regions (countries, subdivisions) its
// edges lie in, the legal speed rules they use, and the time zones of its area. The map builder
// knows nothing of where these come from: an EdgeSpeedResolver (the OSM importer's, from the
// reference data in data/) decides them per edge, and the caller hands over the time zones.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "map/map_format.hpp"
#include "map/map_types.hpp"

namespace drivelog::map {

struct SpeedRuleInput {
  std::string name;  // e.g. "JP: motorway", "JP 2026-09-01 road without centre line"
  std::string tags;  // the dataset's tags for the road, "key=value" lines
  int32_t from_day = INT32_MIN;
  int32_t until_day = INT32_MAX;
  std::array<uint16_t, static_cast<std::size_t>(VehicleClass::count)> limits{};  // as SpeedRule::limits
  SpeedSource source = SpeedSource::legal_default;
  uint8_t certitude = 0;
  uint32_t next = kNoSpeedRule;
};

struct RegionInput {
  std::string code;        // "US-PA", "" at sea
  std::string rules_code;  // the dataset entry whose rules apply, "" if none
};

// Decides, per edge, its region and its rule-based limits. Called by MapBuilder::write once per
// edge, in file order, from one thread.
class EdgeSpeedResolver {
 public:
  virtual ~EdgeSpeedResolver() = default;
  // `legal_key`: WayInput::legal_key of the edge's way; `middle`: the edge's middle shape point.
  // Sets record.region, record.speed_rule and, for directions whose source is rule-based (or none:
  // no tag, the legal default wanted), their limit and source.
  virtual void resolve(uint32_t legal_key, Coord middle, EdgeRecord& record) = 0;
  [[nodiscard]] virtual std::vector<RegionInput> regions() const = 0;
  [[nodiscard]] virtual std::vector<SpeedRuleInput> rules() const = 0;
  // Which data decided (stored in the map, shown by map info).
  [[nodiscard]] virtual std::string description() const = 0;
};

struct TimeZoneInput {
  std::string name;                              // IANA id
  std::vector<UtcOffsetTransition> transitions;  // ascending; the first holds from the beginning of time
};

// The zone of each cell of a grid over the map's area, and each zone's offsets from UTC.
struct TimeZoneTable {
  std::string source = "none given: local time is UTC";
  format::GridGeometry grid{0, 0, 1800000000, 1800000000, 1, 1};  // one cell for the world
  std::vector<uint16_t> cells = {0};
  std::vector<TimeZoneInput> zones = {TimeZoneInput{"UTC", {UtcOffsetTransition{INT64_MIN, 0, 0}}}};
};

}  // namespace drivelog::map
