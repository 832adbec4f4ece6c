// Conditional restrictions of a way for a car's access and one-way direction: `access`,
// `vehicle`, `motor_vehicle`, `motorcar` and `oneway` with `:conditional`. Each value is parsed
// (legal/conditional.hpp) and normalised for the map; a value not understood is reported and
// treated as absent. A conditional key under a more specific plain key (`motorcar=yes` with
// `access:conditional=no @ ...`) can never decide and is left out, as the plain key wins.
#pragma once

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
  std::vector<std::string_view> shadowed;  // plain keys whose conditional a more specific plain key overrides
};

ConditionalTags interpret_conditional_tags(const Tags& tags);

}  // namespace drivelog::osm
