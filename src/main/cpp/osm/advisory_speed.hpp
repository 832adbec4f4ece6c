// A way's advisory speed per direction (`maxspeed:advisory`, `maxspeed:advisory:forward|backward`,
// OSM wiki Key:maxspeed:advisory): a posted speed that is not a legal limit, typically before a
// curve or on a ramp. `maxspeed:advisory:forward|backward` win over `maxspeed:advisory` for their
// direction. Values are numbers in km/h, `mph` or `knots`, read by the maxspeed parser; `signals`
// and `variable` say a sign exists whose value is not in the data (nothing stored, not a problem).
// `none`, zones ("DE:urban") and anything unreadable are problems: an advisory speed is a number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "map/map_types.hpp"
#include "osm/tag_problems.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

struct WayAdvisorySpeed {
  uint16_t forward = map::kSpeedUnknown;   // tenths of km/h
  uint16_t backward = map::kSpeedUnknown;  // tenths of km/h
  std::optional<std::string> unreadable;   // the first unreadable tag, "key=value", for the import report
};

// Unreadable values are also counted in `problems`.
WayAdvisorySpeed interpret_advisory_speed(const Tags& tags, TagProblems& problems);

}  // namespace drivelog::osm
