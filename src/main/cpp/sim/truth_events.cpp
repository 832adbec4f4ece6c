#include "sim/truth_events.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "detect/curve_speed.hpp"
#include "map/path_curvature.hpp"

namespace drivelog::sim {
namespace {

EvidenceField number(std::string key, double value) { return EvidenceField{std::move(key), value, {}, false}; }

TruthViolation event_at(const map::MapView& map, const Drive& drive, const char* type, double start_s, double end_s,
                        double start_m, double end_m) {
  TruthViolation v;
  v.type = type;
  v.start_s = start_s;
  v.end_s = end_s;
  const auto where = drive.geometry.position_at(start_m);
  v.lat = where.lat;
  v.lon = where.lon;
  for (size_t step = drive.geometry.step_at(start_m); step <= drive.geometry.step_at(end_m); ++step) {
    const int64_t way = map.edge(drive.route[step].edge).osm_way_id;
    if (std::find(v.osm_way_ids.begin(), v.osm_way_ids.end(), way) == v.osm_way_ids.end()) v.osm_way_ids.push_back(way);
  }
  v.road_name = std::string(map.edge_name(drive.route[drive.geometry.step_at(start_m)].edge));
  return v;
}

// Runs of grid steps over a threshold, kept when they last the minimum duration. `value(k)` is the
// quantity of step k (from point k - 1 to k); its peak goes into the evidence.
template <typename Value>
void runs_over(const map::MapView& map, const Drive& drive, const char* type, double threshold, double min_duration_s,
               Value value, std::vector<TruthViolation>& out) {
  const auto& points = drive.profile.points();
  size_t k = 1;
  while (k < points.size()) {
    if (value(k) < threshold) {
      ++k;
      continue;
    }
    const size_t first = k;
    double peak = 0;
    while (k < points.size() && value(k) >= threshold) peak = std::max(peak, value(k++));
    const double start = points[first - 1].depart_s, end = points[k - 1].arrive_s;
    if (end - start < min_duration_s) continue;
    TruthViolation v = event_at(map, drive, type, start, end, points[first - 1].s_m, points[k - 1].s_m);
    v.evidence = {number("peak_mps2", peak), number("duration_s", end - start),
                  number("speed_before_kmh", points[first - 1].speed_mps * 3.6),
                  number("speed_after_kmh", points[k - 1].speed_mps * 3.6)};
    out.push_back(std::move(v));
  }
}

}  // namespace

std::vector<TruthViolation> find_events(const map::MapView& map, const Drive& drive, const TruthThresholds& th) {
  std::vector<TruthViolation> events;
  const auto& points = drive.profile.points();
  // Constant acceleration between grid points: (v1^2 - v0^2) / 2 ds.
  const auto accel = [&](size_t k) {
    const double ds = points[k].s_m - points[k - 1].s_m;
    const double v0 = points[k - 1].speed_mps, v1 = points[k].speed_mps;
    return ds > 0 ? (v1 * v1 - v0 * v0) / (2 * ds) : 0.0;
  };
  runs_over(map, drive, "harsh_braking", th.braking_mps2, th.event_min_duration_s, [&](size_t k) { return -accel(k); },
            events);
  runs_over(map, drive, "harsh_acceleration", th.acceleration_mps2, th.event_min_duration_s, accel, events);

  std::vector<map::CurvatureSample> curvature;
  map::sample_curvature(drive.geometry.planar(), 1.0, curvature);
  const auto kappa_at = [&](double s_m) {
    const auto i = static_cast<size_t>(std::lround(std::max(0.0, s_m)));
    return i < curvature.size() ? curvature[i].curvature : 0.0;
  };
  runs_over(map, drive, "harsh_cornering", th.cornering_mps2, th.event_min_duration_s, [&](size_t k) {
    const double v = points[k].speed_mps;
    return v * v * kappa_at(points[k].s_m);
  }, events);

  for (const map::Curve& curve : map::find_curves(curvature, map::CurveShape{})) {
    const double t0 = drive.profile.time_at(curve.core_start_s_m), t1 = drive.profile.time_at(curve.core_end_s_m);
    if (t1 <= t0) continue;
    const double speed = (curve.core_end_s_m - curve.core_start_s_m) / (t1 - t0);
    // The engine's allowed speed (detect/curve_speed.hpp): the lowest advisory speed of the edges
    // the curve lies on in the direction driven, else the comfortable speed.
    uint16_t advisory = map::kSpeedUnknown;
    for (size_t step = drive.geometry.step_at(curve.start_s_m); step <= drive.geometry.step_at(curve.end_s_m); ++step) {
      advisory = detect::lower_advisory(advisory, map.advisory_speed(drive.route[step].edge, !drive.route[step].reversed));
    }
    const detect::CurveAllowance allowance = detect::curve_allowance(th.curve_comfort_mps2, curve.min_radius_m, advisory,
                                                                     th.curve_tolerance_percent, th.curve_tolerance_kmh);
    if (speed <= allowance.allowed_mps) continue;
    TruthViolation v = event_at(map, drive, "curve_overspeed", drive.profile.time_at(curve.start_s_m),
                                drive.profile.time_at(curve.end_s_m), curve.start_s_m, curve.end_s_m);
    v.evidence = {number("speed_kmh", speed * 3.6), number("comfortable_speed_kmh", allowance.comfortable_mps * 3.6),
                  number("radius_m", curve.min_radius_m), number("turn_deg", curve.turn_deg)};
    if (allowance.advisory()) v.evidence.push_back(number("advisory_kmh", allowance.advisory_mps * 3.6));
    events.push_back(std::move(v));
  }
  std::stable_sort(events.begin(), events.end(), [](const TruthViolation& a, const TruthViolation& b) { return a.start_s < b.start_s; });
  return events;
}

}  // namespace drivelog::sim
