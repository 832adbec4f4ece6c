#include <algorithm>
#include <cmath>
#include <limits>

#include "detect/bound_fixes.hpp"
#include "detect/curve_speed_bound.hpp"
#include "detect/rules.hpp"
#include "map/geo.hpp"

namespace drivelog::detect {
namespace {

enum class StopOutcome { stopped, violation, undecided };

// How far along the road a matched fix may lie from where the car was (GPS error).
constexpr double kLineUncertaintyM = 10;
// Path distance between two fixes that says they were placed at one spot (a standing car's fixes
// collapsed onto each other; a moving car's are metres apart).
constexpr double kStandstillM = 0.1;

struct StopCheck {
  StopOutcome outcome = StopOutcome::undecided;
  double min_speed_kmh = std::numeric_limits<double>::infinity();
  double closest_m = std::numeric_limits<double>::infinity();
  bool derived = false;
  double bounded_gap_s = 0;  // decided by the proven bound over fixes this far apart (0: by the fixes' speeds)
};

// The gap between matched fixes k and k + 1 when it is longer than max_gap_s and the proven bound
// may judge what it hides: both fixes on `piece` with trusted reported speeds, at most
// sparse_max_gap_s apart. 0 otherwise.
double bounded_gap_s(const TripView& trip, const StopSignConfig& config, std::size_t k, uint32_t piece) {
  const SpeedProfile& sp = trip.speeds;
  if (k + 1 >= sp.matched().size() || sp.piece_at(k) != piece || sp.piece_at(k + 1) != piece) return 0;
  if (trip.match.stats.speeds_ignored || sp.derived_at(k) || sp.derived_at(k + 1)) return 0;
  const double dt = sp.time_at(k + 1) - sp.time_at(k);
  return dt > config.max_gap_s && dt <= config.sparse_max_gap_s ? dt : 0;
}

// The least speed (m/s) that the fixes around matched fixes first..last (window sparse_max_gap_s)
// allow anywhere in the zone [s_line - zone_m, s_line + after_m], braking and pulling away no harder
// than the sparse_* rates (detect/curve_speed_bound.hpp; 0: it may have stopped).
double zone_speed_bound_mps(const TripView& trip, const StopSignConfig& config, std::size_t first, std::size_t last,
                            uint32_t piece, double s_line) {
  const PlacementRule placement{config.sparse_placement_m, 0};
  std::size_t first_fix = 0;
  const std::vector<BoundFix> fixes = bound_fixes(trip, first, last, piece, config.sparse_max_gap_s, placement, first_fix);
  BoundSettings settings{KinematicLimits{config.sparse_brake_mps2, config.sparse_accel_mps2},
                         config.sparse_speed_margin_kmh / 3.6, config.sparse_max_gap_s};
  settings.one_fix_may_lie = config.sparse_one_fix_may_lie;
  settings.near_fix_pairs = true;
  settings.peak_over_fixes_mps = config.sparse_peak_over_fixes_kmh / 3.6;
  const double start_m = s_line - config.zone_m, end_m = s_line + config.after_m;
  const double enough_mps = std::max(config.threshold_kmh, config.sparse_min_speed_kmh) / 3.6;
  const auto straight = straight_line(trip, start_m, end_m, piece, first_fix);
  // The last metres before the line first: where drivers stop, so a stop the fixes allow is
  // usually found there, without bounding the whole zone (the same answer: the zone's bound is
  // the lowest of its points').
  const double at_line = core_speed_bound(fixes, s_line - 2, s_line, settings, enough_mps, straight).mps;
  if (at_line <= enough_mps) return at_line;
  return core_speed_bound(fixes, start_m, end_m, settings, enough_mps, straight).mps;
}

// Straight-line distance from the matched position of matched point k to `where`.
double distance_to(const TripView& trip, std::size_t k, map::Coord where) {
  const match::PointMatch& m = trip.match.points[trip.speeds.matched()[k]];
  return map::geo::distance_m(position_at(trip.map, trip.match.traversals[m.traversal], m.s_m), where);
}

// Decides one passage over a stop line at path distance s_line (the sign's node at `line`).
StopCheck check_stop(const TripView& trip, const StopSignConfig& config, double s_line, uint32_t piece,
                     map::Coord line) {
  const SpeedProfile& sp = trip.speeds;
  StopCheck check;
  const std::size_t n = sp.matched().size();
  // Fixes in the zone before (and just after) the line by path distance, widened by the fixes next
  // to them in time whose matched position is still that close to the line in a straight line:
  // GPS jitter while a car brakes or stands can send the matched path past the line and back (or
  // round a side road), which inflates path distance and would leave the standing fixes out.
  std::size_t first = sp.first_at_or_after(s_line - config.zone_m);
  while (first > 0 && sp.piece_at(first - 1) == piece && distance_to(trip, first - 1, line) <= config.zone_m) --first;
  std::size_t last = first;
  while (last < n && sp.s_at(last) <= s_line + config.after_m) ++last;
  // Past the line a single stray fix (jitter of a standing car) does not end the passage, nor does
  // a path that jitter sent round a corner and back; but a car that the speeds say has driven on
  // more than after_m since its first fix past the line has left it, though it may stand within
  // after_m of the line a few seconds later (turned round, or into a road that runs back beside
  // the one it came on): that is a later stop, not one at the line.
  const std::size_t first_past = sp.first_at_or_after(s_line + 1e-6);
  const auto driven_on_m = [&](std::size_t k) {
    double driven = 0;
    for (std::size_t j = first_past; j < k; ++j) {
      driven += 0.5 * (sp.speed_mps_at(j) + sp.speed_mps_at(j + 1)) * (sp.time_at(j + 1) - sp.time_at(j));
    }
    return driven;
  };
  const auto near_after = [&](std::size_t k) {
    return k < n && sp.piece_at(k) == piece && distance_to(trip, k, line) <= config.after_m &&
           driven_on_m(k) <= config.after_m;
  };
  while (last < n) {
    if (near_after(last)) {
      ++last;
    } else if (near_after(last + 1)) {
      last += 2;
    } else {
      break;
    }
  }
  // Gaps longer than max_gap_s over the zone (a fix every 5-12 s): where the proven bound can judge
  // every one of them, it decides the passage, and a slowest fix next to such a gap is not lowered
  // by the rule of thumb below (the bound is its exact form).
  bool long_gap = false, all_bounded = true;
  double widest_bounded_s = 0;  // the longest of those gaps (the finding's evidence)
  {
    std::size_t k = first > 0 ? first - 1 : 0;
    for (; k + 1 < n && k <= last; ++k) {
      if (sp.piece_at(k) != piece || sp.piece_at(k + 1) != piece) continue;
      if (sp.s_at(k + 1) < s_line - config.zone_m || sp.s_at(k) > s_line + config.after_m) continue;
      if (sp.time_at(k + 1) - sp.time_at(k) <= config.max_gap_s) continue;
      long_gap = true;
      const double bounded_s = bounded_gap_s(trip, config, k, piece);
      all_bounded = all_bounded && bounded_s > 0;
      widest_bounded_s = std::max(widest_bounded_s, bounded_s);
    }
  }
  const bool sparse = long_gap && all_bounded;
  // The time to fix k's neighbour `j` as the rule of thumb sees it (inf: none, or a gap the bound judges).
  const auto gap_to = [&](std::size_t k, std::size_t j) {
    if (j >= n || sp.piece_at(j) != piece) return std::numeric_limits<double>::infinity();
    if (sparse && bounded_gap_s(trip, config, std::min(k, j), piece) > 0) return std::numeric_limits<double>::infinity();
    return std::fabs(sp.time_at(j) - sp.time_at(k));
  };
  bool fix_in_zone = false;
  for (std::size_t k = first; k < last; ++k) {
    if (sp.piece_at(k) != piece) continue;
    fix_in_zone = true;
    // Between fixes the car may have been slower than at either: a fix before the line that is a
    // local minimum of speed is lowered by what braking and pulling away at `stop_decel_mps2` allow in half the
    // time to its nearer neighbour (a short stop falls between two 1 Hz fixes).
    double speed = sp.speed_mps_at(k);
    const bool slower_than_before = k == 0 || sp.piece_at(k - 1) != piece || sp.speed_mps_at(k - 1) >= speed;
    const bool slower_than_after = k + 1 >= n || sp.piece_at(k + 1) != piece || sp.speed_mps_at(k + 1) >= speed;
    const bool dip = (k > 0 && sp.piece_at(k - 1) == piece && sp.speed_mps_at(k - 1) > speed) ||
                     (k + 1 < n && sp.piece_at(k + 1) == piece && sp.speed_mps_at(k + 1) > speed);
    // Only before the line: past it a car slows for the turn it is making, and a car standing at
    // the line reports (or collapses to) a speed near zero there anyway.
    if (slower_than_before && slower_than_after && dip && sp.s_at(k) <= s_line) {
      const double gap = std::min(k > 0 ? gap_to(k, k - 1) : std::numeric_limits<double>::infinity(), gap_to(k, k + 1));
      if (std::isfinite(gap)) speed = std::max(0.0, speed - config.stop_decel_mps2 * gap / 2);
    }
    check.min_speed_kmh = std::min(check.min_speed_kmh, speed * 3.6);
    check.closest_m = std::min(check.closest_m, std::fabs(sp.s_at(k) - s_line));
    check.derived = check.derived || sp.derived_at(k);
  }
  // Two fixes in the zone that the matched path puts at the same place: the car stood between them.
  // Without reported speeds this is the only sign of a brief stop where the receiver's error along
  // the road has placed it past the line (where no fix is lowered as a dip, above): the matcher
  // collapses a standing car's fixes and never moves them backwards, while the centred difference
  // of derived speeds spreads a one-second standstill over the seconds either side (a car that
  // arrives at 4 m/s, stands a second and pulls away reads 2 m/s at both standing fixes). Only a
  // standstill counts, not a slow second: fix to fix, a second's path distance carries metres of
  // GPS error, and a car rolling through a turn at 15 km/h can seem to cover a metre in it.
  for (std::size_t k = first; k + 1 < last; ++k) {
    if (sp.piece_at(k) != piece || sp.piece_at(k + 1) != piece || !sp.derived_at(k) || !sp.derived_at(k + 1)) continue;
    const double dt = sp.time_at(k + 1) - sp.time_at(k);
    if (dt > 0 && dt <= config.max_gap_s && sp.s_at(k + 1) - sp.s_at(k) <= kStandstillM) {
      check.min_speed_kmh = std::min(check.min_speed_kmh, std::max(0.0, sp.s_at(k + 1) - sp.s_at(k)) / dt * 3.6);
    }
  }
  // The fixes either side of the line: the mean speed between them bounds the speed at the line
  // from above only if they are close in time; a long gap could hide a stop. Only for derived
  // speeds: two fixes a second apart differ by GPS noise of several metres, so their mean speed is
  // far noisier than a receiver's (Doppler) speed, and a car rolling through at 20 km/h would
  // often appear to have stopped.
  const std::size_t after = sp.first_at_or_after(s_line + 1e-6);
  const bool have_after = after < n && sp.piece_at(after) == piece;
  const bool have_before = after > 0 && sp.piece_at(after - 1) == piece;
  if (have_before && have_after) {
    const double dt = sp.time_at(after) - sp.time_at(after - 1);
    if (dt > 0 && sp.derived_at(after - 1) && sp.derived_at(after)) {
      const double crossing_kmh = (sp.s_at(after) - sp.s_at(after - 1)) / dt * 3.6;
      check.min_speed_kmh = std::min(check.min_speed_kmh, crossing_kmh);
    }
    check.closest_m = std::min({check.closest_m, s_line - sp.s_at(after - 1), sp.s_at(after) - s_line});
  }
  // A receiver gap next to a fix near the line may hide the stop, on whichever side of the line the
  // fix was placed: along the road a fix is only as good as the GPS error. A car that stood at the
  // line during a 15 s gap and reappears pulling away 1 m before it (as placed) has stopped; only
  // the two fixes straddling the line as placed were checked, and it was a violation.
  // So does the end of the matched piece next to such a fix: the log starting or ending there, or a
  // break (a receiver gap longer than break_gap_s, a jump): the gap that broke the path is a gap
  // too, only not inside the piece (a car braking to the line as a garage's 4-minute gap began,
  // its last fix placed 3 m past the line at 18 km/h, was a violation on a simulated legal drive).
  bool gap_near_line = false;
  for (std::size_t k = first; k < last && !gap_near_line; ++k) {
    if (sp.piece_at(k) != piece || std::fabs(sp.s_at(k) - s_line) > kLineUncertaintyM) continue;
    const bool starts_piece = k == 0 || sp.piece_at(k - 1) != piece;
    const bool ends_piece = k + 1 >= n || sp.piece_at(k + 1) != piece;
    gap_near_line = starts_piece || ends_piece || sp.time_at(k) - sp.time_at(k - 1) > config.max_gap_s ||
                    sp.time_at(k + 1) - sp.time_at(k) > config.max_gap_s;
  }
  if (check.min_speed_kmh <= config.threshold_kmh) {
    check.outcome = StopOutcome::stopped;
  } else if (sparse && fix_in_zone && have_before && have_after) {
    // The fixes either side of a long gap: only a proof that the car never slowed to a stop in the
    // zone decides; a bound that allows a stop leaves the passage undecided, as before.
    std::size_t from = first, to = last - 1;  // the zone's fixes on this piece
    while (sp.piece_at(from) != piece) ++from;
    while (sp.piece_at(to) != piece) --to;
    const double bound_kmh = zone_speed_bound_mps(trip, config, from, to, piece, s_line) * 3.6;
    if (bound_kmh > config.threshold_kmh && bound_kmh >= config.sparse_min_speed_kmh) {
      check.outcome = StopOutcome::violation;
      check.min_speed_kmh = std::min(check.min_speed_kmh, bound_kmh);
      check.bounded_gap_s = widest_bounded_s;
    }
  } else if (!fix_in_zone || !have_before || !have_after || gap_near_line ||
             sp.time_at(after) - sp.time_at(after - 1) > config.max_gap_s) {
    // No fix near the line (the path jumped over the whole zone between two fixes: a car far over
    // any plausible speed, or a path that is not what was driven), or fixes too far apart in time.
    check.outcome = StopOutcome::undecided;
  } else {
    check.outcome = StopOutcome::violation;
  }
  return check;
}

}  // namespace

void detect_stop_signs(const TripView& trip, const StopSignConfig& config, Detections& out) {
  const auto& traversals = trip.match.traversals;
  for (std::size_t i = 0; i < traversals.size(); ++i) {
    const match::Traversal& t = traversals[i];
    const auto signs = trip.map.stop_signs_on(t.edge);
    if (signs.empty() || !passes_through_end(trip, i)) continue;
    // Turning round at the line is not passing the sign (GPS noise at a corner can make the path
    // overshoot into the first metres of the next road and come back).
    const match::Traversal& next = traversals[i + 1];
    if (next.edge == t.edge && next.forward != t.forward) continue;
    const map::EdgeRecord& edge = trip.map.edge(t.edge);
    const uint32_t node = exit_node(edge, t.forward);
    for (const map::StopSign& sign : signs) {
      if (sign.node != node) continue;
      ++out.stop_signs.passed;
      const double s_line = t.end_s_m();
      const StopCheck check = check_stop(trip, config, s_line, t.piece, trip.map.node_coord(node));
      if (check.outcome == StopOutcome::stopped) {
        ++out.stop_signs.stopped;
        continue;
      }
      if (check.outcome == StopOutcome::undecided) {
        ++out.stop_signs.undecided;
        continue;
      }
      ++out.stop_signs.violations;
      Violation v;
      v.type = ViolationType::stop_sign;
      v.start_time_s = trip.speeds.time_at_distance(s_line - config.zone_m);
      v.end_time_s = trip.speeds.time_at_distance(s_line + config.after_m);
      const map::Coord where = trip.map.node_coord(node);
      v.lat = where.lat();
      v.lon = where.lon();
      v.osm_way_ids.push_back(edge.osm_way_id);
      v.road_name = std::string(trip.map.edge_name(t.edge));
      // Sure when clearly too fast with a fix close to the line.
      double confidence = 0.6 + 0.3 * std::clamp((check.min_speed_kmh - config.threshold_kmh) / 10.0, 0.0, 1.0) +
                          0.1 * std::clamp(1.0 - check.closest_m / 20.0, 0.0, 1.0);
      if (check.derived) confidence -= 0.05;
      v.confidence = std::clamp(confidence, 0.0, 1.0);
      v.evidence.push_back(EvidenceItem::of_number("min_speed_kmh", check.min_speed_kmh));
      v.evidence.push_back(EvidenceItem::of_number("threshold_kmh", config.threshold_kmh));
      v.evidence.push_back(EvidenceItem::of_integer("stop_osm_node_id", sign.osm_node_id));
      v.evidence.push_back(EvidenceItem::of_number("zone_m", config.zone_m));
      v.evidence.push_back(EvidenceItem::of_number("closest_point_m", check.closest_m));
      // Judged by the proven bound across a gap in the fixes: how long, and what it assumed.
      if (check.bounded_gap_s > 0) {
        v.evidence.push_back(EvidenceItem::of_number("fix_gap_s", check.bounded_gap_s));
        v.evidence.push_back(EvidenceItem::of_number("bound_brake_mps2", config.sparse_brake_mps2, 2));
        v.evidence.push_back(EvidenceItem::of_number("bound_accel_mps2", config.sparse_accel_mps2, 2));
      }
      out.violations.push_back(std::move(v));
    }
  }
}

}  // namespace drivelog::detect
