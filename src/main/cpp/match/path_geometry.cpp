#include "match/path_geometry.hpp"

#include <algorithm>
#include <cmath>

#include "map/geo.hpp"

namespace drivelog::match {
namespace {

// Shape point i in travel order.
map::Coord shape_point(std::span<const map::Coord> shape, bool forward, std::size_t i) {
  return forward ? shape[i] : shape[shape.size() - 1 - i];
}

// Differences in double: two longitudes on either side of the antimeridian are up to 3.6e9 apart
// in 1e-7 degree, more than an int32 holds.
map::Coord lerp(map::Coord a, map::Coord b, double f) {
  const auto between = [f](int32_t from, int32_t to) {
    return static_cast<int32_t>(std::lround(from + f * (static_cast<double>(to) - from)));
  };
  return map::Coord{between(a.lat_e7, b.lat_e7), between(a.lon_e7, b.lon_e7)};
}

// Scale from shape metres (haversine sum) to the edge's stored length, so offsets agree.
double shape_scale(const map::MapView& map, uint32_t edge, std::span<const map::Coord> shape) {
  double total = 0;
  for (std::size_t i = 0; i + 1 < shape.size(); ++i) total += map::geo::distance_m(shape[i], shape[i + 1]);
  const double stored = map.edge(edge).length_m;
  return total > 0 ? stored / total : 1.0;
}

}  // namespace

map::Coord position_on_edge(const map::MapView& map, uint32_t edge, bool forward, double travel_m) {
  const auto shape = map.edge_shape(edge);
  const double scale = shape_scale(map, edge, shape);
  double walked = 0;
  for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
    const map::Coord a = shape_point(shape, forward, i), b = shape_point(shape, forward, i + 1);
    const double len = map::geo::distance_m(a, b) * scale;
    if (walked + len >= travel_m && len > 0) return lerp(a, b, std::clamp((travel_m - walked) / len, 0.0, 1.0));
    walked += len;
  }
  return shape_point(shape, forward, shape.size() - 1);
}

void append_stretch(const map::MapView& map, uint32_t edge, bool forward, double from_m, double to_m,
                    std::vector<map::Coord>& out) {
  const auto shape = map.edge_shape(edge);
  const double scale = shape_scale(map, edge, shape);
  out.push_back(position_on_edge(map, edge, forward, from_m));
  double walked = 0;
  for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
    const map::Coord a = shape_point(shape, forward, i), b = shape_point(shape, forward, i + 1);
    walked += map::geo::distance_m(a, b) * scale;
    if (walked > from_m && walked < to_m) out.push_back(b);
  }
  out.push_back(position_on_edge(map, edge, forward, to_m));
}

double bearing_at_end(const map::MapView& map, uint32_t edge, bool forward, bool at_start) {
  const auto shape = map.edge_shape(edge);
  const std::size_t n = shape.size();
  const map::Coord a = at_start ? shape_point(shape, forward, 0) : shape_point(shape, forward, n - 2);
  const map::Coord b = at_start ? shape_point(shape, forward, 1) : shape_point(shape, forward, n - 1);
  return map::geo::bearing_deg(a.lat(), a.lon(), b.lat(), b.lon());
}

Direction direction_near_end(const map::MapView& map, uint32_t edge, bool forward, bool at_start, double span_m,
                             double cos_lat) {
  const auto shape = map.edge_shape(edge);
  const std::size_t n = shape.size();
  const map::Coord tip = shape_point(shape, forward, at_start ? 0 : n - 1);
  const double span_e7 = span_m / (map::geo::kEarthRadiusMeters * map::geo::kDegToRad) * 1e7;
  double dx = 0, dy = 0;
  for (std::size_t step = 1; step < n; ++step) {
    const map::Coord far = shape_point(shape, forward, at_start ? step : n - 1 - step);
    dx = (static_cast<double>(far.lon_e7) - tip.lon_e7) * cos_lat;
    dy = static_cast<double>(far.lat_e7) - tip.lat_e7;
    if (dx * dx + dy * dy >= span_e7 * span_e7) break;
  }
  const double length = std::sqrt(dx * dx + dy * dy);
  if (length <= 0) return Direction{};
  // From the tip into the edge at its start; from the edge into the tip at its end.
  return at_start ? Direction{dx / length, dy / length} : Direction{-dx / length, -dy / length};
}

}  // namespace drivelog::match
