// Turn restrictions: `type=restriction` relations whose `restriction:motorcar`,
// `restriction:motor_vehicle` or `restriction` value (most specific first) is `no_*` or `only_*`,
// and time-dependent ones: `restriction:conditional` and `restriction:CLASS:conditional`
// (`no_left_turn @ (Mo-Fr 07:00-09:00)`, `none @ (Sa,Su)`), parsed and normalised for the map
// (docs/CONDITIONAL.md). Plain values per class (`restriction:hgv`, `restriction:bus`, ...,
// the class's own key first, then `restriction:motor_vehicle`, `restriction`) and `except=` decide
// which classes a restriction binds (TurnRestriction::vehicles): `restriction:hgv=no_left_turn`
// alone binds only an hgv. Skipped: relations that bind no class.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "map/map_builder.hpp"
#include "map/map_types.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

struct RestrictionTags {
  enum class Verdict : uint8_t {
    applies,            // kind holds no / only (flags say whether it depends on the time)
    not_a_restriction,  // type is not "restriction"
    not_for_cars,       // exempted by except=, or only for other vehicles
    conditional_only,   // only conditional values, none of them understood or binding a vehicle
    invalid,            // a value we could not read (bad_key=bad_value)
  };
  Verdict verdict = Verdict::not_a_restriction;
  map::RestrictionKind kind = map::RestrictionKind::no;
  uint8_t flags = 0;                     // map::restriction_flags
  uint8_t vehicles = map::kAllVehicles;  // the classes the plain value binds (after except=)
  std::string_view bad_key;
  std::string_view bad_value;
  std::vector<map::ConditionalInput> conditionals;                   // most specific key first
  std::vector<std::pair<std::string, std::string>> not_understood;  // key, why
  std::vector<std::string> class_keys;  // plain keys that gave another class than the car its own rule (`restriction:hgv`)
};

RestrictionTags interpret_restriction(const Tags& tags);

}  // namespace drivelog::osm
