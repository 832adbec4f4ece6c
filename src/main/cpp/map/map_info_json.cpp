#include "map/map_info_json.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "map/json_text.hpp"

namespace drivelog::map {
namespace {

std::string degrees(int32_t e7) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.7f", e7 * 1e-7);
  return buf;
}

// A summary is JSON the builder wrote into the file's strings; info reads the file without
// verifying its checksums, so a damaged byte there must not make this output invalid JSON
// (found by fuzz_map_file).
std::string summary_object(const std::string& summary, const std::string& what) {
  if (summary.empty()) return "{}";
  if (summary.front() == '{' && nlohmann::json::accept(summary)) return summary;
  return "{\"damaged\":\"the " + what + " summary is not JSON: run drivelog map info --verify\"}";
}

}  // namespace

std::string map_info_json(const MapView& map) {
  const MapInfo& i = map.info();
  char cell[32];
  std::snprintf(cell, sizeof cell, "%.1f", i.grid_cell_m);
  std::string json = "{";
  json += "\"format_version\":" + std::to_string(i.format_version);
  json += ",\"nodes\":" + std::to_string(i.nodes);
  json += ",\"edges\":" + std::to_string(i.edges);
  json += ",\"oneway_edges\":" + std::to_string(i.oneway_edges);
  json += ",\"speed_limited_edges\":" + std::to_string(i.speed_limited_edges);
  json += ",\"stop_signs\":" + std::to_string(i.stop_signs);
  json += ",\"turn_restrictions\":" + std::to_string(i.turn_restrictions);
  json += ",\"via_way_restrictions\":" + std::to_string(i.via_way_restrictions);
  json += ",\"signals\":" + std::to_string(i.signals);
  json += ",\"bbox\":{\"min_lat\":" + degrees(i.bbox.min.lat_e7) + ",\"min_lon\":" + degrees(i.bbox.min.lon_e7) +
          ",\"max_lat\":" + degrees(i.bbox.max.lat_e7) + ",\"max_lon\":" + degrees(i.bbox.max.lon_e7) + "}";
  json += ",\"bytes\":" + std::to_string(i.bytes);
  json += ",\"source\":" + json_string(i.source);
  json += ",\"shape_points\":" + std::to_string(i.shape_points);
  json += ",\"grid\":{\"rows\":" + std::to_string(i.grid_rows) + ",\"cols\":" + std::to_string(i.grid_cols) +
          ",\"cell_m\":" + cell + ",\"segments\":" + std::to_string(i.grid_segments) + "}";
  json += std::string(",\"order\":") + (i.hilbert_ordered ? "\"hilbert\"" : "\"input\"");
  json += ",\"regions\":" + std::to_string(i.regions);
  json += ",\"speed_rules\":" + std::to_string(i.speed_rules);
  json += ",\"conditionals\":" + std::to_string(i.conditionals);
  json += ",\"turn_conditionals\":" + std::to_string(i.turn_conditionals);
  json += ",\"advisory_speed_ways\":" + std::to_string(i.advisory_speed_ways);
  json += ",\"advisory_speed_edges\":" + std::to_string(i.advisory_speed_edges);
  json += ",\"conditional_keys\":" + summary_object(i.conditional_summary, "conditional");
  json += ",\"legal\":" + summary_object(i.legal_summary, "legal");
  json += ",\"legal_data\":" + json_string(i.legal_data);
  json += ",\"time_zones\":[";
  for (std::size_t z = 0; z < map.time_zones().size(); ++z) {
    if (z > 0) json += ',';
    json += json_string(map.string_at(map.time_zones()[z].name));
  }
  json += "],\"time_zone_source\":" + json_string(i.time_zone_source);
  json += ",\"section_crc32\":[";
  for (std::size_t s = 0; s < i.section_crc32.size(); ++s) {
    char crc[16];
    std::snprintf(crc, sizeof crc, "\"%08x\"", i.section_crc32[s]);
    if (s > 0) json += ',';
    json += crc;
  }
  json += "]}";
  return json;
}

}  // namespace drivelog::map
