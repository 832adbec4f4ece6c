// Bounded shortest-path search over directed edges with legal turns only (edge-based, so turn
// restrictions are honoured exactly). Memory grows with the states reached, never with the map.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "map/map_view.hpp"
#include "sim/driving_rules.hpp"
#include "sim/timed_rules.hpp"

namespace drivelog::sim {

class RouteSearch {
 public:
  // Searches from `origin` (an edge about to be driven; its length counts) through legal edges and
  // legal turns, settling states in order of distance until `max_distance_m` or `max_states`.
  // Without a `clock` an edge whose rules depend on the time is never entered; with one, it is when
  // it is legal all through the window the car may reach it in (the origin starts `origin_start_m`
  // metres into the trip).
  RouteSearch(const map::MapView& map, DirectedEdge origin, double max_distance_m, uint32_t max_states,
              const PlanningClock* clock = nullptr, double origin_start_m = 0);

  // States in the order they were settled (origin first), with their distance to the state's end.
  struct Settled {
    DirectedEdge edge;
    double distance_m;
  };
  [[nodiscard]] const std::vector<Settled>& settled() const { return settled_; }

  // The edges from the origin to `target` (a settled state), both included.
  [[nodiscard]] std::vector<DirectedEdge> path_to(DirectedEdge target) const;

 private:
  struct Label {
    double distance_m;
    uint32_t parent_key;
    bool done;
  };
  std::unordered_map<uint32_t, Label> labels_;
  std::vector<Settled> settled_;
  uint32_t origin_key_;
};

}  // namespace drivelog::sim
