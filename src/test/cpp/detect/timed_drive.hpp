// Drives for the end-to-end tests of time- and vehicle-dependent rules on a built map: a trace
// along straight legs at a constant speed from a local time (Tokyo), the speeding found on it for
// a vehicle profile, and the evidence of a finding by key.
#pragma once

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "detect/detector.hpp"
#include "detect/rules.hpp"
#include "match/matcher.hpp"

namespace drivelog::detect::test {

inline constexpr double kMonday = 1796601600;  // 2026-12-07T00:00:00Z, a Monday
inline constexpr double kTokyo = 9 * 3600;     // UTC+9

// Through `waypoints` (lat, lon) at `speed_mps`, one fix a second, from local time `local_start`
// (seconds since the epoch, Tokyo time).
inline std::vector<match::TracePoint> timed_drive(const std::vector<std::pair<double, double>>& waypoints,
                                                  double speed_mps, double local_start) {
  std::vector<match::TracePoint> points;
  double t = local_start - kTokyo;
  double carried = 0;  // metres into the next leg where the next fix falls
  for (std::size_t i = 0; i + 1 < waypoints.size(); ++i) {
    const auto [lat0, lon0] = waypoints[i];
    const auto [lat1, lon1] = waypoints[i + 1];
    const double north_m = (lat1 - lat0) * 111320, east_m = (lon1 - lon0) * 111320 * std::cos(lat0 * M_PI / 180);
    const double length = std::hypot(north_m, east_m);
    const double heading = std::fmod(std::atan2(east_m, north_m) * 180 / M_PI + 360, 360);
    double s = carried;
    for (; s < length; s += speed_mps) {
      match::TracePoint p;
      p.time_s = t;
      p.lat = lat0 + (lat1 - lat0) * s / length;
      p.lon = lon0 + (lon1 - lon0) * s / length;
      p.speed_mps = static_cast<float>(speed_mps);
      p.heading_deg = static_cast<float>(heading);
      p.accuracy_m = 4;
      points.push_back(p);
      t += 1;
    }
    carried = s - length;
  }
  return points;
}

// The violations of type `type` the detector finds on `points` for a vehicle of class `vehicle`.
inline std::vector<Violation> found_for(const map::MapView& map, const std::vector<match::TracePoint>& points,
                                        ViolationType type, VehicleClass vehicle) {
  match::MatchResult matched;
  match::Matcher(map, match::MatchConfig{}).match(points, matched);
  DetectConfig config;
  config.vehicle_class = vehicle;
  Detections detections;
  Detector(map, config).detect(points, matched, detections);
  std::vector<Violation> out;
  for (const Violation& v : detections.violations) {
    if (v.type == type) out.push_back(v);
  }
  return out;
}

// Speeding judged for `vehicle` (a profile: its class and weight decide).
inline std::vector<Violation> speeding_for(const map::MapView& map, const std::vector<match::TracePoint>& points,
                                           const legal::VehicleProfile& vehicle) {
  match::MatchResult matched;
  match::Matcher(map, match::MatchConfig{}).match(points, matched);
  const SpeedingConfig config;
  SpeedProfile speeds;
  speeds.build(points, matched, config.smoothing_s);
  ConditionalRules rules(map, vehicle);
  const TripView trip{map, points, matched, speeds, rules};
  std::vector<Violation> out;
  detect_speeding(trip, config, out);
  return out;
}

inline std::string evidence_text(const Violation& v, const std::string& key) {
  for (const EvidenceItem& e : v.evidence) {
    if (key == e.key) return e.text;
  }
  return "(missing " + key + ")";
}

inline double evidence_number(const Violation& v, const std::string& key) {
  for (const EvidenceItem& e : v.evidence) {
    if (key == e.key) return e.number;
  }
  return -1;
}

}  // namespace drivelog::detect::test
