#include <array>
#include <string>

#include "map/json_text.hpp"
#include "osm/osm_import.hpp"

namespace drivelog::osm {

std::string counts_object(const std::map<std::string, uint64_t>& counts) {
  std::string out = "{";
  for (const auto& [what, n] : counts) {
    if (out.size() > 1) out += ",";
    out += map::json_string(what) + ":" + std::to_string(n);
  }
  return out + "}";
}

std::string class_rules_json(const ImportReport& r) {
  constexpr std::array<const char*, 4> kClasses{"car", "hgv", "bus", "motorcycle"};
  constexpr std::array<const char*, 4> kKinds{"access", "oneway", "maxspeed", "turn"};
  std::string out = "{";
  for (std::size_t c = 0; c < kClasses.size(); ++c) {
    out += std::string(c > 0 ? "," : "") + "\"" + kClasses[c] + "\":{";
    for (std::size_t k = 0; k < kKinds.size(); ++k) {
      out += std::string(k > 0 ? "," : "") + "\"" + kKinds[k] + "\":" + std::to_string(r.class_rules[c][k]);
    }
    out += "}";
  }
  return out + "}";
}

std::string conditional_summary_json(const ImportReport& r) {
  return "{\"stored\":" + counts_object(r.conditionals_stored) +
         ",\"not_understood\":" + counts_object(r.conditionals_not_understood) +
         ",\"class_keys\":" + counts_object(r.class_keys_stored) + ",\"class_rules\":" + class_rules_json(r) + "}";
}

std::string import_report_json(const ImportReport& r, const std::string& osm_path, const std::string& map_path) {
  const uint64_t objects = r.nodes_read + r.ways_read + r.relations_read;
  const double seconds = r.read_seconds + r.write_seconds;
  std::string j = "{";
  j += "\"osm\":" + map::json_string(osm_path);
  j += ",\"map\":" + map::json_string(map_path);
  j += ",\"osm_nodes\":" + std::to_string(r.nodes_read);
  j += ",\"osm_ways\":" + std::to_string(r.ways_read);
  j += ",\"osm_relations\":" + std::to_string(r.relations_read);
  j += ",\"road_ways\":" + std::to_string(r.road_ways);
  j += ",\"closed_road_ways\":" + std::to_string(r.closed_road_ways);
  j += ",\"stop_nodes\":" + std::to_string(r.stop_nodes);
  j += ",\"restriction_relations\":" + std::to_string(r.restriction_relations);
  j += ",\"country\":" + map::json_string(r.country);
  j += ",\"country_basis\":" + map::json_string(r.country_basis);
  j += ",\"regions\":" + counts_object(r.legal.edges_by_region);
  j += ",\"limit_sources\":" + counts_object(r.legal.directions_by_source);
  j += ",\"zones_not_understood\":" + std::to_string(r.legal.zones_not_understood);
  j += ",\"service_edges_built_up_from_neighbours\":" + std::to_string(r.legal.built_up_from_neighbours);
  j += ",\"service_edges_built_up_undecided\":" + std::to_string(r.legal.built_up_undecided);
  j += ",\"legal_tag_sets\":" + std::to_string(r.legal.distinct_tag_sets);
  j += ",\"legal_evaluations\":" + std::to_string(r.legal.evaluations);
  j += ",\"legal_data\":" + map::json_string(r.legal_data);
  j += ",\"time_zone_source\":" + map::json_string(r.time_zone_source);
  {
    std::string zones = "[";
    for (const std::string& z : r.time_zones) {
      if (zones.size() > 1) zones.push_back(',');
      zones.append(map::json_string(z));
    }
    j += ",\"time_zones\":" + zones + "]";
  }
  j += ",\"nodes\":" + std::to_string(r.build.nodes);
  j += ",\"edges\":" + std::to_string(r.build.edges);
  j += ",\"stop_signs\":" + std::to_string(r.build.stop_signs);
  j += ",\"signals\":" + std::to_string(r.build.signals);
  j += ",\"turn_restrictions\":" + std::to_string(r.build.turn_restrictions);
  j += ",\"conditional_records\":" + std::to_string(r.build.conditionals);
  j += ",\"turn_conditional_records\":" + std::to_string(r.build.turn_conditionals);
  j += ",\"advisory_speed_ways\":" + std::to_string(r.build.advisory_speed_ways);
  j += ",\"advisory_speed_edges\":" + std::to_string(r.build.advisory_speed_edges);
  j += ",\"conditionals_stored\":" + counts_object(r.conditionals_stored);
  j += ",\"conditionals_not_understood\":" + counts_object(r.conditionals_not_understood);
  j += ",\"class_keys_stored\":" + counts_object(r.class_keys_stored);
  j += ",\"class_rules\":" + class_rules_json(r);
  j += ",\"road_km\":" + map::json_fixed(r.build.road_km, 3);
  j += ",\"bytes\":" + std::to_string(r.build.bytes);
  j += ",\"read_seconds\":" + map::json_fixed(r.read_seconds, 3);
  j += ",\"write_seconds\":" + map::json_fixed(r.write_seconds, 3);
  j += ",\"objects_per_second\":" + map::json_fixed(seconds > 0 ? static_cast<double>(objects) / seconds : 0.0, 0);
  j += ",\"skipped\":" + counts_object(r.skipped);
  j += ",\"unresolved\":" + counts_object(r.build.problems);
  j += ",\"uninterpreted_total\":" + std::to_string(r.tag_problems.total());
  j += ",\"uninterpreted\":" + counts_object(r.tag_problems.counts());
  j += ",\"advisory_unreadable\":[";
  for (std::size_t i = 0; i < r.advisory_unreadable.size(); ++i) {
    if (i > 0) j += ",";
    j += "{\"way\":" + std::to_string(r.advisory_unreadable[i].first) + ",\"tag\":" + map::json_string(r.advisory_unreadable[i].second) + "}";
  }
  j += "]";
  j += "}";
  return j;
}

}  // namespace drivelog::osm
