#include "match/path_geometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "map/geo.hpp"

namespace drivelog::match {
namespace {

// Shape point i in travel order.
map::Coord shape_point(std::span<const map::Coord> shape, bool forward, std::size_t i) {
  return forward ? shape[i] : shape[shape.size() - 1 - i];
}

// Differences in double: two longitudes on either side of the antimeridian are up to 3.6e9 apart
// in 1e-7 degree, more than an int32 holds. Rounded as std::lround does, inline (libm's is a call,
// two per position on the path).
map::Coord lerp(map::Coord a, map::Coord b, double f) {
  const auto between = [f](int32_t from, int32_t to) {
    return static_cast<int32_t>(map::round_half_away(from + f * (static_cast<double>(to) - from)));
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

// shape_scale() that also keeps each segment's haversine length in `lengths` (shape order), for the
// walk along the edge to reuse instead of measuring every segment a second time. A segment measures
// the same to the bit from either end (the haversine's differences change sign exactly, sin is odd,
// the products commute; PathGeometry.aSegmentMeasuresTheSameFromEitherEnd), so a walk against the
// shape's order reads them backwards.
double shape_scale_keeping(const map::MapView& map, uint32_t edge, std::span<const map::Coord> shape, double* lengths) {
  double total = 0;
  for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
    lengths[i] = map::geo::distance_m(shape[i], shape[i + 1]);
    total += lengths[i];
  }
  const double stored = map.edge(edge).length_m;
  return total > 0 ? stored / total : 1.0;
}

// Edges of up to this many segments keep their lengths on the stack in position_on_edge() (nearly
// all: a town's edges have 3.3 shape points on average); longer ones measure each segment twice.
constexpr std::size_t kKeptSegments = 32;

}  // namespace

map::Coord position_on_edge(const map::MapView& map, uint32_t edge, bool forward, double travel_m) {
  const auto shape = map.edge_shape(edge);
  const std::size_t segments = shape.size() - 1;
  std::array<double, kKeptSegments> kept;
  const bool keep = segments <= kKeptSegments;
  const double scale = keep ? shape_scale_keeping(map, edge, shape, kept.data()) : shape_scale(map, edge, shape);
  double walked = 0;
  for (std::size_t i = 0; i < segments; ++i) {
    const map::Coord a = shape_point(shape, forward, i), b = shape_point(shape, forward, i + 1);
    const double len = (keep ? kept[forward ? i : segments - 1 - i] : map::geo::distance_m(a, b)) * scale;
    if (walked + len >= travel_m && len > 0) return lerp(a, b, std::clamp((travel_m - walked) / len, 0.0, 1.0));
    walked += len;
  }
  return shape_point(shape, forward, shape.size() - 1);
}

void EdgeWalk::reset(const map::MapView& map, uint32_t edge, bool forward) {
  valid_ = false;
  shape_ = map.edge_shape(edge);
  lengths_m_.resize(shape_.size() - 1);
  const double scale = shape_scale_keeping(map, edge, shape_, lengths_m_.data());
  if (!forward) std::reverse(lengths_m_.begin(), lengths_m_.end());
  for (double& length : lengths_m_) length *= scale;
  edge_ = edge;
  forward_ = forward;
  valid_ = true;
}

map::Coord EdgeWalk::position(double travel_m) const {
  // position_on_edge()'s walk with the lengths measured in reset().
  double walked = 0;
  for (std::size_t i = 0; i + 1 < shape_.size(); ++i) {
    const double len = lengths_m_[i];
    if (walked + len >= travel_m && len > 0) {
      return lerp(shape_point(shape_, forward_, i), shape_point(shape_, forward_, i + 1),
                  std::clamp((travel_m - walked) / len, 0.0, 1.0));
    }
    walked += len;
  }
  return shape_point(shape_, forward_, shape_.size() - 1);
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

void path_polyline(const map::MapView& map, std::span<const Traversal> traversals,
                   const map::geo::LocalProjection& frame, std::vector<PathVertex>& out) {
  // All in the flat frame (a piece spans a few kilometres at most): the shape's lengths scaled to
  // the edge's stored length, as Traversal distances are, without a great-circle distance per
  // segment.
  out.clear();
  for (const Traversal& t : traversals) {
    const auto shape = map.edge_shape(t.edge);
    const std::size_t first_vertex = out.size();
    double total = 0;
    for (std::size_t i = 0; i < shape.size(); ++i) {
      const map::Coord c = shape_point(shape, t.forward, i);
      const double east = frame.x(c.lon()), north = frame.y(c.lat());
      if (i > 0) total += std::hypot(east - out.back().east_m, north - out.back().north_m);
      out.push_back(PathVertex{total, east, north});
    }
    // out[first_vertex..] now holds the whole edge with flat distances from its start; keep the
    // stretch [from_m, to_m] with path distances.
    const double scale = total > 0 ? map.edge(t.edge).length_m / total : 1.0;
    std::span<PathVertex> edge(out.begin() + static_cast<std::ptrdiff_t>(first_vertex), out.end());
    for (PathVertex& v : edge) v.s_m *= scale;
    std::size_t hint = 0;
    const PathPoint from = point_on_polyline(edge, t.from_m, hint);
    const PathPoint to = point_on_polyline(edge, t.to_m, hint);
    // In place: the edge's first vertex (at 0, never inside the stretch) gives way to its start.
    std::size_t kept = first_vertex;
    out[kept++] = PathVertex{t.start_s_m, from.east_m, from.north_m};
    for (std::size_t i = first_vertex + 1; i < first_vertex + edge.size(); ++i) {
      const PathVertex v = out[i];
      if (v.s_m > t.from_m && v.s_m < t.to_m) out[kept++] = PathVertex{t.start_s_m + (v.s_m - t.from_m), v.east_m, v.north_m};
    }
    out.resize(kept);
    out.push_back(PathVertex{t.end_s_m(), to.east_m, to.north_m});
  }
}

PathPoint point_on_polyline(std::span<const PathVertex> polyline, double s_m, std::size_t& hint) {
  PathPoint p;
  if (polyline.empty()) return p;
  if (polyline.size() == 1) {
    p.east_m = polyline[0].east_m;
    p.north_m = polyline[0].north_m;
    return p;
  }
  std::size_t i = std::min(hint, polyline.size() - 2);
  while (i > 0 && polyline[i].s_m > s_m) --i;
  while (i + 2 < polyline.size() && polyline[i + 1].s_m < s_m) ++i;
  hint = i;
  const PathVertex &a = polyline[i], &b = polyline[i + 1];
  const double length = b.s_m - a.s_m;
  const double f = length > 0 ? std::clamp((s_m - a.s_m) / length, 0.0, 1.0) : 0.0;
  p.east_m = a.east_m + f * (b.east_m - a.east_m);
  p.north_m = a.north_m + f * (b.north_m - a.north_m);
  // The direction of the nearest segment of some length (a junction's vertices may coincide).
  for (std::size_t j = i; j + 1 < polyline.size(); ++j) {
    const double de = polyline[j + 1].east_m - polyline[j].east_m, dn = polyline[j + 1].north_m - polyline[j].north_m;
    const double norm = std::hypot(de, dn);
    if (norm > 0.01) {
      p.dir_east = de / norm;
      p.dir_north = dn / norm;
      break;
    }
  }
  return p;
}

double nearest_s_on_polyline(std::span<const PathVertex> polyline, double east_m, double north_m, double from_s_m,
                             double to_s_m, std::size_t& hint) {
  if (polyline.size() < 2) return polyline.empty() ? from_s_m : std::clamp(polyline[0].s_m, from_s_m, to_s_m);
  std::size_t i = std::min(hint, polyline.size() - 2);
  while (i > 0 && polyline[i].s_m > from_s_m) --i;
  while (i + 2 < polyline.size() && polyline[i + 1].s_m < from_s_m) ++i;
  hint = i;
  double best_s = from_s_m, best_d2 = std::numeric_limits<double>::infinity();
  for (; i + 1 < polyline.size() && polyline[i].s_m <= to_s_m; ++i) {
    const PathVertex &a = polyline[i], &b = polyline[i + 1];
    const double de = b.east_m - a.east_m, dn = b.north_m - a.north_m, length2 = de * de + dn * dn;
    const double f = length2 > 0 ? std::clamp(((east_m - a.east_m) * de + (north_m - a.north_m) * dn) / length2, 0.0, 1.0) : 0.0;
    const double segment_s = a.s_m + f * (b.s_m - a.s_m);
    const double s = std::clamp(segment_s, from_s_m, to_s_m);
    // Outside the stretch (it may end inside a segment): the stretch's end point instead.
    std::size_t at_hint = i;
    const PathPoint at = s == segment_s ? PathPoint{a.east_m + f * de, a.north_m + f * dn} : point_on_polyline(polyline, s, at_hint);
    const double d2 = (at.east_m - east_m) * (at.east_m - east_m) + (at.north_m - north_m) * (at.north_m - north_m);
    if (d2 < best_d2) {
      best_d2 = d2;
      best_s = s;
    }
  }
  return best_s;
}

}  // namespace drivelog::match
