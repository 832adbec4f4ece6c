// Chooses a trip's route: legal shortest paths between random points, with detours that break a
// map rule on purpose (a one-way driven backwards, a closed road entered, a forbidden turn).
#pragma once

#include <optional>
#include <vector>

#include "map/map_view.hpp"
#include "sim/driving_rules.hpp"
#include "sim/random.hpp"
#include "sim/sim_config.hpp"
#include "sim/timed_rules.hpp"

namespace drivelog::sim {

// Which map rule a route should break.
// `conditional`: a road whose rules depend on the time, closed or one-way against the car when it
// gets there (a no_entry or wrong_way; its truth names the conditional tag when a conditional rule
// in force decided, not when the plain tags did because none was in force).
enum class MapViolation { wrong_way, no_entry, turn_restriction, conditional };

struct RoutePlan {
  std::vector<DirectedEdge> edges;
  std::vector<MapViolation> injected;  // what was injected, in route order (for statistics)
  uint32_t uturns = 0;                 // legal U-turns made
};

// Plans one route. Returns nothing if no start edge with a usable route was found within
// config.max_attempts (e.g. an empty or fully closed map). `extra_rng` draws what the options
// beyond the classic model add (minor roads, U-turns, conditional violations); with those off it is
// not used. `clock` judges roads whose rules depend on the time (they are avoided without one).
std::optional<RoutePlan> plan_route(const map::MapView& map, const SimConfig& config, Rng& rng, Rng& extra_rng,
                                    const PlanningClock* clock = nullptr);

}  // namespace drivelog::sim
