// Simulates trips on a map: route, motion, ground truth and GPS log. Trip k depends only on the
// map, the configuration, the seed and k (not on how many trips are made or in which order).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "legal/conditional.hpp"
#include "map/map_view.hpp"
#include "sim/drive.hpp"
#include "sim/gps_sampler.hpp"
#include "sim/sim_config.hpp"
#include "sim/truth.hpp"

namespace drivelog::sim {

struct SimulatedTrip {
  std::string trip_id;  // sim-000001 for k = 1
  int64_t start_ms = 0;
  Drive drive;
  Truth truth;
  std::vector<GpsFix> fixes;
  uint32_t uturns = 0;  // legal U-turns on the route
};

// The vehicle whose rules the simulated driver keeps and the truth judges: the configured class or
// type, and what it tows (as the engine's detect::vehicle_profile of the same analysis settings).
legal::VehicleProfile simulated_vehicle(const SimConfig& config);

// Trip number `k` (from 1). Nothing if the map offers no drivable route (see RouteConfig).
std::optional<SimulatedTrip> simulate_trip(const map::MapView& map, const SimConfig& config, uint32_t k);

// Writes `<trip>.csv` and `<trip>.truth.json` into `dir` (which must exist).
void write_trip(const std::filesystem::path& dir, const SimConfig& config, const SimulatedTrip& trip);

}  // namespace drivelog::sim
