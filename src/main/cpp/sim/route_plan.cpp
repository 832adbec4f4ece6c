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

double route_length_m(const map::MapView& map, const std::vector<DirectedEdge>& route) {
  double total = 0;
  for (const auto& d : route) total += map.edge(d.edge).length_m;
  return total;
}

// How far into the trip the route's last edge starts: where a search from it begins.
double last_edge_start_m(const map::MapView& map, const std::vector<DirectedEdge>& route) {
  return route_length_m(map, route) - map.edge(route.back().edge).length_m;
}

// A search from the route's last edge, judging time-dependent roads by `clock` (if any).
RouteSearch search_from_end(const map::MapView& map, const SimConfig& config, const std::vector<DirectedEdge>& route,
                            double max_distance_m, const PlanningClock* clock) {
  return RouteSearch(map, route.back(), max_distance_m, config.route.max_search_states, clock,
                     clock != nullptr ? last_edge_start_m(map, route) : 0);
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
bool append_uturn(const map::MapView& map, const SimConfig& config, Rng& rng, const PlanningClock* clock,
                  std::vector<DirectedEdge>& route) {
  const RouteSearch search = search_from_end(map, config, route, config.route.injection_radius_m, clock);
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

// Does driving `next` right after `current`, entered `entry_m` metres into the trip, break `kind`
// (and no other rule we would not record)? Only `conditional` picks roads whose rules depend on the
// time, where the rules in force all through the window the car may get there in close them or make
// them one-way against the car: a conditional rule in force (`no @ (15:00-05:00)` at 16:00), or the
// plain tags while none is (`access=no` + `motor_vehicle:conditional=yes @ (Mo-Fr 08:00-11:00)` on a
// Sunday; `oneway=yes` + `oneway:conditional=no @ (22:00-08:00)` at noon).
bool breaks(const map::MapView& map, const InjectionConfig& injection, MapViolation kind, DirectedEdge current,
            DirectedEdge next, const PlanningClock* clock, double entry_m) {
  if (next.edge == current.edge) return false;
  if (kind == MapViolation::conditional) {
    if (clock == nullptr || !time_dependent(map, next) || forbidding_restriction(map, current, next) != nullptr) return false;
    const auto rules = clock->rules_throughout(next, entry_m);
    if (!rules) return false;
    return (rules->closed && !rules->against) ||
           (rules->against && !rules->closed && map.edge(next.edge).length_m >= injection.min_wrong_way_length_m);
  }
  if (time_dependent(map, next)) return false;
  if ((kind == MapViolation::wrong_way || kind == MapViolation::no_entry) && car_class_keyed(map, next)) return false;
  const bool turn_forbidden = forbidding_restriction(map, current, next) != nullptr;
  switch (kind) {
    case MapViolation::wrong_way:
      return !direction_allowed(map, next) && !closed(map, next) && !turn_forbidden &&
             map.edge(next.edge).length_m >= injection.min_wrong_way_length_m;
    case MapViolation::no_entry:
      return closed(map, next) && direction_allowed(map, next) && !turn_forbidden;
    case MapViolation::turn_restriction: {
      if (!turn_forbidden || !legal_to_drive(map, next)) return false;
      // Only where the turn is forbidden to the simulated vehicle whenever the car gets there (a
      // time-dependent or other class's restriction may not be); without a clock, a restriction
      // for every class at every time.
      if (clock != nullptr) return clock->turn_forbidden_throughout(current, next, entry_m);
      const map::TurnRestriction* r = forbidding_restriction(map, current, next);
      return r->flags == 0 && r->vehicles == map::kAllVehicles;
    }
    case MapViolation::conditional: break;
  }
  return false;
}

// Extends `route` (non-empty) with a legal path to a spot where `kind` can be broken, then the
// offending edge. False if no such spot is reachable within the injection radius.
bool append_violation(const map::MapView& map, const SimConfig& config, MapViolation kind, Rng& rng,
                      const PlanningClock* clock, std::vector<DirectedEdge>& route) {
  const RouteSearch search = search_from_end(map, config, route, config.route.injection_radius_m, clock);
  const double origin_start_m = clock != nullptr ? last_edge_start_m(map, route) : 0;
  struct Candidate {
    DirectedEdge before;
    DirectedEdge offending;
    double entry_m;  // how far into the trip the offending edge is entered
  };
  std::vector<Candidate> candidates;
  for (const auto& settled : search.settled()) {
    for_each_leaving(map, end_node(map, settled.edge), [&](DirectedEdge next) {
      const double entry_m = origin_start_m + settled.distance_m;
      if (breaks(map, config.injection, kind, settled.edge, next, clock, entry_m)) candidates.push_back({settled.edge, next, entry_m});
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
    if (tellable_from_legal(map, approach, chosen.offending, config.injection.min_separation_m, config.route.max_search_states,
                            clock, chosen.entry_m)) {
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
                  const PlanningClock* clock, std::vector<DirectedEdge>& route) {
  const RouteSearch search = search_from_end(map, config, route, to_minor ? 1.5 * length_m : length_m, clock);
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

}  // namespace

std::optional<RoutePlan> plan_route(const map::MapView& map, const SimConfig& config, Rng& rng, Rng& extra_rng,
                                    const PlanningClock* clock) {
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
    // From the extra stream and only when asked for, so older settings give the same files.
    if (rates.conditional > 0 && extra_rng.chance(rates.conditional)) wanted.push_back(MapViolation::conditional);
    // Random order, so a trip's violations do not always come in the same sequence.
    for (size_t i = wanted.size(); i > 1; --i) std::swap(wanted[i - 1], wanted[rng.below(i)]);
    for (const auto kind : wanted) {
      if (append_violation(map, config, kind, rng, clock, plan.edges)) plan.injected.push_back(kind);
    }
    const double wanted_length = rng.uniform(route.min_length_m, route.max_length_m);
    if (uturn && append_uturn(map, config, extra_rng, clock, plan.edges)) ++plan.uturns;
    const double so_far = route_length_m(map, plan.edges);
    append_legal(map, config, std::max(wanted_length - so_far, wanted_length / 4), end_minor, clock, plan.edges);
    if (route_length_m(map, plan.edges) >= std::min(300.0, route.min_length_m)) return plan;
  }
  return std::nullopt;
}

}  // namespace drivelog::sim
