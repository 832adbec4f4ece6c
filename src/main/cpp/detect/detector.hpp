// Runs every enabled rule over a matched trip.
#pragma once

#include <span>

#include "detect/conditional_rules.hpp"
#include "detect/detect_config.hpp"
#include "detect/speed_profile.hpp"
#include "detect/trip_curvature.hpp"
#include "detect/violation.hpp"
#include "map/map_view.hpp"
#include "match/matched_path.hpp"
#include "match/trace.hpp"

namespace drivelog::detect {

// The conditional-restriction vehicle of a vehicle class (an OSM access key and the class's typical
// size and weight), and of the configured vehicle type (detect/vehicle_types.hpp).
legal::VehicleProfile vehicle_profile(VehicleClass c);
legal::VehicleProfile vehicle_profile(const DetectConfig& config);

// Reuses its speed profile between trips; one per thread.
class Detector {
 public:
  Detector(const map::MapView& map, const DetectConfig& config)
      : map_(&map), config_(config), conditionals_(map, vehicle_profile(config)) {}

  // Fills `out` (cleared first) with the violations and the driving events, each in start-time order,
  // the stop-sign counts and how much of the trip the events could be judged for.
  void detect(std::span<const match::TracePoint> trace, const match::MatchResult& match, Detections& out);

  // The speed profile of the last detect() call (times along the matched path).
  [[nodiscard]] const SpeedProfile& speeds() const { return speeds_; }

 private:
  const map::MapView* map_;
  DetectConfig config_;
  SpeedProfile speeds_;
  TripCurvature curvature_;
  ConditionalRules conditionals_;  // one per detector: the parsed rules serve every trip
};

}  // namespace drivelog::detect
