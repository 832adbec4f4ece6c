#include "osm/oneway.hpp"

#include <algorithm>
#include <array>

namespace drivelog::osm {
namespace {

// Each class's one-way keys, most specific first (empty entries unused).
constexpr std::array<std::array<std::string_view, 4>, 4> kOnewayKeys{{
    {"oneway:motorcar", "oneway:motor_vehicle", "oneway", ""},
    {"oneway:hgv", "oneway:goods", "oneway:motor_vehicle", "oneway"},
    {"oneway:bus", "oneway:psv", "oneway:motor_vehicle", "oneway"},
    {"oneway:motorcycle", "oneway:motor_vehicle", "oneway", ""},
}};

// Applies one value; false if it is not one we read.
bool apply(std::string_view value, Oneway& result) {
  const std::string_view v = trim(value);
  if (v == "yes" || v == "true" || v == "1") {
    result.backward = false;
  } else if (v == "-1" || v == "reverse") {
    result.forward = false;
  } else if (v == "no" || v == "false" || v == "0") {
    // both ways, overriding any implication
  } else if (v == "reversible" || v == "alternating") {
    result.reversible = true;
  } else {
    return false;
  }
  return true;
}

}  // namespace

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
  return interpret_oneway(tags, road_class, map::VehicleClass::car);
}

Oneway interpret_oneway(const Tags& tags, map::RoadClass road_class, map::VehicleClass vehicle) {
  Oneway result;
  const auto junction = tags.get("junction");
  result.roundabout = junction == "roundabout";
  const bool circular = result.roundabout || junction == "circular";
  const bool car = vehicle == map::VehicleClass::car;

  for (const std::string_view key : kOnewayKeys[static_cast<std::size_t>(vehicle)]) {
    if (key.empty()) continue;
    const auto value = tags.get(key);
    if (!value) continue;
    if (apply(*value, result)) {
      result.decided_by = key;
      return result;
    }
    if (car) {  // reported, and two-way
      result.invalid_key = key;
      result.invalid_value = *value;
      return result;
    }
    // A key the car reads too (`oneway`, `oneway:motor_vehicle`): two-way, as for the car, and not
    // the motorway's or roundabout's implication, which would give a lorry a wrong_way the car,
    // judged by the same unreadable value, does not get. Only a class's own key is skipped.
    const auto& car_keys = kOnewayKeys[static_cast<std::size_t>(map::VehicleClass::car)];
    if (std::find(car_keys.begin(), car_keys.end(), key) != car_keys.end()) return result;
  }
  if (circular || road_class == map::RoadClass::motorway || road_class == map::RoadClass::motorway_link) {
    result.backward = false;
    result.implicit = true;
    result.decided_by = circular ? "junction" : "highway";
  }
  return result;
}

}  // namespace drivelog::osm
