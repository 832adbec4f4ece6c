// Simulates trips on a map: route, motion, ground truth and GPS log. Trip k depends only on the
// map, the configuration, the seed and k (not on how many trips are made or in which order).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

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

// Trip number `k` (from 1). Nothing if the map offers no drivable route (see RouteConfig).
std::optional<SimulatedTrip> simulate_trip(const map::MapView& map, const SimConfig& config, uint32_t k);

// Writes `<trip>.csv` and `<trip>.truth.json` into `dir` (which must exist).
void write_trip(const std::filesystem::path& dir, const SimConfig& config, const SimulatedTrip& trip);

}  // namespace drivelog::sim
