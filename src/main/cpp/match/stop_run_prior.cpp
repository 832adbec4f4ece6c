#include "match/stop_run_prior.hpp"

#include <algorithm>

namespace drivelog::match {

double StopRunPrior::check_speed_mps(double a_mps, double b_mps, double dt_s, double brake_mps2) {
  const double slowest = std::min(a_mps, b_mps) - brake_mps2 * dt_s / 2;
  return slowest > kMayHaveStoppedMps ? slowest : 0.0;
}

void StopRunPrior::begin_step(std::size_t states, std::size_t routes) {
  exit_stops_.assign(states, kUnknown);
  route_stops_.assign(routes, kUnknown);
}

bool StopRunPrior::stop_line_at(const map::MapView& map, uint32_t edge, uint32_t node) {
  const auto signs = map.stop_signs_on(edge);
  return std::any_of(signs.begin(), signs.end(), [&](const map::StopSign& s) { return s.node == node; });
}

uint8_t StopRunPrior::at_exit(const map::MapView& map, uint32_t i, uint32_t edge, uint32_t exit_node) {
  uint8_t& slot = exit_stops_[i];
  if (slot == kUnknown) slot = stop_line_at(map, edge, exit_node) ? 1 : 0;
  return slot;
}

uint8_t StopRunPrior::on_route(const map::MapView& map, std::size_t cell, uint32_t first, uint32_t last,
                               uint32_t source, uint32_t target, uint32_t none) {
  uint8_t& slot = route_stops_[cell];
  if (slot != kUnknown) return slot;
  int stops = 0;
  if (first != none) {
    // The route's first edge is left through its node other than `source`, its last edge through
    // `target`; edges between (rare between two fixes) are not looked at.
    const map::EdgeRecord& e = map.edge(first);
    const uint32_t first_exit = e.from_node == source ? e.to_node : e.from_node;
    stops += stop_line_at(map, first, first_exit) ? 1 : 0;
    if (last != first) stops += stop_line_at(map, last, target) ? 1 : 0;
  }
  slot = static_cast<uint8_t>(stops);
  return slot;
}

}  // namespace drivelog::match
