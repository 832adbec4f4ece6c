// Positions on edges: turning (edge, direction, travel metres) back into coordinates.
#pragma once

#include <cstdint>
#include <vector>

#include "map/map_types.hpp"
#include "map/map_view.hpp"

namespace drivelog::match {

// The point `travel_m` metres into `edge` travelled in direction `forward`.
map::Coord position_on_edge(const map::MapView& map, uint32_t edge, bool forward, double travel_m);

// Appends the shape of the stretch [from_m, to_m] (travel metres) of the edge, in travel order.
void append_stretch(const map::MapView& map, uint32_t edge, bool forward, double from_m, double to_m,
                    std::vector<map::Coord>& out);

// The direction of travel (degrees from north) at the start or end of a traversal of `edge`.
double bearing_at_end(const map::MapView& map, uint32_t edge, bool forward, bool at_start);

// The direction of travel over the edge's first (last) `span_m` metres, or the whole edge if
// shorter (mapped junctions often end a road with a stub of a metre or two pointing anywhere), as
// a unit vector (east, north); `cos_lat`: the cosine of a latitude nearby (a flat local metric).
struct Direction {
  double east = 0, north = 1;
};
Direction direction_near_end(const map::MapView& map, uint32_t edge, bool forward, bool at_start, double span_m,
                             double cos_lat);

}  // namespace drivelog::match
