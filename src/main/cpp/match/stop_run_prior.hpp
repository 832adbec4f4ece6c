// The prior that a driver stops at a stop sign: a transition whose route passes a stop line in
// the sign's direction, between two fixes whose trusted speeds say the car cannot have stopped
// in between, costs `stop_run_penalty_m`. Like the one-way prior, it makes the matcher prefer the
// legal explanation of the fixes where they fit both: under a drifting bias the fixes of a car on
// a main road can lie closer to the side street beside it, and that side street usually meets the
// main road at a stop sign the car then "runs" at 50 km/h (a false stop_sign finding, and a
// speeding one on the side street's lower limit). A car that really runs a sign has no such
// alternative unless a road beside it fits the fixes as well.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "map/map_view.hpp"

namespace drivelog::match {

class StopRunPrior {
 public:
  // Below this the car may have stopped (the stop_sign rule's 5 km/h, with a margin so that a
  // borderline stop is never priced).
  static constexpr double kMayHaveStoppedMps = 2.0;

  // Whether the car, at reported speeds `a_mps` and `b_mps` at two fixes `dt_s` apart, was too
  // fast all the time between them to have stopped (braking at `brake_mps2` half the time, then
  // accelerating): only then does the prior apply.
  static bool cannot_have_stopped(double a_mps, double b_mps, double dt_s, double brake_mps2);

  // Whether `edge` has a stop sign for traffic leaving it through `node`. Defined here (as is
  // on_route()) so that the Viterbi step, which asks per previous state and per route found, inlines it.
  static bool stop_line_at(const map::MapView& map, uint32_t edge, uint32_t node) {
    const auto signs = map.stop_signs_on(edge);
    return std::any_of(signs.begin(), signs.end(), [&](const map::StopSign& s) { return s.node == node; });
  }

  // Stop lines passed at the ends of a route from node `source` to node `target` whose first and
  // last edges are `first` and `last` (`none` for an empty route); edges between them (rare
  // between two fixes) are not looked at.
  static int on_route(const map::MapView& map, uint32_t first, uint32_t last, uint32_t source, uint32_t target,
                      uint32_t none) {
    if (first == none) return 0;
    // The first edge is left through its node other than `source`, the last through `target`.
    const map::EdgeRecord& e = map.edge(first);
    const uint32_t first_exit = e.from_node == source ? e.to_node : e.from_node;
    int stops = stop_line_at(map, first, first_exit) ? 1 : 0;
    if (last != first && stop_line_at(map, last, target)) ++stops;
    return stops;
  }
};

}  // namespace drivelog::match
