#include "sim/observability.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/route_geometry.hpp"
#include "sim/route_search.hpp"

namespace drivelog::sim {
namespace {

// The offending edge as a polyline in the metres of `projection`.
std::vector<std::pair<double, double>> polyline(const map::MapView& map, DirectedEdge d,
                                                const map::geo::LocalProjection& projection) {
  std::vector<std::pair<double, double>> points;
  for (const map::Coord c : map.edge_shape(d.edge)) points.emplace_back(projection.x(c.lon()), projection.y(c.lat()));
  return points;
}

double distance_to_polyline(double x, double y, const std::vector<std::pair<double, double>>& line) {
  double best = 1e18;
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    const auto [ax, ay] = line[i];
    const auto [bx, by] = line[i + 1];
    const double dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(((x - ax) * dx + (y - ay) * dy) / length2, 0.0, 1.0) : 0.0;
    best = std::min(best, std::hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

// Whether a legal route that starts with driving `origin` (`drive_origin`) or from its end stays
// beside `offending` up to its end.
bool shadowed_from(const map::MapView& map, DirectedEdge origin, bool drive_origin, DirectedEdge offending,
                   double separation_m, uint32_t max_states, const PlanningClock* clock, double origin_start_m) {
  // A legal route longer than this strays from the edge anyway.
  const double reach = 2 * map.edge(offending.edge).length_m + 4 * separation_m;
  const RouteSearch search(map, origin, map.edge(origin.edge).length_m + reach, max_states, clock, origin_start_m);
  const map::Coord exit = map.node_coord(end_node(map, offending));
  for (const auto& settled : search.settled()) {
    if ((settled.edge == origin && !drive_origin) || settled.edge.edge == offending.edge) continue;
    auto path = search.path_to(settled.edge);
    if (!drive_origin) path.erase(path.begin());  // driven to get here, not part of the alternative
    if (std::any_of(path.begin(), path.end(), [&](DirectedEdge d) { return d.edge == offending.edge; })) continue;
    const RouteGeometry legal(map, path);
    const map::geo::LocalProjection& projection = legal.projection();
    const auto line = polyline(map, offending, projection);
    const double exit_x = projection.x(exit.lon()), exit_y = projection.y(exit.lat());
    // Walk the legal route while it stays beside the offending edge; reaching its end that way
    // is a drive no log tells from the violation.
    constexpr double kStepM = 2;
    for (double s = 0;; s = std::min(s + kStepM, legal.length_m())) {
      const RoutePosition p = legal.position_at(s);
      const double x = projection.x(p.lon), y = projection.y(p.lat);
      if (distance_to_polyline(x, y, line) > separation_m) break;
      if (std::hypot(x - exit_x, y - exit_y) <= separation_m) return true;
      if (s >= legal.length_m()) break;
    }
  }
  return false;
}

}  // namespace

bool tellable_from_legal(const map::MapView& map, DirectedEdge before, DirectedEdge offending, double separation_m,
                         uint32_t max_states, const PlanningClock* clock, double before_start_m) {
  if (separation_m <= 0) return true;
  if (shadowed_from(map, before, false, offending, separation_m, max_states, clock, before_start_m)) return false;
  // Turning round at the junction and driving back legally looks the same too.
  const DirectedEdge turned{before.edge, !before.reversed};
  const double turned_start_m = before_start_m + map.edge(before.edge).length_m;
  const bool may_turn = clock != nullptr ? clock->legal_to_enter(map, turned, turned_start_m) : legal_to_drive(map, turned);
  return !(may_turn && shadowed_from(map, turned, true, offending, separation_m, max_states, clock, turned_start_m));
}

}  // namespace drivelog::sim
