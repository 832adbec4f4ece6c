// The violation rules. Each reads the matched trip and appends what it finds.
#pragma once

#include <vector>

#include "detect/detect_config.hpp"
#include "detect/path_lookup.hpp"
#include "detect/violation.hpp"

namespace drivelog::detect {

// Sustained speed over the road's limit for the travel direction (one event per episode).
void detect_speeding(const TripView& trip, const SpeedingConfig& config, std::vector<Violation>& out);
// Stop signs for the travel direction passed without stopping; also counts passed/undecided signs.
void detect_stop_signs(const TripView& trip, const StopSignConfig& config, Detections& out);
// Driving against a one-way road.
void detect_wrong_way(const TripView& trip, const WrongWayConfig& config, const PathCheckConfig& check,
                      std::vector<Violation>& out);
// Entering a road closed to motor vehicles from an open one.
void detect_no_entry(const TripView& trip, const NoEntryConfig& config, const PathCheckConfig& check,
                     std::vector<Violation>& out);
// Turns forbidden by no_* restrictions or not allowed by only_* ones.
void detect_turn_restrictions(const TripView& trip, const TurnRestrictionConfig& config, const PathCheckConfig& check,
                              std::vector<Violation>& out);

}  // namespace drivelog::detect
