#include "sim/route_plan.hpp"

#include <algorithm>
#include <cmath>

#include "sim/observability.hpp"
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

// Service roads, car-park aisles and tracks: where many real trips begin and end.
bool minor(const map::MapView& map, DirectedEdge d) {
  const map::RoadClass c = map.edge(d.edge).road_class;
  return c == map::RoadClass::service || c == map::RoadClass::track;
}

// A random legal edge on a minor road, if a few hundred draws find one.
std::optional<DirectedEdge> random_minor_edge(const map::MapView& map, Rng& rng) {
  for (int tries = 0; tries < 256; ++tries) {
    const auto d = random_legal_edge(map, rng);
    if (d && minor(map, *d)) return d;
  }
  return std::nullopt;
}

// Where a car may legally turn round: at the end of a road open in both directions, unless a
// restriction forbids the U-turn there.
bool uturn_allowed(const map::MapView& map, DirectedEdge d) {
  const DirectedEdge back{d.edge, !d.reversed};
  return legal_to_drive(map, d) && legal_to_drive(map, back) && map.edge(d.edge).length_m >= 20 &&
         forbidding_restriction(map, d, back) == nullptr;
}

// Extends `route` with a legal path to a random spot within the injection radius where the car
// may turn round, and the turn (the same edge driven back). False if there is none.
bool append_uturn(const map::MapView& map, const SimConfig& config, Rng& rng, std::vector<DirectedEdge>& route) {
  const RouteSearch search(map, route.back(), config.route.injection_radius_m, config.route.max_search_states);
  std::vector<DirectedEdge> spots;
  for (const auto& settled : search.settled()) {
    if (settled.distance_m >= 100 && uturn_allowed(map, settled.edge)) spots.push_back(settled.edge);
  }
  if (spots.empty()) return false;
  const DirectedEdge spot = spots[rng.below(spots.size())];
  auto path = search.path_to(spot);
  route.insert(route.end(), path.begin() + 1, path.end());
  route.push_back(DirectedEdge{spot.edge, !spot.reversed});
  return true;
}

// Does driving `next` right after `current` break `kind` (and no other rule we would not record)?
bool breaks(const map::MapView& map, const InjectionConfig& injection, MapViolation kind, DirectedEdge current,
            DirectedEdge next) {
  if (next.edge == current.edge || time_dependent(map, next)) return false;
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
    if (!can_continue) {
      candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(index));
      continue;
    }
    const auto path = search.path_to(chosen.before);  // from route.back()
    // The approach as driven: the route's last edges, then the way to the offending edge.
    std::vector<DirectedEdge> approach(route.end() - static_cast<std::ptrdiff_t>(std::min<std::size_t>(route.size(), 3)), route.end());
    approach.insert(approach.end(), path.begin() + 1, path.end());
    if (tellable_from_legal(map, approach, chosen.offending, config.injection.min_separation_m, config.route.max_search_states)) {
      route.insert(route.end(), path.begin() + 1, path.end());
      route.push_back(chosen.offending);
      return true;
    }
    candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(index));
  }
  return false;
}

// Extends `route` by a legal shortest path that ends about `length_m` further on; with `to_minor`,
// on the minor road (within 1.5 times that far) whose distance is closest to it, if there is one.
void append_legal(const map::MapView& map, const SimConfig& config, double length_m, bool to_minor,
                  std::vector<DirectedEdge>& route) {
  const RouteSearch search(map, route.back(), to_minor ? 1.5 * length_m : length_m, config.route.max_search_states);
  const auto& settled = search.settled();
  // The first state at or beyond the wanted length, else the farthest one reached.
  auto target = std::find_if(settled.begin(), settled.end(),
                             [&](const RouteSearch::Settled& s) { return s.distance_m >= length_m; });
  if (to_minor) {
    auto minor_target = settled.end();
    for (auto it = settled.begin() + 1; it != settled.end(); ++it) {
      if (minor(map, it->edge) && (minor_target == settled.end() || std::fabs(it->distance_m - length_m) <
                                                                        std::fabs(minor_target->distance_m - length_m))) {
        minor_target = it;
      }
    }
    if (minor_target != settled.end()) target = minor_target;
  }
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

std::optional<RoutePlan> plan_route(const map::MapView& map, const SimConfig& config, Rng& rng, Rng& extra_rng) {
  const ViolationRates& rates = config.rates;
  const RouteConfig& route = config.route;
  for (uint32_t attempt = 0; attempt < route.max_attempts; ++attempt) {
    auto start = random_legal_edge(map, rng);
    if (!start) return std::nullopt;
    // The extra stream decides the options beyond the classic model, so the classic draws stay.
    const bool start_minor = route.minor_road_rate > 0 && extra_rng.chance(route.minor_road_rate);
    const bool end_minor = route.minor_road_rate > 0 && extra_rng.chance(route.minor_road_rate);
    const bool uturn = route.uturn_rate > 0 && extra_rng.chance(route.uturn_rate);
    if (start_minor) {
      if (const auto on_minor = random_minor_edge(map, extra_rng)) start = on_minor;
    }
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
    const double wanted_length = rng.uniform(route.min_length_m, route.max_length_m);
    if (uturn && append_uturn(map, config, extra_rng, plan.edges)) ++plan.uturns;
    const double so_far = route_length_m(map, plan.edges);
    append_legal(map, config, std::max(wanted_length - so_far, wanted_length / 4), end_minor, plan.edges);
    if (route_length_m(map, plan.edges) >= std::min(300.0, route.min_length_m)) return plan;
  }
  return std::nullopt;
}

}  // namespace drivelog::sim
