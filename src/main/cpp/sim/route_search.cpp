#include "sim/route_search.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace drivelog::sim {

RouteSearch::RouteSearch(const map::MapView& map, DirectedEdge origin, double max_distance_m, uint32_t max_states,
                         const PlanningClock* clock, double origin_start_m)
    : origin_key_(origin.key()) {
  using Entry = std::pair<double, uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  const double origin_length = map.edge(origin.edge).length_m;
  labels_[origin.key()] = Label{origin_length, origin.key(), false};
  queue.emplace(origin_length, origin.key());
  while (!queue.empty() && settled_.size() < max_states) {
    const double distance = queue.top().first;  // not a structured binding: the lambda below uses
    const uint32_t key = queue.top().second;     // both, and clang 14 cannot capture bindings
    queue.pop();
    Label& label = labels_[key];
    if (label.done || distance > label.distance_m) continue;
    label.done = true;
    const DirectedEdge current = DirectedEdge::from_key(key);
    settled_.push_back(Settled{current, distance});
    if (distance >= max_distance_m) continue;  // settled, but not expanded further
    for_each_leaving(map, end_node(map, current), [&](DirectedEdge next) {
      if (next.edge == current.edge) return;  // no U-turns in the middle of a route
      const bool legal = clock != nullptr ? clock->legal_to_enter(map, next, origin_start_m + distance) : legal_to_drive(map, next);
      if (!legal || forbidding_restriction(map, current, next) != nullptr) return;
      const double candidate = distance + map.edge(next.edge).length_m;
      auto [it, inserted] = labels_.try_emplace(next.key(), Label{candidate, key, false});
      if (!inserted) {
        if (it->second.done || it->second.distance_m <= candidate) return;
        it->second = Label{candidate, key, false};
      }
      queue.emplace(candidate, next.key());
    });
  }
}

std::vector<DirectedEdge> RouteSearch::path_to(DirectedEdge target) const {
  std::vector<DirectedEdge> path;
  uint32_t key = target.key();
  while (true) {
    path.push_back(DirectedEdge::from_key(key));
    if (key == origin_key_) break;
    key = labels_.at(key).parent_key;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace drivelog::sim
