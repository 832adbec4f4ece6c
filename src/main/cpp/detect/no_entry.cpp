#include <algorithm>

#include "detect/conditional_rules.hpp"
#include "detect/path_plausibility.hpp"
#include "detect/rules.hpp"

namespace drivelog::detect {

void detect_no_entry(const TripView& trip, const NoEntryConfig& config, const PathCheckConfig& check,
                     std::vector<Violation>& out) {
  const auto& traversals = trip.match.traversals;
  // Closed when the traversal began: a conditional rule in force (`motor_vehicle:conditional=no @
  // (15:00-05:00)`) decides, else the plain tags. Undecidable (a holiday, `delivery`) is not closed:
  // nothing is reported that the law may allow.
  ConditionalRules& conditionals = trip.conditionals;
  std::vector<ConditionalVerdict> verdicts(traversals.size());
  std::vector<char> closed_at(traversals.size());
  for (std::size_t k = 0; k < traversals.size(); ++k) {
    if (!trip.map.conditionals_on(traversals[k].edge).empty()) {
      verdicts[k] = conditionals.at(traversals[k].edge, traversals[k].forward, map::ConditionalKind::access,
                                    trip.speeds.time_at_distance(traversals[k].start_s_m));
    }
    closed_at[k] = closed_under(trip.map.edge(traversals[k].edge), verdicts[k]) ? 1 : 0;
  }
  const auto closed = [&](std::size_t k) { return closed_at[k] != 0; };
  std::size_t i = 1;
  while (i < traversals.size()) {
    // Entering: a closed road right after an open one in the same matched piece. A trip that
    // starts on a closed road (a driveway, a depot) did not enter it.
    if (!closed(i) || closed(i - 1) || traversals[i - 1].piece != traversals[i].piece) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < traversals.size() && traversals[j].piece == traversals[i].piece && closed(j)) ++j;
    const double start_s = traversals[i].start_s_m, end_s = traversals[j - 1].end_s_m();
    const double distance = end_s - start_s;
    // Driven through from one open road to another: a short closed link (bollards across a street,
    // a closed passage) is as clear a violation as a long one; min_distance_m keeps the matcher's
    // grazing of a closed road's first metres at a junction from being one.
    const bool through = j < traversals.size() && traversals[j].piece == traversals[i].piece;
    // Seen: as much as a finding needs, or half of a shorter passage driven through.
    const double min_seen_m = std::min(config.min_distance_m, 0.5 * distance);
    if ((distance >= config.min_distance_m || through) && !path_outruns_receiver(trip, start_s, end_s, check) &&
        !path_unseen(trip, start_s, end_s, min_seen_m, check)) {
      Violation v;
      v.type = ViolationType::no_entry;
      v.start_time_s = trip.speeds.time_at_distance(start_s);
      v.end_time_s = trip.speeds.time_at_distance(end_s);
      const map::Coord where = position_at(trip.map, traversals[i], start_s);
      v.lat = where.lat();
      v.lon = where.lon();
      for (std::size_t k = i; k < j; ++k) add_way(v.osm_way_ids, trip.map.edge(traversals[k].edge).osm_way_id);
      v.road_name = std::string(trip.map.edge_name(traversals[i].edge));
      v.confidence = std::clamp(0.6 + 0.35 * (distance - config.min_distance_m) / (2 * config.min_distance_m + 1), 0.0,
                                0.95);
      v.evidence.push_back(EvidenceItem::of_text("access", "no"));
      add_conditional_evidence(trip.map, verdicts[i], v);
      v.evidence.push_back(EvidenceItem::of_number("distance_m", distance));
      v.evidence.push_back(
          EvidenceItem::of_integer("entry_from_osm_way_id", trip.map.edge(traversals[i - 1].edge).osm_way_id));
      out.push_back(std::move(v));
    }
    i = j;
  }
}

}  // namespace drivelog::detect
