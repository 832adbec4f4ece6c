#include <algorithm>

#include "detect/conditional_rules.hpp"
#include "detect/path_plausibility.hpp"
#include "detect/rules.hpp"

namespace drivelog::detect {

void detect_wrong_way(const TripView& trip, const WrongWayConfig& config, const PathCheckConfig& check,
                      std::vector<Violation>& out) {
  const auto& traversals = trip.match.traversals;
  // Against the one-way direction in force when the traversal began: `oneway:conditional` decides
  // while a rule of it holds, else the plain tags; undecidable is not against. A road closed to the
  // vehicle at that time (`access=no` + `oneway=yes`) is the no_entry's: one finding for one entry.
  ConditionalRules& conditionals = trip.conditionals;
  std::vector<ConditionalVerdict> verdicts(traversals.size());
  std::vector<char> against_at(traversals.size());
  for (std::size_t k = 0; k < traversals.size(); ++k) {
    const match::Traversal& t = traversals[k];
    const bool has_conditionals = !trip.map.conditionals_on(t.edge).empty();
    const double at = trip.speeds.time_at_distance(t.start_s_m);
    if (has_conditionals) verdicts[k] = conditionals.at(t.edge, t.forward, map::ConditionalKind::oneway, at);
    const map::EdgeRecord& edge = trip.map.edge(t.edge);
    if (!against_under(edge, t.forward, verdicts[k])) continue;
    const ConditionalVerdict access =
        has_conditionals ? conditionals.at(t.edge, t.forward, map::ConditionalKind::access, at) : ConditionalVerdict{};
    against_at[k] = closed_under(edge, access) ? 0 : 1;
  }
  const auto against = [&](std::size_t k) { return against_at[k] != 0; };
  std::size_t i = 0;
  while (i < traversals.size()) {
    const match::Traversal& first = traversals[i];
    if (!against(i)) {
      ++i;
      continue;
    }
    // The run of consecutive traversals against one-way roads within one matched piece.
    std::size_t j = i + 1;
    while (j < traversals.size() && traversals[j].piece == first.piece && against(j)) {
      ++j;
    }
    const double start_s = first.start_s_m, end_s = traversals[j - 1].end_s_m();
    const double distance = end_s - start_s;
    if (distance >= config.min_distance_m && !path_outruns_receiver(trip, start_s, end_s, check) &&
        !path_unseen(trip, start_s, end_s, config.min_distance_m, check) &&
        !headings_contradict_path(trip, i, j, start_s, end_s, check)) {
      Violation v;
      v.type = ViolationType::wrong_way;
      v.start_time_s = trip.speeds.time_at_distance(start_s);
      v.end_time_s = trip.speeds.time_at_distance(end_s);
      const map::Coord where = position_at(trip.map, first, start_s);
      v.lat = where.lat();
      v.lon = where.lon();
      for (std::size_t k = i; k < j; ++k) add_way(v.osm_way_ids, trip.map.edge(traversals[k].edge).osm_way_id);
      v.road_name = std::string(trip.map.edge_name(first.edge));
      const double duration = v.end_time_s - v.start_time_s;
      // Short runs near the minimum could be matching noise at a junction.
      v.confidence = std::clamp(0.6 + 0.35 * (distance - config.min_distance_m) / (2 * config.min_distance_m + 1), 0.0,
                                0.95);
      v.evidence.push_back(EvidenceItem::of_number("distance_m", distance));
      v.evidence.push_back(EvidenceItem::of_number("duration_s", duration));
      v.evidence.push_back(EvidenceItem::of_number("mean_speed_kmh", duration > 0 ? distance / duration * 3.6 : 0.0));
      add_conditional_evidence(trip.map, verdicts[i], v);
      out.push_back(std::move(v));
    }
    i = j;
  }
}

}  // namespace drivelog::detect
