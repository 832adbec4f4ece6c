// Grading findings: light, moderate, heavy, severe (docs/CONFIGURATION.md: the bands and why).
#pragma once

#include "detect/detect_config.hpp"
#include "detect/violation.hpp"

namespace drivelog::detect {

// A driving event by its measured value over its threshold (1 = just at it).
Severity event_severity(double ratio, const EventsConfig& config);

// A speeding episode by the excess over the limit it held for config.min_duration_s: the highest band
// whose excess in km/h and in percent of the limit are both reached.
Severity speeding_severity(double limit_kmh, double held_speed_kmh, const SpeedingSeverityConfig& config);

}  // namespace drivelog::detect
