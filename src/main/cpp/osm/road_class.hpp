// Which OSM ways are roads a car may use, and their class. Kept: highway=motorway, trunk,
// primary, secondary, tertiary (and their *_link), unclassified, residential, living_street,
// service, road, track (closed where its access tags say so). highway=pedestrian, footway,
// cycleway, path, bridleway are kept only where motorcar/motor_vehicle/vehicle explicitly admits
// cars (yes, permissive, designated, destination, private, ...), or where a car conditional key
// (motorcar/motor_vehicle/vehicle:conditional) names times for cars: Tokyo's shopping streets are
// highway=pedestrian with motor_vehicle:conditional=no @ (15:00-05:00), open to cars otherwise. Never: steps, areas (area=yes),
// construction, proposed, anything else.
#pragma once

#include <optional>

#include "map/map_types.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

std::optional<map::RoadClass> car_road_class(const Tags& tags);

// A way not built for cars kept only for its car conditional key: its plain access is the
// opposite of what the conditional says (see osm_import.cpp).
bool admitted_only_by_a_conditional(const Tags& tags);

}  // namespace drivelog::osm
