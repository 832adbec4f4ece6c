// Conditional restrictions of a way (docs/CONDITIONAL.md): access (`access`, `vehicle`,
// `motor_vehicle`, `motorcar`, and per vehicle class `hgv`, `goods`, `bus`, `psv`, `motorcycle`),
// `oneway` (also `oneway:bus`, `oneway:hgv`, ...) and `maxspeed` (also `maxspeed:hgv`, ...), each
// with `:conditional` and, for access and maxspeed, `:forward:conditional` /
// `:backward:conditional`. Each value is parsed
// (legal/conditional.hpp) and normalised for the map; a value not understood is reported and
// treated as absent. A record binds the vehicle classes and directions for which no more specific
// plain key decides (`motorcar=yes` with `access:conditional=no @ ...` still binds an hgv, not a
// car); one that binds nothing is left out and reported. Plain per-class keys that give a class
// another access, one-way or limit than the edge's flags and limits are stored the same way, as
// records that always hold.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "map/map_builder.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

struct ConditionalTags {
  std::vector<map::ConditionalInput> stored;                         // most specific key first
  std::vector<std::pair<std::string, std::string>> not_understood;  // key, why
  std::vector<std::string> shadowed;  // conditional keys a more specific plain key overrides for every vehicle
  // Plain per-class keys that give a class other than the car another access or limit than the
  // car's plain tags (`hgv=no`, `maxspeed:hgv=60`): records that always hold, tried last.
  std::vector<map::ConditionalInput> plain;
  // Directions (bit 0 forward, bit 1 backward) the car's directional access closes while its plain
  // access leaves the road open (`motor_vehicle:backward=no`): to be taken off the edge's direction
  // flags. The car's access record of that direction (in `plain`) makes entering it a no_entry.
  uint8_t car_closed_directions = 0;
  // Directions the car's one-way forbids and its own directional permission allows (`oneway=yes` +
  // `motorcar:backward=yes`): to be put on the edge's direction flags, so that the matcher prices
  // the car's legal direction as legal (the detector reads the same from the flags).
  uint8_t car_opened_directions = 0;
};

// `road_class` implies one-ways (a motorway) for every class alike.
ConditionalTags interpret_conditional_tags(const Tags& tags, map::RoadClass road_class = map::RoadClass::residential);

// What one rule's value means for the map (`no` -> `closed`, `20 mph` -> `32.2`); nothing if it
// is not understood.
using RuleValueMeaning = std::function<std::optional<std::string>(std::string_view)>;

// Parses a conditional value and rewrites each rule's value with `normalise`:
// `no @ (Mo-Fr); yes @ (Su)` -> `closed @ (Mo-Fr); open @ (Su)`. Nothing if the value or a rule's
// value is not understood (`error` says why). `named` receives the vehicle classes the rules'
// values name (`psv @ ...`).
std::optional<std::string> normalised_rules(std::string_view value, const RuleValueMeaning& normalise, std::string& error,
                                            uint8_t& named);

// Classes named by an OSM vehicle word as drivelog's vehicle classes bind them (motorcar -> car,
// goods and hgv -> hgv, psv and bus -> bus, motor_vehicle and vehicle -> all); 0 for other words.
uint8_t vehicles_named(std::string_view word);

}  // namespace drivelog::osm
