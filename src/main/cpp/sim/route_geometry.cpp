#include "sim/route_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace drivelog::sim {
namespace {
constexpr double kPi = 3.14159265358979323846;
}

RouteGeometry::RouteGeometry(const map::MapView& map, const std::vector<DirectedEdge>& route) {
  if (route.empty()) throw std::invalid_argument("RouteGeometry: empty route");
  const map::Coord origin = map.node_coord(start_node(map, route.front()));
  projection_ = map::geo::LocalProjection(origin.lat(), origin.lon());
  step_start_m_.push_back(0);
  double s = 0;
  for (const auto& d : route) {
    const auto shape = map.edge_shape(d.edge);
    for (size_t i = 0; i < shape.size(); ++i) {
      const map::Coord c = d.reversed ? shape[shape.size() - 1 - i] : shape[i];
      const double x = projection_.x(c.lon()), y = projection_.y(c.lat());
      if (!vertices_.empty()) {
        const double step = std::hypot(x - vertices_.back().x_m, y - vertices_.back().y_m);
        if (step < 1e-6) continue;  // the shared node between edges, or a duplicated point
        s += step;
      }
      vertices_.push_back(Vertex{x, y, s});
    }
    step_start_m_.push_back(s);
  }
  if (vertices_.size() == 1) vertices_.push_back(vertices_.front());
}

size_t RouteGeometry::step_at(double s_m) const {
  const auto it = std::upper_bound(step_start_m_.begin() + 1, step_start_m_.end() - 1, s_m);
  return static_cast<size_t>(it - step_start_m_.begin()) - 1;
}

RoutePosition RouteGeometry::position_at(double s_m) const {
  const double s = std::clamp(s_m, 0.0, vertices_.back().s_m);
  auto it = std::upper_bound(vertices_.begin(), vertices_.end(), s, [](double v, const Vertex& x) { return v < x.s_m; });
  if (it == vertices_.end()) --it;
  if (it == vertices_.begin()) ++it;
  const Vertex& b = *it;
  const Vertex& a = *(it - 1);
  const double span = b.s_m - a.s_m;
  const double f = span > 0 ? (s - a.s_m) / span : 0.0;
  const double x = a.x_m + f * (b.x_m - a.x_m), y = a.y_m + f * (b.y_m - a.y_m);
  double heading = std::atan2(b.x_m - a.x_m, b.y_m - a.y_m) * 180.0 / kPi;
  if (heading < 0) heading += 360.0;
  return RoutePosition{projection_.origin_lat + y / projection_.meters_per_deg_lat,
                       projection_.origin_lon + x / projection_.meters_per_deg_lon, heading};
}

std::vector<map::PlanarVertex> RouteGeometry::planar() const {
  std::vector<map::PlanarVertex> out;
  out.reserve(vertices_.size());
  for (const Vertex& v : vertices_) out.push_back(map::PlanarVertex{v.s_m, v.x_m, v.y_m});
  return out;
}

std::vector<RouteGeometry::Bend> RouteGeometry::bends() const {
  std::vector<Bend> result;
  for (size_t i = 1; i + 1 < vertices_.size(); ++i) {
    const Vertex &a = vertices_[i - 1], &b = vertices_[i], &c = vertices_[i + 1];
    const double h1 = std::atan2(b.x_m - a.x_m, b.y_m - a.y_m), h2 = std::atan2(c.x_m - b.x_m, c.y_m - b.y_m);
    double turn = std::fabs(h2 - h1) * 180.0 / kPi;
    if (turn > 180.0) turn = 360.0 - turn;
    if (turn > 1.0) result.push_back(Bend{b.s_m, turn});
  }
  return result;
}

}  // namespace drivelog::sim
