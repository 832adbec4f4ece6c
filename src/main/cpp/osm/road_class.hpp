// Which OSM ways are roads a car may use, and their class. Kept: highway=motorway, trunk,
// primary, secondary, tertiary (and their *_link), unclassified, residential, living_street,
// service, road, track (closed where its access tags say so). highway=pedestrian, footway,
// cycleway, path, bridleway are kept only where motorcar/motor_vehicle/vehicle explicitly admits
// cars (yes, permissive, designated, destination, private, ...). Never: steps, areas (area=yes),
// construction, proposed, anything else.
#pragma once

#include <optional>

#include "map/map_types.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

std::optional<map::RoadClass> car_road_class(const Tags& tags);

}  // namespace drivelog::osm
