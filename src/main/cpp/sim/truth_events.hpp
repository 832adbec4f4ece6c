// The driving events that really happened in a simulated drive, judged on its exact motion with the
// engine's default car thresholds (TruthThresholds) and the engine's measure of curvature.
#pragma once

#include <vector>

#include "map/map_view.hpp"
#include "sim/drive.hpp"
#include "sim/sim_config.hpp"
#include "sim/truth.hpp"

namespace drivelog::sim {

// harsh_braking, harsh_acceleration, harsh_cornering and curve_overspeed, in start-time order.
std::vector<TruthViolation> find_events(const map::MapView& map, const Drive& drive, const TruthThresholds& th);

}  // namespace drivelog::sim
