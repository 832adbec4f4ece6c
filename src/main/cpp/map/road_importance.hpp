// How important a road class is at a junction, for the rule that puts a directionless stop sign
// on the minor road's approaches (docs/MAP_FORMAT.md). Links rank with the road they serve.
#pragma once

#include "map/map_types.hpp"

namespace drivelog::map {

// 0 = most important (motorway); larger numbers are minor roads.
inline int road_importance(RoadClass c) {
  switch (c) {
    case RoadClass::motorway: case RoadClass::motorway_link: return 0;
    case RoadClass::trunk: case RoadClass::trunk_link: return 1;
    case RoadClass::primary: case RoadClass::primary_link: return 2;
    case RoadClass::secondary: case RoadClass::secondary_link: return 3;
    case RoadClass::tertiary: case RoadClass::tertiary_link: return 4;
    case RoadClass::unclassified: return 5;
    case RoadClass::residential: case RoadClass::road: return 6;
    case RoadClass::living_street: return 7;
    case RoadClass::service: return 8;
    case RoadClass::track: case RoadClass::count: return 9;
  }
  return 9;
}

}  // namespace drivelog::map
