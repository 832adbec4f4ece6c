#include "sim/route_plan.hpp"

#include <algorithm>

#include "sim/route_search.hpp"

namespace drivelog::sim {
namespace {

std::optional<DirectedEdge> random_legal_edge(const map::MapView& map, Rng& rng) {
  if (map.edge_count() == 0) return std::nullopt;
  for (int tries = 0; tries < 64; ++tries) {
    const DirectedEdge d{static_cast<uint32_t>(rng.below(map.edge_count())), rng.chance(0.5)};
    if (legal_to_drive(map, d)) return d;
  }
  return std::nullopt;
}

// Does driving `next` right after `current` break `kind` (and no other rule we would not record)?
bool breaks(const map::MapView& map, const InjectionConfig& injection, MapViolation kind, DirectedEdge current,
            DirectedEdge next) {
  if (next.edge == current.edge) return false;
  const bool turn_forbidden = forbidding_restriction(map, current, next) != nullptr;
  switch (kind) {
    case MapViolation::wrong_way:
      return !direction_allowed(map, next) && !closed(map, next) && !turn_forbidden &&
             map.edge(next.edge).length_m >= injection.min_wrong_way_length_m;
    case MapViolation::no_entry:
      return closed(map, next) && direction_allowed(map, next) && !turn_forbidden;
    case MapViolation::turn_restriction:
      return turn_forbidden && legal_to_drive(map, next);
  }
  return false;
}

// Extends `route` (non-empty) with a legal path to a spot where `kind` can be broken, then the
// offending edge. False if no such spot is reachable within the injection radius.
bool append_violation(const map::MapView& map, const SimConfig& config, MapViolation kind, Rng& rng,
                      std::vector<DirectedEdge>& route) {
  const RouteSearch search(map, route.back(), config.route.injection_radius_m, config.route.max_search_states);
  struct Candidate {
    DirectedEdge before;
    DirectedEdge offending;
  };
  std::vector<Candidate> candidates;
  for (const auto& settled : search.settled()) {
    for_each_leaving(map, end_node(map, settled.edge), [&](DirectedEdge next) {
      if (breaks(map, config.injection, kind, settled.edge, next)) candidates.push_back({settled.edge, next});
    });
  }
  // Prefer a continuation after the offending edge: a dead end would end the trip right there.
  while (!candidates.empty()) {
    const auto index = rng.below(candidates.size());
    const Candidate chosen = candidates[index];
    bool can_continue = false;
    for_each_leaving(map, end_node(map, chosen.offending), [&](DirectedEdge next) {
      if (next.edge != chosen.offending.edge && legal_to_drive(map, next) &&
          forbidding_restriction(map, chosen.offending, next) == nullptr) {
        can_continue = true;
      }
    });
    if (can_continue) {
      auto path = search.path_to(chosen.before);
      route.insert(route.end(), path.begin() + 1, path.end());
      route.push_back(chosen.offending);
      return true;
    }
    candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(index));
  }
  return false;
}

// Extends `route` by a legal shortest path that ends about `length_m` further on.
void append_legal(const map::MapView& map, const SimConfig& config, double length_m, std::vector<DirectedEdge>& route) {
  const RouteSearch search(map, route.back(), length_m, config.route.max_search_states);
  const auto& settled = search.settled();
  // The first state at or beyond the wanted length, else the farthest one reached.
  auto target = std::find_if(settled.begin(), settled.end(),
                             [&](const RouteSearch::Settled& s) { return s.distance_m >= length_m; });
  if (target == settled.end()) target = settled.end() - 1;
  auto path = search.path_to(target->edge);
  route.insert(route.end(), path.begin() + 1, path.end());
}

double route_length_m(const map::MapView& map, const std::vector<DirectedEdge>& route) {
  double total = 0;
  for (const auto& d : route) total += map.edge(d.edge).length_m;
  return total;
}

}  // namespace

std::optional<RoutePlan> plan_route(const map::MapView& map, const SimConfig& config, Rng& rng) {
  const ViolationRates& rates = config.rates;
  for (uint32_t attempt = 0; attempt < config.route.max_attempts; ++attempt) {
    const auto start = random_legal_edge(map, rng);
    if (!start) return std::nullopt;
    RoutePlan plan;
    plan.edges.push_back(*start);
    std::vector<MapViolation> wanted;
    if (rng.chance(rates.wrong_way)) wanted.push_back(MapViolation::wrong_way);
    if (rng.chance(rates.no_entry)) wanted.push_back(MapViolation::no_entry);
    if (rng.chance(rates.turn_restriction)) wanted.push_back(MapViolation::turn_restriction);
    // Random order, so a trip's violations do not always come in the same sequence.
    for (size_t i = wanted.size(); i > 1; --i) std::swap(wanted[i - 1], wanted[rng.below(i)]);
    for (const auto kind : wanted) {
      if (append_violation(map, config, kind, rng, plan.edges)) plan.injected.push_back(kind);
    }
    const double wanted_length = rng.uniform(config.route.min_length_m, config.route.max_length_m);
    const double so_far = route_length_m(map, plan.edges);
    append_legal(map, config, std::max(wanted_length - so_far, wanted_length / 4), plan.edges);
    if (route_length_m(map, plan.edges) >= std::min(300.0, config.route.min_length_m)) return plan;
  }
  return std::nullopt;
}

}  // namespace drivelog::sim
