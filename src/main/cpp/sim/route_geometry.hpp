// A route's shape as one polyline in local metres, addressed by distance along the route.
#pragma once

#include <cstdint>
#include <cstddef>
#include <vector>

#include "map/geo.hpp"
#include "map/map_view.hpp"
#include "map/path_curvature.hpp"
#include "sim/driving_rules.hpp"

namespace drivelog::sim {

// A position on the route: WGS 84 degrees and the direction of travel (degrees from north).
struct RoutePosition {
  double lat = 0;
  double lon = 0;
  double heading_deg = 0;
};

class RouteGeometry {
 public:
  RouteGeometry(const map::MapView& map, const std::vector<DirectedEdge>& route);

  [[nodiscard]] double length_m() const { return step_start_m_.back(); }
  // Where step `step` (an index into the route) begins and ends, in metres along the route.
  [[nodiscard]] double step_start_m(size_t step) const { return step_start_m_[step]; }
  [[nodiscard]] double step_end_m(size_t step) const { return step_start_m_[step + 1]; }
  [[nodiscard]] size_t step_count() const { return step_start_m_.size() - 1; }
  // The step driven at `s_m` (the later one exactly at a boundary).
  [[nodiscard]] size_t step_at(double s_m) const;
  [[nodiscard]] RoutePosition position_at(double s_m) const;
  [[nodiscard]] const map::geo::LocalProjection& projection() const { return projection_; }

  // A bend of the polyline: where it is and by how much the direction changes (0..180 degrees).
  struct Bend {
    double s_m;
    double angle_deg;
  };
  [[nodiscard]] std::vector<Bend> bends() const;

  // The polyline with its distances, for measuring curvature as the engine does (map/path_curvature.hpp).
  [[nodiscard]] std::vector<map::PlanarVertex> planar() const;

 private:
  struct Vertex {
    double x_m, y_m, s_m;
  };
  map::geo::LocalProjection projection_;
  std::vector<Vertex> vertices_;
  std::vector<double> step_start_m_;
};

}  // namespace drivelog::sim
