// The driving-event rules: how the car was driven (harsh braking, acceleration, cornering, curves
// taken too fast), findings that are never legal violations. Each appends what it finds.
#pragma once

#include <vector>

#include "detect/detect_config.hpp"
#include "detect/path_lookup.hpp"
#include "detect/trip_curvature.hpp"
#include "detect/violation.hpp"

namespace drivelog::detect {

// harsh_braking and harsh_acceleration from the trusted reported speeds.
void detect_harsh_longitudinal(const TripView& trip, const EventsConfig& config, const EventThresholds& thresholds,
                               std::vector<Violation>& out);
// harsh_cornering: reported speed^2 x the matched path's curvature.
void detect_harsh_cornering(const TripView& trip, const TripCurvature& curvature, const EventsConfig& config,
                            const EventThresholds& thresholds, std::vector<Violation>& out);
// curve_overspeed: the speed through a curve's core over its comfortable speed from its radius.
// Counts the curves judged and undecided into `coverage`.
void detect_curve_overspeed(const TripView& trip, const TripCurvature& curvature, const EventsConfig& config,
                            const EventThresholds& thresholds, std::vector<Violation>& out, EventCoverage& coverage);

}  // namespace drivelog::detect
