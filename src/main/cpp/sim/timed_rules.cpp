#include "sim/timed_rules.hpp"

#include <cmath>

namespace drivelog::sim {

EdgeRulesAt TimedRules::at(DirectedEdge d, double utc_s) {
  EdgeRulesAt out;
  if (!time_dependent(*map_, d)) {
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

}  // namespace drivelog::sim
