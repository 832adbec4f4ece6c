#include "detect/detector.hpp"

#include <algorithm>

#include "detect/event_fixes.hpp"
#include "detect/events.hpp"
#include "detect/rules.hpp"
#include "detect/vehicle_types.hpp"

namespace drivelog::detect {

const char* type_name(ViolationType type) {
  switch (type) {
    case ViolationType::speeding: return "speeding";
    case ViolationType::stop_sign: return "stop_sign";
    case ViolationType::wrong_way: return "wrong_way";
    case ViolationType::no_entry: return "no_entry";
    case ViolationType::turn_restriction: return "turn_restriction";
    case ViolationType::harsh_braking: return "harsh_braking";
    case ViolationType::harsh_acceleration: return "harsh_acceleration";
    case ViolationType::harsh_cornering: return "harsh_cornering";
    case ViolationType::curve_overspeed: return "curve_overspeed";
  }
  return "unknown";
}

const char* vehicle_class_name(VehicleClass c) {
  switch (c) {
    case VehicleClass::car: return "car";
    case VehicleClass::hgv: return "hgv";
    case VehicleClass::bus: return "bus";
    case VehicleClass::motorcycle: return "motorcycle";
  }
  return "car";
}

const char* vehicle_access_key(VehicleClass c) {
  return c == VehicleClass::car ? "motorcar" : vehicle_class_name(c);
}

legal::VehicleProfile vehicle_profile(VehicleClass c) { return vehicle_profile(vehicle_type_of(c)); }

legal::VehicleProfile vehicle_profile(const DetectConfig& config) {
  legal::VehicleProfile v = vehicle_profile(configured_vehicle_type(config.vehicle_class, config.vehicle_type));
  v.trailers = config.vehicle_trailers;
  v.trailer_weight_t = config.vehicle_trailer_weight_t;
  v.articulated = config.vehicle_articulated;
  if (config.vehicle_seats > 0) v.seats = config.vehicle_seats;
  return v;
}

void Detector::detect(std::span<const match::TracePoint> trace, const match::MatchResult& match, Detections& out) {
  out.clear();
  speeds_.build(trace, match, config_.speeding.smoothing_s);
  const TripView trip{*map_, trace, match, speeds_, conditionals_};
  if (config_.speeding.enabled) detect_speeding(trip, config_.speeding, out.violations);
  if (config_.stop_sign.enabled) detect_stop_signs(trip, config_.stop_sign, out);
  if (config_.wrong_way.enabled) detect_wrong_way(trip, config_.wrong_way, config_.path_check, out.violations);
  if (config_.no_entry.enabled) detect_no_entry(trip, config_.no_entry, config_.path_check, out.violations);
  if (config_.turn_restriction.enabled) detect_turn_restrictions(trip, config_.turn_restriction, config_.path_check, out.violations);
  const EventsConfig& events = config_.events;
  if (events.enabled) {
    const EventThresholds& thresholds = events.thresholds[static_cast<int>(config_.vehicle_class)];
    // Curvature no event can use is not measured: gentler than a curve, and too gentle for the
    // cornering threshold even at the trip's top speed.
    const double top = top_speed_mps(speeds_);
    curvature_.build(trip, std::min(1 / events.curve_max_radius_m, thresholds.cornering_mps2 / (top * top)));
    detect_harsh_longitudinal(trip, events, thresholds, out.events);
    detect_harsh_cornering(trip, curvature_, events, thresholds, out.events);
    out.event_coverage = event_coverage(trip, events);
    detect_curve_overspeed(trip, curvature_, events, thresholds, out.events, out.event_coverage);
  }
  const auto by_start = [](const Violation& a, const Violation& b) { return a.start_time_s < b.start_time_s; };
  std::stable_sort(out.violations.begin(), out.violations.end(), by_start);
  std::stable_sort(out.events.begin(), out.events.end(), by_start);
}

}  // namespace drivelog::detect
