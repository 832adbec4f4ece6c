// Stop signs for cars: `highway=stop` nodes. The approaches they govern come from `direction` or
// `stop:direction` (forward / backward, relative to the way through the node); `stop=all` makes
// an all-way stop; anything else (no direction, "both", degrees, compass points) leaves the
// choice to the builder's rule for directionless stops (docs/MAP_FORMAT.md).
#pragma once

#include <optional>
#include <string_view>

#include "map/map_builder.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

struct StopSignTags {
  map::StopDirection direction = map::StopDirection::all;
  // A direction value we do not read as forward/backward/both (e.g. "NE", "120"): reported, rule applied.
  std::optional<std::pair<std::string_view, std::string_view>> unread;
};

// Nothing if the node is not a stop sign.
std::optional<StopSignTags> interpret_stop_sign(const Tags& tags);

}  // namespace drivelog::osm
