#include "detect/detector.hpp"

#include <algorithm>

#include "detect/rules.hpp"

namespace drivelog::detect {

const char* type_name(ViolationType type) {
  switch (type) {
    case ViolationType::speeding: return "speeding";
    case ViolationType::stop_sign: return "stop_sign";
    case ViolationType::wrong_way: return "wrong_way";
    case ViolationType::no_entry: return "no_entry";
    case ViolationType::turn_restriction: return "turn_restriction";
  }
  return "unknown";
}

void Detector::detect(std::span<const match::TracePoint> trace, const match::MatchResult& match, Detections& out) {
  out.clear();
  speeds_.build(trace, match, config_.speeding.smoothing_s);
  const TripView trip{*map_, trace, match, speeds_};
  if (config_.speeding.enabled) detect_speeding(trip, config_.speeding, out.violations);
  if (config_.stop_sign.enabled) detect_stop_signs(trip, config_.stop_sign, out);
  if (config_.wrong_way.enabled) detect_wrong_way(trip, config_.wrong_way, config_.path_check, out.violations);
  if (config_.no_entry.enabled) detect_no_entry(trip, config_.no_entry, config_.path_check, out.violations);
  if (config_.turn_restriction.enabled) detect_turn_restrictions(trip, config_.turn_restriction, config_.path_check, out.violations);
  std::stable_sort(out.violations.begin(), out.violations.end(),
                   [](const Violation& a, const Violation& b) { return a.start_time_s < b.start_time_s; });
}

}  // namespace drivelog::detect
