// curve_overspeed: a curve of the road (map/path_curvature.hpp: sharper than a straight, gentler
// than a junction's corner) driven faster than its signed advisory speed (maxspeed:advisory of the
// direction driven, on any edge the curve lies on) or, where none, its comfortable speed
// sqrt(a x radius) (detect/curve_speed.hpp says why the advisory wins). An advisory sign on a
// straight is no finding: nothing here looks at stretches that are not curves. With trusted
// reported speeds at fixes close in time, the speed through the curve's core is the slowest of them
// over it. Otherwise (0.2 Hz, no speeds) it is the lowest core speed that explains the time the car
// took from the last fix before the core to the first one after it, if it slowed into the core and
// sped up out of it at no more than events.curve_speed_change_mps2: a car that slowed for the
// curve that gently between two fixes 5 s apart cannot look faster than it was.
#include <algorithm>
#include <cmath>

#include "detect/curve_speed.hpp"
#include "detect/event_fixes.hpp"
#include "detect/events.hpp"
#include "detect/severity.hpp"

namespace drivelog::detect {
namespace {

constexpr double kPlacementSlackM = 10;  // 2 sigma of a typical 5 m receiver error

struct CoreSpeed {
  double mps = 0;
  bool known = false;
  bool reported = true;  // every pair used had trusted reported speeds
  std::size_t first = 0, last = 0;  // the fixes around the core
};

// With trusted reported speeds at every fix pair over the core: the slowest over the core, each
// metre's speed interpolated between the fixes either side (a pair reaching beyond the core would mix
// in the faster approach; a fix placed a few metres off along the road would put the approach's
// speed into the core, the slowest does not move with it). Negative when some pair is not judged.
double reported_core_speed(const TripView& trip, const map::Curve& curve, std::size_t first, std::size_t last,
                           const EventsConfig& config) {
  const SpeedProfile& sp = trip.speeds;
  for (std::size_t k = first; k < last; ++k) {
    if (!judged_pair(trip, k, config)) return -1;
  }
  double slowest = -1;
  std::size_t k = first;
  for (double s = curve.core_start_s_m; s <= curve.core_end_s_m; s += 1) {
    while (k + 1 < last && sp.s_at(k + 1) < s) ++k;
    const double ds = sp.s_at(k + 1) - sp.s_at(k);
    const double f = ds > 0 ? std::clamp((s - sp.s_at(k)) / ds, 0.0, 1.0) : 0.0;
    const double v = sp.speed_mps_at(k) + f * (sp.speed_mps_at(k + 1) - sp.speed_mps_at(k));
    slowest = slowest < 0 ? v : std::min(slowest, v);
  }
  return slowest;
}

// The least time to cover `before_m`, the core and `after_m` with the core at `core_mps` and the
// speed elsewhere at most what braking into (accelerating out of) the core at the given rates allows.
double least_time_s(double core_mps, double before_m, double core_m, double after_m, double rate_mps2) {
  const auto ramp = [&](double d) { return (std::sqrt(core_mps * core_mps + 2 * rate_mps2 * d) - core_mps) / rate_mps2; };
  return ramp(before_m) + core_m / core_mps + ramp(after_m);
}

// The lowest core speed with which the car could have covered the fixes' span in `time_s`.
double lowest_core_speed(double time_s, double before_m, double core_m, double after_m, double rate_mps2) {
  double lo = 0.1, hi = 100;
  if (least_time_s(lo, before_m, core_m, after_m, rate_mps2) <= time_s) return lo;
  for (int i = 0; i < 50; ++i) {
    const double mid = (lo + hi) / 2;
    (least_time_s(mid, before_m, core_m, after_m, rate_mps2) > time_s ? lo : hi) = mid;
  }
  return hi;
}

CoreSpeed core_speed(const TripView& trip, const map::Curve& curve, uint32_t piece, const EventsConfig& config) {
  const SpeedProfile& sp = trip.speeds;
  CoreSpeed c;
  std::size_t k = sp.first_at_or_after(curve.core_start_s_m);
  if (k == 0) return c;
  --k;
  bool any = false;
  for (; k + 1 < sp.matched().size() && sp.s_at(k) < curve.core_end_s_m; ++k) {
    if (sp.s_at(k + 1) <= curve.core_start_s_m) continue;
    if (sp.piece_at(k) != piece || sp.piece_at(k + 1) != piece) return c;
    const double dt = sp.time_at(k + 1) - sp.time_at(k);
    if (dt <= 0 || dt > config.curve_max_fix_gap_s) return c;  // what happened in between is unknown
    if (!any) c.first = k;
    c.last = k + 1;
    any = true;
  }
  if (!any || sp.s_at(c.last) < curve.core_end_s_m) return c;  // the trip ended inside the curve
  const double reported = reported_core_speed(trip, curve, c.first, c.last, config);
  if (reported >= 0) {
    c.mps = reported;
  } else if (!config.curve_without_dense_speeds) {
    return c;  // undecided: measured on simulated drives, the bound below was right too rarely (docs/BENCHMARKS.md)
  } else {
    c.reported = false;
    // Without reported speeds the fixes are placed along the path by their projections, each off by
    // metres of GPS error: the span is taken that much shorter at each end, so noise cannot make a car
    // look fast.
    const double before = std::max(0.0, curve.core_start_s_m - sp.s_at(c.first) - kPlacementSlackM);
    const double after = std::max(0.0, sp.s_at(c.last) - curve.core_end_s_m - kPlacementSlackM);
    const double core = curve.core_end_s_m - curve.core_start_s_m;
    c.mps = lowest_core_speed(sp.time_at(c.last) - sp.time_at(c.first), before, std::max(1.0, core), after,
                              config.curve_speed_change_mps2);
  }
  c.known = true;
  return c;
}

// The lowest advisory speed, in the direction driven, of the edges the piece's path runs on between
// the curve's start and end; kSpeedUnknown where none is signed.
uint16_t curve_advisory(const TripView& trip, const map::Curve& curve, uint32_t piece) {
  uint16_t lowest = map::kSpeedUnknown;
  for (const match::Traversal& t : trip.match.traversals) {
    if (t.piece != piece || t.end_s_m() <= curve.start_s_m || t.start_s_m >= curve.end_s_m) continue;
    lowest = lower_advisory(lowest, trip.map.advisory_speed(t.edge, t.forward));
  }
  return lowest;
}

}  // namespace

void detect_curve_overspeed(const TripView& trip, const TripCurvature& curvature, const EventsConfig& config,
                            const EventThresholds& thresholds, std::vector<Violation>& out) {
  const map::CurveShape shape{config.curve_max_radius_m, config.curve_min_radius_m, config.curve_min_turn_deg};
  const SpeedProfile& sp = trip.speeds;
  for (const TripCurvature::Piece& piece : curvature.pieces()) {
    for (const map::Curve& curve : map::find_curves(curvature.samples(piece), shape)) {
      const CoreSpeed speed = core_speed(trip, curve, piece.piece, config);
      if (!speed.known) continue;
      const CurveAllowance allowance =
          curve_allowance(thresholds.curve_comfort_mps2, curve.min_radius_m, curve_advisory(trip, curve, piece.piece),
                          config.curve_tolerance_percent, config.curve_tolerance_kmh);
      const double allowed = allowance.allowed_mps;
      if (speed.mps <= allowed) continue;
      Violation v;
      v.type = ViolationType::curve_overspeed;
      v.start_time_s = sp.time_at_distance(curve.start_s_m);
      v.end_time_s = sp.time_at_distance(curve.end_s_m);
      locate(trip, speed.first, speed.last, v);
      const match::Traversal& t = trip.match.traversals[trip.match.points[sp.matched()[speed.first]].traversal];
      const map::Coord where = position_at(trip.map, t, curve.start_s_m);
      v.lat = where.lat();
      v.lon = where.lon();
      const double ratio = speed.mps / allowed;
      v.confidence = std::clamp(0.6 + 0.3 * std::clamp((ratio - 1) / 0.3, 0.0, 1.0) - (speed.reported ? 0.0 : 0.1), 0.0, 1.0);
      v.severity = event_severity(ratio * ratio, config);
      v.evidence.push_back(EvidenceItem::of_number("speed_kmh", speed.mps * 3.6));
      v.evidence.push_back(EvidenceItem::of_number("comfortable_speed_kmh", allowance.comfortable_mps * 3.6));
      if (allowance.advisory()) v.evidence.push_back(EvidenceItem::of_number("advisory_kmh", allowance.advisory_mps * 3.6));
      // Which speed `allowed_speed_kmh` was derived from: the signed advisory speed or the radius.
      v.evidence.push_back(EvidenceItem::of_text("basis", allowance.advisory() ? "advisory" : "radius"));
      v.evidence.push_back(EvidenceItem::of_number("allowed_speed_kmh", allowed * 3.6));
      v.evidence.push_back(EvidenceItem::of_number("radius_m", curve.min_radius_m));
      v.evidence.push_back(EvidenceItem::of_number("turn_deg", curve.turn_deg));
      v.evidence.push_back(EvidenceItem::of_number("lateral_mps2", speed.mps * speed.mps / curve.min_radius_m, 2));
      // "path": a lower bound from the fixes' times around the curve (see the top of this file).
      v.evidence.push_back(EvidenceItem::of_text("speed_source", speed.reported ? "reported" : "path"));
      out.push_back(std::move(v));
    }
  }
}

}  // namespace drivelog::detect
