#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <string>

#include "detect/conditional_rules.hpp"
#include "detect/path_plausibility.hpp"
#include "detect/rules.hpp"
#include "map/turn_rules.hpp"
#include "match/path_geometry.hpp"

namespace drivelog::detect {
namespace {

// The map stores only whether a restriction is no_* or only_*; the turn's kind (left, right,
// straight on, U-turn) is read from the geometry, like a driver would.
const char* turn_kind(double in_bearing_deg, double out_bearing_deg) {
  double angle = std::fmod(out_bearing_deg - in_bearing_deg + 540.0, 360.0) - 180.0;  // (-180, 180], + = right
  if (std::fabs(angle) > 150) return "u_turn";
  if (angle > 30) return "right_turn";
  if (angle < -30) return "left_turn";
  return "straight_on";
}

}  // namespace

void detect_turn_restrictions(const TripView& trip, const TurnRestrictionConfig& config, const PathCheckConfig& check,
                              std::vector<Violation>& out) {
  const auto& traversals = trip.match.traversals;
  ConditionalRules& conditionals = trip.conditionals;
  for (std::size_t i = 0; i + 1 < traversals.size(); ++i) {
    const auto restrictions = trip.map.restrictions_from(traversals[i].edge);
    if (restrictions.empty() || !passes_through_end(trip, i)) continue;
    const match::Traversal& from = traversals[i];
    const match::Traversal& to = traversals[i + 1];
    const map::EdgeRecord& from_edge = trip.map.edge(from.edge);
    const uint32_t via = exit_node(from_edge, from.forward);

    // Judged at the time the path passed the via node.
    const double s_via = from.end_s_m();
    TurnKindsAt kinds(conditionals, via, trip.speeds.time_at_distance(s_via));
    const map::TurnRestriction* broken = map::forbidding_restriction(trip.map, from.edge, via, to.edge, std::ref(kinds));
    if (broken == nullptr) continue;

    // The path must really continue into the new road, not just graze the junction.
    std::size_t last = i + 1;
    while (traversals[last].end_s_m() - s_via < 2 * config.min_exit_m && last + 1 < traversals.size() &&
           traversals[last + 1].piece == from.piece) {
      ++last;
    }
    const double exit_m = traversals[last].end_s_m() - s_via;
    if (exit_m < config.min_exit_m) continue;
    // A turn inside a receiver gap is the matcher's guess of the route, not something seen: at least
    // half the stretch around the junction must be.
    if (path_unseen(trip, s_via - config.min_exit_m, s_via + config.min_exit_m, config.min_exit_m, check)) continue;

    const double in_bearing = match::bearing_at_end(trip.map, from.edge, from.forward, false);
    const map::EdgeRecord& rule_to = trip.map.edge(broken->to_edge);
    const bool rule_to_forward = rule_to.from_node == via;
    const double out_bearing = match::bearing_at_end(trip.map, broken->to_edge, rule_to_forward, true);
    const ConditionalVerdict verdict = kinds.verdict_of(*broken);
    const bool no = verdict.state == ConditionalVerdict::State::holds ? verdict.meaning == "no"
                                                                       : broken->kind == map::RestrictionKind::no;
    const std::string name = std::string(no ? "no_" : "only_") + turn_kind(in_bearing, out_bearing);

    Violation v;
    v.type = ViolationType::turn_restriction;
    v.start_time_s = trip.speeds.time_at_distance(s_via - 10);
    v.end_time_s = trip.speeds.time_at_distance(s_via + 10);
    const map::Coord where = trip.map.node_coord(via);
    v.lat = where.lat();
    v.lon = where.lon();
    const int64_t to_way = trip.map.edge(to.edge).osm_way_id;
    v.osm_way_ids.push_back(from_edge.osm_way_id);
    add_way(v.osm_way_ids, to_way);
    v.road_name = std::string(trip.map.edge_name(to.edge));
    v.confidence = exit_m >= 2 * config.min_exit_m ? 0.9 : 0.7;
    v.evidence.push_back(EvidenceItem::of_text("restriction", name));
    v.evidence.push_back(EvidenceItem::of_integer("relation_id", broken->osm_relation_id));
    v.evidence.push_back(EvidenceItem::of_integer("from_osm_way_id", from_edge.osm_way_id));
    v.evidence.push_back(EvidenceItem::of_integer("via_osm_node_id", trip.map.node_osm_id(via)));
    v.evidence.push_back(EvidenceItem::of_integer("to_osm_way_id", to_way));
    add_conditional_evidence(trip.map, verdict, v);
    out.push_back(std::move(v));
  }
}

}  // namespace drivelog::detect
