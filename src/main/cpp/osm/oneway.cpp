#include "osm/oneway.hpp"

namespace drivelog::osm {

uint16_t Oneway::edge_flags() const {
  uint16_t flags = 0;
  if (forward) flags |= map::edge_flags::kForwardAllowed;
  if (backward) flags |= map::edge_flags::kBackwardAllowed;
  if (implicit) flags |= map::edge_flags::kImplicitOneway;
  if (reversible) flags |= map::edge_flags::kReversible;
  if (roundabout) flags |= map::edge_flags::kRoundabout;
  return flags;
}

Oneway interpret_oneway(const Tags& tags, map::RoadClass road_class) {
  Oneway result;
  const auto junction = tags.get("junction");
  result.roundabout = junction == "roundabout";
  const bool circular = result.roundabout || junction == "circular";

  std::string_view key = "oneway:motorcar";
  std::optional<std::string_view> value = tags.get(key);
  if (!value) value = tags.get(key = "oneway:motor_vehicle");
  if (!value) value = tags.get(key = "oneway");

  if (value) {
    const std::string_view v = trim(*value);
    if (v == "yes" || v == "true" || v == "1") {
      result.backward = false;
    } else if (v == "-1" || v == "reverse") {
      result.forward = false;
    } else if (v == "no" || v == "false" || v == "0") {
      // both ways, overriding any implication
    } else if (v == "reversible" || v == "alternating") {
      result.reversible = true;
    } else {
      result.invalid_key = key;
      result.invalid_value = *value;
    }
    return result;
  }
  if (circular || road_class == map::RoadClass::motorway || road_class == map::RoadClass::motorway_link) {
    result.backward = false;
    result.implicit = true;
  }
  return result;
}

}  // namespace drivelog::osm
