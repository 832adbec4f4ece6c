#include "detect/event_fixes.hpp"

#include <algorithm>

namespace drivelog::detect {
namespace {

bool same_piece(const SpeedProfile& sp, std::size_t k) {
  return k + 1 < sp.matched().size() && sp.piece_at(k) == sp.piece_at(k + 1);
}

}  // namespace

bool judged_pair(const TripView& trip, std::size_t k, const EventsConfig& config) {
  const SpeedProfile& sp = trip.speeds;
  return !trip.match.stats.speeds_ignored && same_piece(sp, k) && !sp.derived_at(k) && !sp.derived_at(k + 1) &&
         sp.time_at(k + 1) - sp.time_at(k) <= config.max_fix_interval_s;
}

double unseen_slowing_mps(const TripView& trip, std::size_t k, const EventsConfig& config) {
  const SpeedProfile& sp = trip.speeds;
  return config.unseen_slowing_mps_per_s * std::max(0.0, sp.time_at(k + 1) - sp.time_at(k) - 1.0);
}

EventCoverage event_coverage(const TripView& trip, const EventsConfig& config) {
  const SpeedProfile& sp = trip.speeds;
  EventCoverage c;
  double no_speed_s = 0, sparse_s = 0;
  for (std::size_t k = 0; k + 1 < sp.matched().size(); ++k) {
    if (!same_piece(sp, k)) continue;
    const double dt = sp.time_at(k + 1) - sp.time_at(k);
    if (judged_pair(trip, k, config)) {
      c.decided_s += dt;
    } else if (trip.match.stats.speeds_ignored || sp.derived_at(k) || sp.derived_at(k + 1)) {
      no_speed_s += dt;
    } else {
      sparse_s += dt;
    }
  }
  c.undecided_s = no_speed_s + sparse_s;
  if (c.undecided_s > 0) {
    c.undecided_reason = trip.match.stats.speeds_ignored ? "speeds_ignored"
                         : no_speed_s >= sparse_s        ? "no_speeds"
                                                         : "sparse_fixes";
  }
  return c;
}

void locate(const TripView& trip, std::size_t first, std::size_t last, Violation& v) {
  const SpeedProfile& sp = trip.speeds;
  const auto& points = trip.match.points;
  const auto& traversals = trip.match.traversals;
  const uint32_t first_t = points[sp.matched()[first]].traversal;
  const uint32_t last_t = points[sp.matched()[last]].traversal;
  const map::Coord where = position_at(trip.map, traversals[first_t], sp.s_at(first));
  v.lat = where.lat();
  v.lon = where.lon();
  for (uint32_t t = first_t; t <= last_t; ++t) add_way(v.osm_way_ids, trip.map.edge(traversals[t].edge).osm_way_id);
  v.road_name = std::string(trip.map.edge_name(traversals[first_t].edge));
}

}  // namespace drivelog::detect
