#include "sim/truth.hpp"

#include "sim/truth_events.hpp"

#include <algorithm>
#include <string>

namespace drivelog::sim {
namespace {

void add_way(std::vector<int64_t>& ways, int64_t way) {
  if (std::find(ways.begin(), ways.end(), way) == ways.end()) ways.push_back(way);
}

EvidenceField number(std::string key, double value) { return EvidenceField{std::move(key), value, {}, false}; }
EvidenceField text(std::string key, std::string value) { return EvidenceField{std::move(key), 0, std::move(value), true}; }

// Speeding episodes: runs of profile points over the tolerance of the limit in force, split where the
// limit changes and joined across dips shorter than the merge gap (as the detector does), kept when
// they last the minimum duration.
void find_speeding(const map::MapView& map, const Drive& drive, const TruthThresholds& th, Truth& truth) {
  const auto& points = drive.profile.points();
  auto limit_at = [&](size_t k) {
    return drive.step_limits_kmh[drive.geometry.step_at(points[k].s_m)];
  };
  auto over = [&](size_t k) {
    const double limit = limit_at(k);
    if (limit <= 0) return false;
    const double threshold = std::max(limit * (1 + th.speeding_tolerance_percent / 100), limit + th.speeding_tolerance_kmh);
    return points[k].speed_mps * 3.6 > threshold;
  };
  struct Run {
    size_t first, last;
  };
  std::vector<Run> runs;
  for (size_t i = 0; i < points.size();) {
    if (!over(i)) {
      ++i;
      continue;
    }
    // A run ends where the limit changes, as the detector's episodes do (docs/ENGINE.md).
    const size_t first = i;
    while (i < points.size() && over(i) && limit_at(i) == limit_at(first)) ++i;
    if (!runs.empty() && limit_at(runs.back().last) == limit_at(first) &&
        points[first].depart_s - points[runs.back().last].arrive_s <= th.speeding_merge_gap_s) {
      runs.back().last = i - 1;
    } else {
      runs.push_back(Run{first, i - 1});
    }
  }
  for (const Run& run : runs) {
    const double duration = points[run.last].arrive_s - points[run.first].depart_s;
    if (duration < th.speeding_min_duration_s) continue;
    double max_kmh = 0;
    std::vector<int64_t> ways;
    for (size_t k = run.first; k <= run.last; ++k) {
      max_kmh = std::max(max_kmh, points[k].speed_mps * 3.6);
      add_way(ways, map.edge(drive.route[drive.geometry.step_at(points[k].s_m)].edge).osm_way_id);
    }
    const double distance = points[run.last].s_m - points[run.first].s_m;
    const auto where = drive.geometry.position_at(points[run.first].s_m);
    const DirectedEdge d = drive.route[drive.geometry.step_at(points[run.first].s_m)];
    truth.violations.push_back(TruthViolation{
        "speeding", points[run.first].depart_s, points[run.last].arrive_s, where.lat, where.lon, ways,
        std::string(map.edge_name(d.edge)),
        {number("max_speed_kmh", max_kmh), number("mean_speed_kmh", duration > 0 ? distance / duration * 3.6 : max_kmh),
         number("limit_kmh", limit_at(run.first)), number("distance_m", distance), number("duration_s", duration)}});
  }
}

// Stop signs passed without the speed dropping to the threshold anywhere in the zone before the line.
void find_stop_violations(const map::MapView& map, const Drive& drive, const TruthThresholds& th, Truth& truth) {
  const auto& points = drive.profile.points();
  for (const auto& stop : drive.stops) {
    const double zone_start = std::max(0.0, stop.line_m - th.stop_zone_m);
    double min_kmh = 1e9;
    for (size_t k = drive.profile.index_at(zone_start); k < points.size() && points[k].s_m <= stop.line_m; ++k) {
      if (points[k].s_m >= zone_start) min_kmh = std::min(min_kmh, points[k].speed_mps * 3.6);
    }
    if (min_kmh <= th.stop_threshold_kmh) continue;
    const DirectedEdge d = drive.route[stop.step];
    truth.violations.push_back(TruthViolation{
        "stop_sign", drive.profile.time_at(zone_start), drive.profile.time_at(stop.line_m), stop.position.lat(),
        stop.position.lon(), {map.edge(d.edge).osm_way_id}, std::string(map.edge_name(d.edge)),
        {number("min_speed_kmh", min_kmh), number("threshold_kmh", th.stop_threshold_kmh),
         number("stop_osm_node_id", static_cast<double>(stop.osm_node_id)), number("zone_m", th.stop_zone_m)}});
  }
}

// Wrong-way and closed-road travel, step by step (consecutive offending steps form one episode),
// and forbidden turns between consecutive steps. Each step is judged by the rules in force when the
// car entered it (as the engine judges each traversal); an episode that a conditional rule began
// names it in its evidence, as the engine's finding does.
void find_route_rule_violations(const map::MapView& map, const Drive& drive, const TruthThresholds& th,
                                double start_utc_s, TimedRules& rules, Truth& truth) {
  const auto& route = drive.route;
  const auto& geometry = drive.geometry;
  const auto& profile = drive.profile;
  std::vector<EdgeRulesAt> in_force;
  in_force.reserve(route.size());
  for (size_t step = 0; step < route.size(); ++step) {
    in_force.push_back(rules.at(route[step], start_utc_s + profile.time_at(geometry.step_start_m(step))));
  }
  auto episodes = [&](const char* type, auto offends, auto verdict) {
    for (size_t step = 0; step < route.size();) {
      if (!offends(step)) {
        ++step;
        continue;
      }
      const size_t first = step;
      std::vector<int64_t> ways;
      while (step < route.size() && offends(step)) add_way(ways, map.edge(route[step++].edge).osm_way_id);
      const double start_m = geometry.step_start_m(first), end_m = geometry.step_end_m(step - 1);
      const double start_s = profile.time_at(start_m), end_s = profile.time_at(end_m);
      const auto where = geometry.position_at(start_m);
      TruthViolation v{type, start_s, end_s, where.lat, where.lon, ways, std::string(map.edge_name(route[first].edge)), {}};
      if (std::string(type) == "wrong_way") {
        const double duration = end_s - start_s;
        v.evidence = {number("distance_m", end_m - start_m), number("duration_s", duration),
                      number("mean_speed_kmh", duration > 0 ? (end_m - start_m) / duration * 3.6 : 0)};
      } else {
        v.evidence = {text("access", "no"), number("distance_m", end_m - start_m)};
        if (first > 0) {
          v.evidence.push_back(number("entry_from_osm_way_id", static_cast<double>(map.edge(route[first - 1].edge).osm_way_id)));
        }
      }
      for (auto& [key, value] : detect::conditional_evidence(map, verdict(first))) v.evidence.push_back(text(key, value));
      truth.violations.push_back(std::move(v));
    }
  };
  // A closed road driven against its one-way is one violation, the no_entry (as the engine judges it).
  episodes("wrong_way", [&](size_t step) { return in_force[step].against && !in_force[step].closed; },
           [&](size_t step) { return in_force[step].oneway; });
  episodes("no_entry", [&](size_t step) { return in_force[step].closed; }, [&](size_t step) { return in_force[step].access; });
  for (size_t step = 1; step < route.size(); ++step) {
    // Judged as the engine judges it: for the vehicle, by the rule in force when the car passed the via node.
    const double via_m = geometry.step_start_m(step);
    detect::ConditionalVerdict decided;
    const auto* restriction = rules.turn_at(route[step - 1], route[step], start_utc_s + profile.time_at(via_m), &decided);
    if (restriction == nullptr) continue;
    const auto via = map.node_coord(end_node(map, route[step - 1]));
    const int64_t from_way = map.edge(route[step - 1].edge).osm_way_id, to_way = map.edge(route[step].edge).osm_way_id;
    const bool only = decided.state == detect::ConditionalVerdict::State::holds ? decided.meaning == "only"
                                                                                 : restriction->kind == map::RestrictionKind::only;
    truth.violations.push_back(TruthViolation{
        "turn_restriction", profile.time_at(std::max(0.0, via_m - th.turn_window_m)),
        profile.time_at(std::min(geometry.length_m(), via_m + th.turn_window_m)), via.lat(), via.lon(),
        {from_way, to_way}, std::string(map.edge_name(route[step].edge)),
        {text("restriction", only ? "only" : "no"), number("relation_id", static_cast<double>(restriction->osm_relation_id)),
         number("from_osm_way_id", static_cast<double>(from_way)),
         number("via_osm_node_id", static_cast<double>(map.node_osm_id(end_node(map, route[step - 1])))),
         number("to_osm_way_id", static_cast<double>(to_way))}});
    for (auto& [key, value] : detect::conditional_evidence(map, decided)) truth.violations.back().evidence.push_back(text(key, value));
  }
}

std::vector<TruthRouteEntry> summarize_route(const map::MapView& map, const Drive& drive) {
  std::vector<TruthRouteEntry> entries;
  for (size_t step = 0; step < drive.route.size(); ++step) {
    const DirectedEdge d = drive.route[step];
    const auto& edge = map.edge(d.edge);
    const double start_s = drive.profile.time_at(drive.geometry.step_start_m(step));
    const double end_s = step + 1 == drive.route.size() ? drive.profile.duration_s()
                                                         : drive.profile.time_at(drive.geometry.step_end_m(step));
    if (!entries.empty() && entries.back().osm_way_id == edge.osm_way_id && entries.back().forward == !d.reversed) {
      entries.back().length_m += edge.length_m;
      entries.back().end_s = end_s;
      continue;
    }
    entries.push_back(TruthRouteEntry{edge.osm_way_id, std::string(map.edge_name(d.edge)), !d.reversed, edge.length_m,
                                      start_s, end_s});
  }
  return entries;
}

}  // namespace

Truth derive_truth(const map::MapView& map, const Drive& drive, const TruthThresholds& thresholds, double start_utc_s,
                   TimedRules* rules) {
  TimedRules car_rules(map);
  Truth truth;
  truth.route = summarize_route(map, drive);
  find_speeding(map, drive, thresholds, truth);
  find_stop_violations(map, drive, thresholds, truth);
  find_route_rule_violations(map, drive, thresholds, start_utc_s, rules != nullptr ? *rules : car_rules, truth);
  std::stable_sort(truth.violations.begin(), truth.violations.end(),
                   [](const TruthViolation& a, const TruthViolation& b) { return a.start_s < b.start_s; });
  truth.events = find_events(map, drive, thresholds);
  return truth;
}

}  // namespace drivelog::sim
