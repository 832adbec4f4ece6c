// curve_overspeed: a curve of the road (map/path_curvature.hpp: sharper than a straight, gentler
// than a junction's corner) driven faster than its signed advisory speed (maxspeed:advisory of the
// direction driven, on any edge the curve lies on) or, where none, its comfortable speed
// sqrt(a x radius) (detect/curve_speed.hpp says why the advisory wins). An advisory sign on a
// straight is no finding: nothing here looks at stretches that are not curves. With trusted
// reported speeds at fixes close in time, the speed through the curve's core is the slowest of them
// over it (less what the car may have slowed unseen between fixes over a second apart:
// events.unseen_slowing_mps_per_s). With trusted reported speeds at fixes too far apart to
// interpolate (0.2 Hz), a speed
// read at a fix inside the curve is measured there: it is judged against the comfortable speed of
// the curve around that fix (detect below: `reading_in_curve`). Otherwise (no speeds) the curve is
// undecided unless events.curve_without_dense_speeds asks for a proven lower bound on the core's speed from the
// fixes' times and any reported speeds (detect/curve_speed_bound.hpp), assuming only that the car
// braked and accelerated no harder than the class's harsh thresholds: a curve is a finding when
// that bound is over the allowed speed, and stays undecided (counted in summary.events) otherwise.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <span>
#include <vector>

#include "detect/bound_fixes.hpp"
#include "detect/curve_speed.hpp"
#include "detect/curve_speed_bound.hpp"
#include "detect/event_fixes.hpp"
#include "detect/events.hpp"
#include "detect/severity.hpp"
#include "map/geo.hpp"

