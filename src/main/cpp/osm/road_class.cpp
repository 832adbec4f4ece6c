#include "osm/road_class.hpp"

#include <array>
#include <utility>

#include "osm/access.hpp"

namespace drivelog::osm {
namespace {

using map::RoadClass;

constexpr std::array<std::pair<std::string_view, RoadClass>, 17> kRoads = {{
    {"motorway", RoadClass::motorway},         {"trunk", RoadClass::trunk},
    {"primary", RoadClass::primary},           {"secondary", RoadClass::secondary},
    {"tertiary", RoadClass::tertiary},         {"unclassified", RoadClass::unclassified},
    {"residential", RoadClass::residential},   {"motorway_link", RoadClass::motorway_link},
    {"trunk_link", RoadClass::trunk_link},     {"primary_link", RoadClass::primary_link},
    {"secondary_link", RoadClass::secondary_link}, {"tertiary_link", RoadClass::tertiary_link},
    {"living_street", RoadClass::living_street}, {"service", RoadClass::service},
    {"road", RoadClass::road},                 {"track", RoadClass::track},
    {"pedestrian", RoadClass::living_street},
}};

// Ways not built for cars: kept only with an explicit motor access tag that lets cars in. Tracks
// are built for vehicles and driven (farm and forest roads, the way into a car park or a quarry):
// they are kept always, closed where their access tags say so, so that a drive over one is matched
// to it instead of being forced onto the nearest street.
bool needs_explicit_motor_access(std::string_view highway) {
  return highway == "pedestrian" || highway == "footway" || highway == "cycleway" || highway == "path" ||
         highway == "bridleway";
}

bool explicitly_admits_cars(const Tags& tags) {
  for (std::string_view key : {"motorcar", "motor_vehicle", "vehicle"}) {
    const auto value = tags.get(key);
    if (!value) continue;
    const auto access = parse_access_value(*value);
    if (access) return *access != CarAccess::no;
  }
  return false;
}

}  // namespace

std::optional<RoadClass> car_road_class(const Tags& tags) {
  const auto highway = tags.get("highway");
  if (!highway) return std::nullopt;
  if (tags.is("area", "yes")) return std::nullopt;
  if (needs_explicit_motor_access(*highway)) {
    if (!explicitly_admits_cars(tags)) return std::nullopt;
    if (*highway == "pedestrian") return RoadClass::living_street;
    return RoadClass::service;
  }
  for (const auto& [name, road_class] : kRoads) {
    if (*highway == name) return road_class;
  }
  return std::nullopt;
}

}  // namespace drivelog::osm
