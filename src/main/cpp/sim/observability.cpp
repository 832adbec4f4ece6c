#include "sim/observability.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "sim/route_geometry.hpp"
#include "sim/route_search.hpp"

namespace drivelog::sim {
namespace {

using Polyline = std::vector<std::pair<double, double>>;

// Edges as polylines in the metres of `projection` (one each: shapes are stored in one direction).
std::vector<Polyline> polylines(const map::MapView& map, std::span<const DirectedEdge> edges,
                                const map::geo::LocalProjection& projection) {
  std::vector<Polyline> lines;
  for (const DirectedEdge d : edges) {
    Polyline& points = lines.emplace_back();
    for (const map::Coord c : map.edge_shape(d.edge)) points.emplace_back(projection.x(c.lon()), projection.y(c.lat()));
  }
  return lines;
}

double distance_to_polylines(double x, double y, const std::vector<Polyline>& lines) {
  double best = 1e18;
  for (const Polyline& line : lines) {
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const auto [ax, ay] = line[i];
      const auto [bx, by] = line[i + 1];
      const double dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy;
      const double t = length2 > 0 ? std::clamp(((x - ax) * dx + (y - ay) * dy) / length2, 0.0, 1.0) : 0.0;
      best = std::min(best, std::hypot(x - ax - t * dx, y - ay - t * dy));
    }
  }
  return best;
}

// Whether a legal route that starts with driving `origin` (`drive_origin`) or from its end stays
// beside `driven` (the edges the car drove from there, the offending one last) up to the offending
// edge's end, without following the car's first edge (`driven` front, unless it is the offending one).
bool shadowed_from(const map::MapView& map, DirectedEdge origin, bool drive_origin, std::span<const DirectedEdge> driven,
                   double separation_m, uint32_t max_states) {
  const DirectedEdge offending = driven.back();
  // A legal route longer than this strays from the edges anyway.
  double reach = 2 * map.edge(offending.edge).length_m + 4 * separation_m;
  for (const DirectedEdge d : driven.first(driven.size() - 1)) reach += map.edge(d.edge).length_m;
  const RouteSearch search(map, origin, map.edge(origin.edge).length_m + reach, max_states);
  const map::Coord exit = map.node_coord(end_node(map, offending));
  for (const auto& settled : search.settled()) {
    if ((settled.edge == origin && !drive_origin) || settled.edge.edge == offending.edge) continue;
    auto path = search.path_to(settled.edge);
    if (!drive_origin) path.erase(path.begin());  // driven to get here, not part of the alternative
    if (std::any_of(path.begin(), path.end(), [&](DirectedEdge d) { return d.edge == offending.edge; })) continue;
    if (driven.size() > 1 && !path.empty() && path.front() == driven.front()) continue;  // the car's own way
    const RouteGeometry legal(map, path);
    const map::geo::LocalProjection& projection = legal.projection();
    const auto lines = polylines(map, driven, projection);
    const double exit_x = projection.x(exit.lon()), exit_y = projection.y(exit.lat());
    // Walk the legal route while it stays beside the driven edges; reaching the offending edge's
    // end that way is a drive no log tells from the violation.
    constexpr double kStepM = 2;
    for (double s = 0;; s = std::min(s + kStepM, legal.length_m())) {
      const RoutePosition p = legal.position_at(s);
      const double x = projection.x(p.lon), y = projection.y(p.lat);
      if (distance_to_polylines(x, y, lines) > separation_m) break;
      if (std::hypot(x - exit_x, y - exit_y) <= separation_m) return true;
      if (s >= legal.length_m()) break;
    }
  }
  return false;
}

}  // namespace

bool tellable_from_legal(const map::MapView& map, std::span<const DirectedEdge> approach, DirectedEdge offending,
                         double separation_m, uint32_t max_states) {
  if (separation_m <= 0 || approach.empty()) return true;
  std::vector<DirectedEdge> driven{offending};
  // Leaving the approach at its last junction, or at an earlier one while the car drove no more than
  // four times the separation from there: a short link from a street into an alley beside it (Tokyo, a
  // 21 m link then a closed alley 5-8 m beside the street) looks like staying on the street.
  double from_divergence_m = 0;
  for (std::size_t i = approach.size(); i-- > 0;) {
    if (shadowed_from(map, approach[i], false, driven, separation_m, max_states)) return false;
    from_divergence_m += map.edge(approach[i].edge).length_m;
    if (from_divergence_m > 4 * separation_m) break;
    driven.insert(driven.begin(), approach[i]);
  }
  // Turning round at the junction and driving back legally looks the same too.
  const DirectedEdge before = approach.back();
  const DirectedEdge turned{before.edge, !before.reversed};
  const std::array<DirectedEdge, 1> offending_only{offending};
  return !(legal_to_drive(map, turned) && shadowed_from(map, turned, true, offending_only, separation_m, max_states));
}

}  // namespace drivelog::sim