namespace drivelog::detect {
namespace {

constexpr double kPlacementSigmas = 3;      // a fix's placement error: this x its reported accuracy, at least
constexpr double kReportedSpeedMarginMps = 1;  // how far off a trusted reported speed may be (Doppler: ~0.2-0.5 m/s)
// A reported speed's error, 1 sigma (0.1-0.5 m/s for phone and car receivers, 0.3 in the simulator),
// as harsh_cornering allows it: a core speed over the allowed one by less is a driver at the allowance
// whose receiver read fast, or whose curve the OSM polyline draws a little tighter than it is (simulated
// Pennsylvania, correlated error: three legal drives read 0.1-0.6 km/h over on 20-35 degree bends).
constexpr double kReportedSpeedErrorMps = 0.3;

// How far off along the path a fix may be placed: events.curve_placement_m, or kPlacementSigmas x
// its reported accuracy where that is worse.
PlacementRule curve_placement(const EventsConfig& config) { return {config.curve_placement_m, kPlacementSigmas}; }

struct CoreSpeed {
  double mps = 0;
  bool known = false;
  bool reported = true;  // every pair used had trusted reported speeds (or, with `reading`, one fix did)
  bool reading = false;   // one fix's reported speed inside the curve (reading_in_curve), not the pairs over the core
  std::size_t first = 0, last = 0;  // the fixes around the core
  CoreBound bound;       // where !reported: what proved mps
  KinematicLimits limits;
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
    const double v = sp.speed_mps_at(k) + f * (sp.speed_mps_at(k + 1) - sp.speed_mps_at(k)) - unseen_slowing_mps(trip, k, config);
    slowest = slowest < 0 ? v : std::min(slowest, v);
  }
  return slowest;
}

// A trusted reported speed read at a fix inside the curve, against the curve where the fix lies.
struct CurveReading {
  bool known = false;     // some fix lies inside the curve by the margin
  std::size_t fix = 0;    // the matched index of the reading nearest to (or most over) its allowed speed
  double mps = 0;
  double radius_m = 0;    // the gentlest radius within the margin either side of the fix
  CurveAllowance allowance;
};

// Where fixes are too far apart in time for the speed between them (0.2 Hz: the car may have
// braked for the curve and sped up after it), the receiver's speed at a fix that lies inside the
// curve is still a measurement at that place (Doppler, to ~0.3 m/s), not an inference from
// positions. A fix may be placed placement_m() off along the path, so it counts only that far
// inside the curve's ends, and it is judged against the gentlest radius within that margin either
// side of it: the car may have been anywhere there, and on a curve's flanks, gentler than its apex,
// it may be faster. The reading most over its allowed speed decides (or, with none over, the one
// nearest to it). A curve shorter than the car drives between
// two fixes is often left without a reading: undecided, not guessed.
CurveReading reading_in_curve(const TripView& trip, const map::Curve& curve, std::span<const map::CurvatureSample> samples,
                              uint32_t piece, uint16_t advisory, const EventsConfig& config,
                              const EventThresholds& thresholds) {
  CurveReading best;
  if (trip.match.stats.speeds_ignored || samples.empty()) return best;
  const SpeedProfile& sp = trip.speeds;
  const double first_s = samples.front().s_m;
  double best_ratio = 0;
  for (std::size_t k = sp.first_at_or_after(curve.start_s_m); k < sp.matched().size() && sp.s_at(k) <= curve.end_s_m; ++k) {
    if (sp.piece_at(k) != piece || sp.derived_at(k)) continue;
    const double margin = placement_m(trip, k, curve_placement(config));
    const double s = sp.s_at(k);
    if (s < curve.start_s_m + margin || s > curve.end_s_m - margin) continue;
    // The car was somewhere within the margin of where the fix is placed: the gentlest bend there
    // is what it may have been allowed.
    double gentlest = std::numeric_limits<double>::infinity();
    const auto from = static_cast<std::size_t>(std::max(0.0, std::floor((s - margin - first_s) / TripCurvature::kStepM)));
    const auto to = std::min(samples.size() - 1, static_cast<std::size_t>(std::max(0.0, std::ceil((s + margin - first_s) / TripCurvature::kStepM))));
    for (std::size_t i = from; i <= to; ++i) gentlest = std::min(gentlest, samples[i].curvature);
    if (!(gentlest > 0)) continue;
    const double radius = 1 / gentlest;
    const CurveAllowance allowance = curve_allowance(thresholds.curve_comfort_mps2, radius, advisory,
                                                     config.curve_tolerance_percent, config.curve_tolerance_kmh);
    const double ratio = sp.speed_mps_at(k) / allowance.allowed_mps;
    if (!best.known || ratio > best_ratio) {
      best = CurveReading{true, k, sp.speed_mps_at(k), radius, allowance};
      best_ratio = ratio;
    }
  }
  return best;
}

// The vehicle's braking and acceleration limits the bound assumes: the class's harsh thresholds
// (a harder brake or start is itself an event, which a 1 Hz log with speeds would show), unless
// events.curve_speed_change_mps2 sets one rate for both.
KinematicLimits bound_limits(const EventsConfig& config, const EventThresholds& thresholds) {
  if (config.curve_speed_change_mps2 > 0) return {config.curve_speed_change_mps2, config.curve_speed_change_mps2};
  return {thresholds.braking_mps2, thresholds.acceleration_mps2};
}

// `allowed_mps`: the curve's allowed speed; a bound that cannot reach it is not refined further.
CoreSpeed core_speed(const TripView& trip, const map::Curve& curve, uint32_t piece, const EventsConfig& config,
                     const EventThresholds& thresholds, double allowed_mps) {
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
    return c;  // undecided: the proven bound below decides almost no curve at realistic overspeeds (docs/BENCHMARKS.md)
  } else {
    // A proven lower bound on the core's speed from the fixes' times and any reported speeds
    // (detect/curve_speed_bound.hpp). Only a bound over the allowed speed decides the curve (a
    // finding); one under it leaves the curve undecided.
    c.reported = false;
    c.limits = bound_limits(config, thresholds);
    std::size_t first_fix = 0;
    const std::vector<BoundFix> fixes = bound_fixes(trip, c.first, c.last, piece, config.curve_max_fix_gap_s,
                                                    curve_placement(config), first_fix);
    const BoundSettings settings{c.limits, kReportedSpeedMarginMps, config.curve_max_fix_gap_s};
    c.bound = core_speed_bound(fixes, curve.core_start_s_m, curve.core_end_s_m, settings, allowed_mps,
                               straight_line(trip, curve.core_start_s_m, curve.core_end_s_m, piece, first_fix));
    if (c.bound.mps <= allowed_mps) return c;
    c.mps = c.bound.mps;
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
                            const EventThresholds& thresholds, std::vector<Violation>& out, EventCoverage& coverage) {
  const map::CurveShape shape{config.curve_max_radius_m, config.curve_min_radius_m, config.curve_min_turn_deg};
  const SpeedProfile& sp = trip.speeds;
  for (const TripCurvature::Piece& piece : curvature.pieces()) {
    for (const map::Curve& curve : map::find_curves(curvature.samples(piece), shape)) {
      const uint16_t advisory = curve_advisory(trip, curve, piece.piece);
      const CurveAllowance allowance =
          curve_allowance(thresholds.curve_comfort_mps2, curve.min_radius_m, advisory,
                          config.curve_tolerance_percent, config.curve_tolerance_kmh);
      CoreSpeed speed = core_speed(trip, curve, piece.piece, config, thresholds, allowance.allowed_mps);
      CurveAllowance judged_by = allowance;
      double radius_m = curve.min_radius_m;
      if (!speed.known) {
        const CurveReading reading =
            reading_in_curve(trip, curve, curvature.samples(piece), piece.piece, advisory, config, thresholds);
        if (reading.known) {
          speed.known = true;
          speed.reading = true;
          speed.mps = reading.mps;
          speed.first = speed.last = reading.fix;
          judged_by = reading.allowance;
          radius_m = reading.radius_m;
        }
      }
      ++(speed.known ? coverage.curves_judged : coverage.curves_undecided);
      const double allowed = judged_by.allowed_mps;
      if (!speed.known || speed.mps <= allowed + (speed.reported ? kReportedSpeedErrorMps : 0)) continue;
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
      v.evidence.push_back(EvidenceItem::of_number("comfortable_speed_kmh", judged_by.comfortable_mps * 3.6));
      if (judged_by.advisory()) v.evidence.push_back(EvidenceItem::of_number("advisory_kmh", judged_by.advisory_mps * 3.6));
      // Which speed `allowed_speed_kmh` was derived from: the signed advisory speed or the radius.
      v.evidence.push_back(EvidenceItem::of_text("basis", judged_by.advisory() ? "advisory" : "radius"));
      v.evidence.push_back(EvidenceItem::of_number("allowed_speed_kmh", allowed * 3.6));
      v.evidence.push_back(EvidenceItem::of_number("radius_m", radius_m));
      v.evidence.push_back(EvidenceItem::of_number("turn_deg", curve.turn_deg));
      v.evidence.push_back(EvidenceItem::of_number("lateral_mps2", speed.mps * speed.mps / radius_m, 2));
      // "bound": a proven lower bound from the fixes' times (and reported speeds) around the curve;
      // "reading_in_curve": one fix's reported speed inside the curve, against the radius around it.
      v.evidence.push_back(EvidenceItem::of_text("speed_source", !speed.reported ? "bound" : speed.reading ? "reading_in_curve" : "reported"));
      if (!speed.reported) {
        // What proved it: the pair of fixes (their distance along the path and time apart; 0 where
        // a reported speed near the core did), and the limits assumed.
        v.evidence.push_back(EvidenceItem::of_number("bound_span_m", speed.bound.span_m));
        v.evidence.push_back(EvidenceItem::of_number("bound_span_s", speed.bound.span_s));
        v.evidence.push_back(EvidenceItem::of_number("bound_brake_mps2", speed.limits.brake_mps2, 2));
        v.evidence.push_back(EvidenceItem::of_number("bound_accel_mps2", speed.limits.accel_mps2, 2));
        v.evidence.push_back(EvidenceItem::of_number("bound_placement_m", config.curve_placement_m));
      }
      out.push_back(std::move(v));
    }
  }
}

}  // namespace drivelog::detect
