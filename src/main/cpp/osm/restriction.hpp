// Turn restrictions that bind cars: `type=restriction` relations whose `restriction:motorcar`,
// `restriction:motor_vehicle` or `restriction` value (most specific first) is `no_*` or `only_*`.
// Skipped: relations whose `except=` lists motorcar, motor_vehicle or vehicle; relations with only
// other vehicles' values (`restriction:hgv`, ...); time-dependent ones (`restriction:conditional`).
#pragma once

#include <string_view>

#include "map/map_types.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

struct RestrictionTags {
  enum class Verdict : uint8_t {
    applies,            // kind holds no / only
    not_a_restriction,  // type is not "restriction"
    not_for_cars,       // exempted by except=, or only for other vehicles
    conditional_only,   // only a restriction:conditional (time-dependent): not modelled
    invalid,            // a value we could not read (bad_key=bad_value)
  };
  Verdict verdict = Verdict::not_a_restriction;
  map::RestrictionKind kind = map::RestrictionKind::no;
  std::string_view bad_key;
  std::string_view bad_value;
};

RestrictionTags interpret_restriction(const Tags& tags);

}  // namespace drivelog::osm
