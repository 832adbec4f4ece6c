#include "detect/bound_fixes.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "map/geo.hpp"

namespace drivelog::detect {

double placement_m(const TripView& trip, std::size_t k, const PlacementRule& placement) {
  const float accuracy = trip.trace[trip.speeds.matched()[k]].accuracy_m;
  return std::isnan(accuracy) ? placement.min_placement_m
                              : std::max(placement.min_placement_m, placement.accuracy_sigmas * accuracy);
}

std::vector<BoundFix> bound_fixes(const TripView& trip, std::size_t first, std::size_t last, uint32_t piece,
                                  double window_s, const PlacementRule& placement, std::size_t& from_out) {
  const SpeedProfile& sp = trip.speeds;
  std::size_t from = first, to = last;
  while (from > 0 && sp.piece_at(from - 1) == piece && sp.time_at(first) - sp.time_at(from - 1) <= window_s) --from;
  while (to + 1 < sp.matched().size() && sp.piece_at(to + 1) == piece && sp.time_at(to + 1) - sp.time_at(last) <= window_s) ++to;
  std::vector<BoundFix> fixes;
  for (std::size_t k = from; k <= to; ++k) {
    BoundFix f{sp.s_at(k), sp.time_at(k), placement_m(trip, k, placement), NAN};
    if (!trip.match.stats.speeds_ignored && !sp.derived_at(k)) f.speed_mps = sp.speed_mps_at(k);
    fixes.push_back(f);
  }
  from_out = from;
  return fixes;
}

std::function<double(std::size_t, double)> straight_line(const TripView& trip, double start_s_m, double end_s_m,
                                                         uint32_t piece, std::size_t first_fix) {
  std::vector<map::Coord> points;
  std::vector<bool> known;
  const auto& traversals = trip.match.traversals;
  const auto holds = [&](double at) {
    return [&, at](const match::Traversal& tr) { return tr.piece == piece && tr.start_s_m <= at && at <= tr.end_s_m(); };
  };
  auto hint = traversals.begin();  // the points go forward along the path: search on from the last one's traversal
  for (double s = start_s_m;; s += 1) {
    const double at = std::min(s, end_s_m);
    auto t = std::find_if(hint, traversals.end(), holds(at));
    if (t == traversals.end()) {
      const auto earlier = std::find_if(traversals.begin(), hint, holds(at));
      if (earlier != hint) t = earlier;
    }
    if (t != traversals.end()) hint = t;
    known.push_back(t != trip.match.traversals.end());
    points.push_back(known.back() ? position_at(trip.map, *t, at) : map::Coord{});
    if (at >= end_s_m) break;
  }
  return [&trip, first_fix, points = std::move(points), known = std::move(known), start = start_s_m](std::size_t fix,
                                                                                                       double p) {
    const auto i = static_cast<std::size_t>(std::lround(std::max(0.0, p - start)));
    if (i >= points.size() || !known[i]) return static_cast<double>(NAN);
    const match::TracePoint& f = trip.trace[trip.speeds.matched()[first_fix + fix]];
    return map::geo::distance_m(f.lat, f.lon, points[i].lat(), points[i].lon());
  };
}

}  // namespace drivelog::detect
