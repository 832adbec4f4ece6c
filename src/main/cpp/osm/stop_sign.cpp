#include "osm/stop_sign.hpp"

namespace drivelog::osm {

std::optional<StopSignTags> interpret_stop_sign(const Tags& tags) {
  if (!tags.is("highway", "stop")) return std::nullopt;
  StopSignTags stop;
  if (tags.is("stop", "all")) {
    stop.direction = map::StopDirection::all_way;
    return stop;
  }
  std::string_view key = "stop:direction";
  auto value = tags.get(key);
  if (!value) value = tags.get(key = "direction");
  if (!value) return stop;
  const std::string_view v = trim(*value);
  if (v == "forward") {
    stop.direction = map::StopDirection::forward;
  } else if (v == "backward") {
    stop.direction = map::StopDirection::backward;
  } else if (v != "both" && v != "all") {
    stop.unread = std::pair{key, *value};
  }
  return stop;
}

}  // namespace drivelog::osm
