// curve_overspeed: a curve of the road (map/path_curvature.hpp: sharper than a straight, gentler
// than a junction's corner) driven faster than its comfortable speed sqrt(a x radius). The speed
// through the curve's core is the slowest of the fix-to-fix speeds over it: the mean of the two
// trusted reported speeds, else the matched path's distance over the time between the fixes. That
// is known at 0.2 Hz and without reported speeds as long as the fixes around the curve are close
// enough in time; a car that slows for the curve between two fixes only looks slower than it was
// at the core, never faster. OSM's maxspeed:advisory is not in the map yet (docs/ENGINE.md).
#include <algorithm>
#include <cmath>

#include "detect/event_fixes.hpp"
#include "detect/events.hpp"
#include "detect/severity.hpp"

namespace drivelog::detect {
namespace {

struct CoreSpeed {
  double mps = 0;
  bool known = false;
  bool reported = true;  // every pair used had trusted reported speeds
  std::size_t first = 0, last = 0;  // the fixes around the core
};

CoreSpeed core_speed(const TripView& trip, const map::Curve& curve, uint32_t piece, const EventsConfig& config) {
  const SpeedProfile& sp = trip.speeds;
  CoreSpeed c;
  std::size_t k = sp.first_at_or_after(curve.core_start_s_m);
  if (k == 0) return c;
  --k;
  double slowest = 1e9;
  bool any = false;
  for (; k + 1 < sp.matched().size() && sp.s_at(k) < curve.core_end_s_m; ++k) {
    if (sp.s_at(k + 1) <= curve.core_start_s_m) continue;
    if (sp.piece_at(k) != piece || sp.piece_at(k + 1) != piece) return c;
    const double dt = sp.time_at(k + 1) - sp.time_at(k);
    if (dt <= 0 || dt > config.curve_max_fix_gap_s) return c;  // what happened in between is unknown
    double v = 0;
    if (!trip.match.stats.speeds_ignored && !sp.derived_at(k) && !sp.derived_at(k + 1)) {
      v = (sp.speed_mps_at(k) + sp.speed_mps_at(k + 1)) / 2;
    } else {
      v = (sp.s_at(k + 1) - sp.s_at(k)) / dt;
      c.reported = false;
    }
    if (!any) c.first = k;
    c.last = k + 1;
    slowest = std::min(slowest, v);
    any = true;
  }
  if (!any || sp.s_at(c.last) < curve.core_end_s_m) return c;  // the trip ended inside the curve
  c.mps = slowest;
  c.known = true;
  return c;
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
      const double comfortable = std::sqrt(thresholds.curve_comfort_mps2 * curve.min_radius_m);
      const double allowed =
          std::max(comfortable * (1 + config.curve_tolerance_percent / 100), comfortable + config.curve_tolerance_kmh / 3.6);
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
      v.evidence.push_back(EvidenceItem::of_number("comfortable_speed_kmh", comfortable * 3.6));
      v.evidence.push_back(EvidenceItem::of_number("allowed_speed_kmh", allowed * 3.6));
      v.evidence.push_back(EvidenceItem::of_number("radius_m", curve.min_radius_m));
      v.evidence.push_back(EvidenceItem::of_number("turn_deg", curve.turn_deg));
      v.evidence.push_back(EvidenceItem::of_number("lateral_mps2", speed.mps * speed.mps / curve.min_radius_m, 2));
      v.evidence.push_back(EvidenceItem::of_text("speed_source", speed.reported ? "reported" : "path"));
      out.push_back(std::move(v));
    }
  }
}

}  // namespace drivelog::detect
