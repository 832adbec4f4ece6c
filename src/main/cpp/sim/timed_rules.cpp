#include "sim/timed_rules.hpp"

#include <algorithm>
#include <cmath>

#include <functional>

#include "map/turn_rules.hpp"

namespace drivelog::sim {

bool TimedRules::class_dependent(DirectedEdge d) const {
  const auto records = map_->conditionals_on(d.edge);
  return std::any_of(records.begin(), records.end(),
                     [&](const map::ConditionalRestriction& r) { return r.plain() && r.binds(!d.reversed, rules_.vehicle_bit()); });
}

std::vector<double> TimedRules::limits_kmh(const std::vector<DirectedEdge>& route, double utc_s) {
  std::vector<double> out;
  out.reserve(route.size());
  for (const DirectedEdge d : route) {
    const uint16_t raw = rules_.limit_at(d.edge, !d.reversed, utc_s).limit.tenths_kmh;
    out.push_back(raw == map::kSpeedUnlimited ? -1 : raw / 10.0);
  }
  return out;
}

EdgeRulesAt TimedRules::at(DirectedEdge d, double utc_s) {
  EdgeRulesAt out;
  if (!time_dependent(*map_, d) && !class_dependent(d)) {
    out.closed = closed(*map_, d);
    out.against = !direction_allowed(*map_, d);
    return out;
  }
  const map::EdgeRecord& edge = map_->edge(d.edge);
  out.access = rules_.at(d.edge, !d.reversed, map::ConditionalKind::access, utc_s);
  out.oneway = rules_.at(d.edge, !d.reversed, map::ConditionalKind::oneway, utc_s);
  out.closed = detect::closed_under(edge, out.access);
  out.against = detect::against_under(edge, !d.reversed, out.oneway);
  return out;
}

std::optional<EdgeRulesAt> TimedRules::throughout(DirectedEdge d, double from_s, double to_s) {
  EdgeRulesAt first = at(d, from_s);
  if (!time_dependent(*map_, d)) return first;
  const auto same = [&](const EdgeRulesAt& r) {
    return r.closed == first.closed && r.against == first.against && r.access.state == first.access.state &&
           r.oneway.state == first.oneway.state;
  };
  // Opening hours change on whole local minutes; zones are offset by whole minutes too.
  for (double t = std::floor(from_s / 60) * 60 + 60; t < to_s; t += 60) {
    if (!same(at(d, t))) return std::nullopt;
  }
  if (!same(at(d, to_s))) return std::nullopt;
  return first;
}

const map::TurnRestriction* TimedRules::turn_at(DirectedEdge in, DirectedEdge out, double utc_s,
                                                detect::ConditionalVerdict* verdict) {
  const uint32_t via = end_node(*map_, in);
  detect::TurnKindsAt kinds(rules_, via, utc_s);
  const map::TurnRestriction* r = map::forbidding_restriction(*map_, in.edge, via, out.edge, std::ref(kinds));
  if (r != nullptr && verdict != nullptr) *verdict = kinds.verdict_of(*r);
  return r;
}

bool TimedRules::turn_forbidden_throughout(DirectedEdge in, DirectedEdge out, double from_s, double to_s) {
  if (turn_at(in, out, from_s) == nullptr) return false;
  const uint32_t via = end_node(*map_, in);
  const auto restrictions = map_->restrictions_from(in.edge);
  const bool conditional = std::any_of(restrictions.begin(), restrictions.end(), [&](const map::TurnRestriction& r) {
    return r.via_node == via && r.has(map::restriction_flags::kConditional);
  });
  if (!conditional) return true;  // the vehicle's class alone decided
  for (double t = std::floor(from_s / 60) * 60 + 60; t < to_s; t += 60) {
    if (turn_at(in, out, t) == nullptr) return false;
  }
  return turn_at(in, out, to_s) != nullptr;
}

}  // namespace drivelog::sim
