#include "match/stop_run_prior.hpp"

#include <algorithm>
#include <cmath>

namespace drivelog::match {

bool StopRunPrior::cannot_have_stopped(double a_mps, double b_mps, double dt_s, double brake_mps2) {
  if (std::isnan(a_mps) || std::isnan(b_mps)) return false;  // a fix without a speed tells nothing
  return std::min(a_mps, b_mps) - brake_mps2 * dt_s / 2 > kMayHaveStoppedMps;
}

bool StopRunPrior::stop_line_at(const map::MapView& map, uint32_t edge, uint32_t node) {
  const auto signs = map.stop_signs_on(edge);
  return std::any_of(signs.begin(), signs.end(), [&](const map::StopSign& s) { return s.node == node; });
}

int StopRunPrior::on_route(const map::MapView& map, uint32_t first, uint32_t last, uint32_t source, uint32_t target,
                           uint32_t none) {
  if (first == none) return 0;
  // The first edge is left through its node other than `source`, the last through `target`.
  const map::EdgeRecord& e = map.edge(first);
  const uint32_t first_exit = e.from_node == source ? e.to_node : e.from_node;
  int stops = stop_line_at(map, first, first_exit) ? 1 : 0;
  if (last != first && stop_line_at(map, last, target)) ++stops;
  return stops;
}

}  // namespace drivelog::match
