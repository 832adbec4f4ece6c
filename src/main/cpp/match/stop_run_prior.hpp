// The prior that a driver stops at a stop sign: a transition whose route passes a stop line in
// the sign's direction, between two fixes whose trusted speeds say the car cannot have stopped
// in between, costs `stop_run_penalty_m`. Like the one-way prior, it makes the matcher prefer the
// legal explanation of the fixes where they fit both: under a drifting bias the fixes of a car on
// a main road can lie closer to the side street beside it, and that side street usually meets the
// main road at a stop sign the car then "runs" at 50 km/h (a false stop_sign finding, and a
// speeding one on the side street's lower limit). A car that really runs a sign has no such
// alternative unless a road beside it fits the fixes as well.
#pragma once

#include <cstdint>
#include <vector>

#include "map/map_view.hpp"

namespace drivelog::match {

class StopRunPrior {
 public:
  // Below this the car may have stopped (the stop_sign rule's 5 km/h, with a margin so that a
  // borderline stop is never priced).
  static constexpr double kMayHaveStoppedMps = 2.0;
  static constexpr uint8_t kUnknown = 0xFF;

  // The lowest speed the car can have had between two fixes of reported speeds `a_mps` and `b_mps`
  // `dt_s` apart (braking at `brake_mps2` half the time, then accelerating), if it is too fast to
  // have stopped (else 0: no prior applies).
  static double check_speed_mps(double a_mps, double b_mps, double dt_s, double brake_mps2);

  // Forgets the cached counts: `states` previous states and `routes` routes this step.
  void begin_step(std::size_t states, std::size_t routes);

  // Stop lines passed leaving previous state `i` (its edge, left through `exit_node`), cached.
  uint8_t at_exit(const map::MapView& map, uint32_t i, uint32_t edge, uint32_t exit_node);
  // Stop lines passed at the ends of the route `cell` from node `source` to node `target` whose
  // first and last edges are `first` and `last` (kNoEdge-like `none` for an empty route), cached.
  uint8_t on_route(const map::MapView& map, std::size_t cell, uint32_t first, uint32_t last, uint32_t source,
                   uint32_t target, uint32_t none);

  // Whether `edge` has a stop sign for traffic leaving it through `node`.
  static bool stop_line_at(const map::MapView& map, uint32_t edge, uint32_t node);

 private:
  std::vector<uint8_t> exit_stops_;
  std::vector<uint8_t> route_stops_;
};

}  // namespace drivelog::match
