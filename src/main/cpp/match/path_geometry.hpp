// Positions on edges: turning (edge, direction, travel metres) back into coordinates.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "map/map_types.hpp"
#include "map/geo.hpp"
#include "map/map_view.hpp"
#include "map/path_curvature.hpp"
#include "match/matched_path.hpp"

namespace drivelog::match {

// The point `travel_m` metres into `edge` travelled in direction `forward`.
map::Coord position_on_edge(const map::MapView& map, uint32_t edge, bool forward, double travel_m);

// position_on_edge() for many points of one edge in one direction: the edge's scale and the length
// of each of its segments are computed once, by the same operations, so every answer is
// position_on_edge()'s own (a check of a wrong-way run asks for two points per fix on it,
// and each call measured the whole shape twice, with a cosine per segment).
class EdgeWalk {
 public:
  // Measures `edge` in direction `forward` (its shape must outlive the walk: the map's).
  void reset(const map::MapView& map, uint32_t edge, bool forward);
  [[nodiscard]] bool walks(uint32_t edge, bool forward) const { return valid_ && edge == edge_ && forward == forward_; }
  // position_on_edge(map, edge, forward, travel_m).
  [[nodiscard]] map::Coord position(double travel_m) const;

 private:
  std::span<const map::Coord> shape_;
  std::vector<double> lengths_m_;  // of the segments in travel order, scaled to the stored length
  uint32_t edge_ = 0;
  bool forward_ = true;
  bool valid_ = false;
};

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

// A stretch of the matched path as a polyline in a local flat frame, each vertex with its path
// distance (Traversal::start_s_m and on), for placing fixes along the path in metres.
using PathVertex = map::PlanarVertex;
void path_polyline(const map::MapView& map, std::span<const Traversal> traversals,
                   const map::geo::LocalProjection& frame, std::vector<PathVertex>& out);

// The point and unit direction of travel at path distance `s_m` on a polyline from path_polyline()
// (clamped to its ends). `hint` is the segment to start looking from, updated: calls with
// non-decreasing distances walk the polyline once.
struct PathPoint {
  double east_m = 0, north_m = 0;
  double dir_east = 1, dir_north = 0;
};
PathPoint point_on_polyline(std::span<const PathVertex> polyline, double s_m, std::size_t& hint);

// The path distance of the point of the polyline nearest to (east_m, north_m) among its stretch
// from `from_s_m` to `to_s_m`: where a fix lies along the path, not along one edge of it (a fix
// projected onto its own edge alone stops at the edge's end, so fixes near a change of edge are
// pulled towards it). `hint` as for point_on_polyline().
double nearest_s_on_polyline(std::span<const PathVertex> polyline, double east_m, double north_m, double from_s_m,
                             double to_s_m, std::size_t& hint);

}  // namespace drivelog::match
