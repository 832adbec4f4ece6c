// One simulated drive: the route, the driver's speed caps (limits, bends, stops, waits, injected
// speeding and rolling stops) and the resulting motion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "map/map_view.hpp"
#include "sim/driving_rules.hpp"
#include "sim/random.hpp"
#include "sim/route_geometry.hpp"
#include "sim/sim_config.hpp"
#include "sim/speed_profile.hpp"

namespace drivelog::sim {

// A stop sign that applies to the route's direction of travel, at the end of route step `step`.
struct StopOnRoute {
  size_t step = 0;
  double line_m = 0;  // distance along the route of the stop node
  int64_t osm_node_id = 0;
  map::Coord position{};
  bool rolling = false;  // injected: the driver does not stop ...
  double rolling_speed_mps = 0;  // ... but passes the line at this speed
  double wait_s = 0;             // otherwise: how long the car stands at the line
};

// A stretch where the driver was told to speed (whether it really happened is the truth's call).
struct SpeedingStretch {
  double start_m = 0;
  double end_m = 0;
};

struct Drive {
  std::vector<DirectedEdge> route;
  RouteGeometry geometry;
  SpeedProfile profile;
  std::vector<StopOnRoute> stops;
  std::vector<SpeedingStretch> speeding;
  uint32_t red_signals = 0;  // signals the car waited at (for statistics)
  int32_t local_day = INT32_MIN;  // the local date whose law the limits are (limit_kmh); a trip is judged by its start
  std::vector<double> step_limits_kmh;  // the limit of each route step for the simulated vehicle, as limit_kmh reads
};

// Grid spacing of the speed profile.
inline constexpr double kProfileSpacingM = 1.0;

// The speed a driver aims for on `d` without a usable limit (unknown or unlimited), by road class.
double default_cruise_kmh(const map::MapView& map, DirectedEdge d);

// Plans the motion over `route` for a driver drawn from `rng`; `extra_rng` draws what the options
// beyond the classic model add (red signals), so the classic draws stay as they were. Limits are the
// law of `local_day` (limit_kmh) for a car, or `step_limits_kmh` (one per route step: the simulated
// vehicle's, TimedRules::limits_kmh) where given.
Drive plan_drive(const map::MapView& map, const SimConfig& config, std::vector<DirectedEdge> route, Rng& rng,
                 Rng& extra_rng, int32_t local_day = INT32_MIN, std::vector<double> step_limits_kmh = {});

}  // namespace drivelog::sim
