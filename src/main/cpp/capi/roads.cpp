// drivelog_map_roads_json: the map around a trip, for the HTML report (drivelog_roads.h).
#include "capi/drivelog_roads.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "capi/abi_boundary.hpp"
#include "map/geo.hpp"
#include "map/json_text.hpp"
#include "map/map_view.hpp"

namespace {

using drivelog::map::Coord;
using drivelog::map::EdgeRecord;
using drivelog::map::MapView;
using drivelog::map::RoadClass;

constexpr const char* kClassNames[] = {"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified",
                                       "residential", "motorway_link", "trunk_link", "primary_link",
                                       "secondary_link", "tertiary_link", "living_street", "service", "road",
                                       "track"};
static_assert(std::size(kClassNames) == static_cast<size_t>(RoadClass::count));

struct Box {
  Coord min;
  Coord max;
  [[nodiscard]] bool contains(Coord c) const {
    return c.lat_e7 >= min.lat_e7 && c.lat_e7 <= max.lat_e7 && c.lon_e7 >= min.lon_e7 && c.lon_e7 <= max.lon_e7;
  }
};

// Whether any point of the edge's shape lies in the box (or the shape crosses it between two points
// far apart: checked with the segment's own bounding box, a cheap superset).
bool touches(const MapView& map, uint32_t edge, const Box& box) {
  const auto shape = map.edge_shape(edge);
  for (size_t i = 0; i < shape.size(); ++i) {
    if (box.contains(shape[i])) {
      return true;
    }
    if (i + 1 < shape.size()) {
      const Coord a = shape[i];
      const Coord b = shape[i + 1];
      if (std::max(a.lat_e7, b.lat_e7) >= box.min.lat_e7 && std::min(a.lat_e7, b.lat_e7) <= box.max.lat_e7 &&
          std::max(a.lon_e7, b.lon_e7) >= box.min.lon_e7 && std::min(a.lon_e7, b.lon_e7) <= box.max.lon_e7) {
        return true;
      }
    }
  }
  return false;
}

// The class as text; a value outside the enum can only come from a damaged file.
const char* class_name(const MapView& map, uint32_t edge, RoadClass road_class) {
  const auto index = static_cast<size_t>(road_class);
  if (index >= std::size(kClassNames)) {
    map.damaged("road class of edge " + std::to_string(edge));
  }
  return kClassNames[index];
}

std::string limit_kmh(uint16_t tenths) {
  if (tenths == drivelog::map::kSpeedUnlimited) {
    return "-1";
  }
  return drivelog::map::json_fixed(tenths / 10.0, 1);
}

int oneway(const EdgeRecord& record) {
  const bool forward = record.has(drivelog::map::edge_flags::kForwardAllowed);
  const bool backward = record.has(drivelog::map::edge_flags::kBackwardAllowed);
  if (forward == backward) {
    return 0;
  }
  return forward ? 1 : -1;
}

std::string roads_json(const MapView& map, const Box& box, uint32_t max_edges) {
  // The grid lookup around the box's centre with the half diagonal as radius covers the box.
  const Coord centre{static_cast<int32_t>((static_cast<int64_t>(box.min.lat_e7) + box.max.lat_e7) / 2),
                     static_cast<int32_t>((static_cast<int64_t>(box.min.lon_e7) + box.max.lon_e7) / 2)};
  const double radius_m = drivelog::map::geo::distance_m(box.min, box.max) / 2.0 + 1.0;
  std::vector<drivelog::map::SegmentRef> segments;
  map.segments_near(centre, radius_m, segments);
  std::unordered_set<uint32_t> seen;
  std::vector<uint32_t> edges;
  for (const auto& ref : segments) {
    if (seen.insert(ref.edge).second && touches(map, ref.edge, box)) {
      edges.push_back(ref.edge);
    }
  }
  std::sort(edges.begin(), edges.end(), [&](uint32_t a, uint32_t b) {
    const auto ca = static_cast<int>(map.edge(a).road_class);
    const auto cb = static_cast<int>(map.edge(b).road_class);
    return ca != cb ? ca < cb : a < b;
  });
  const size_t kept = std::min<size_t>(edges.size(), max_edges);

  std::string out = "{\"edges\":[";
  std::string stops;
  for (size_t i = 0; i < kept; ++i) {
    const uint32_t edge = edges[i];
    const EdgeRecord& record = map.edge(edge);
    if (i > 0) {
      out += ',';
    }
    out += "{\"way\":" + std::to_string(record.osm_way_id);
    out += ",\"class\":\"";
    out += class_name(map, edge, record.road_class);
    out += "\",\"name\":" + drivelog::map::json_string(map.edge_name(edge));
    out += ",\"oneway\":" + std::to_string(oneway(record));
    out += ",\"limit_fwd_kmh\":" + limit_kmh(record.maxspeed_forward);
    out += ",\"limit_bwd_kmh\":" + limit_kmh(record.maxspeed_backward);
    out += ",\"shape\":[";
    const auto shape = map.edge_shape(edge);
    for (size_t p = 0; p < shape.size(); ++p) {
      if (p > 0) {
        out += ',';
      }
      out += drivelog::map::json_fixed(shape[p].lat(), 7) + ',' + drivelog::map::json_fixed(shape[p].lon(), 7);
    }
    out += "]}";
    for (const auto& stop : map.stop_signs_on(edge)) {
      const Coord at = map.node_coord(stop.node);
      if (!stops.empty()) {
        stops += ',';
      }
      stops += "{\"node\":" + std::to_string(stop.osm_node_id) + ",\"lat\":" + drivelog::map::json_fixed(at.lat(), 7) +
               ",\"lon\":" + drivelog::map::json_fixed(at.lon(), 7) + ",\"way\":" + std::to_string(record.osm_way_id) +
               '}';
    }
  }
  out += "],\"stops\":[" + stops + "],\"omitted_edges\":" + std::to_string(edges.size() - kept) + '}';
  return out;
}

}  // namespace

extern "C" int32_t drivelog_map_roads_json(const char* map_path, double min_lat, double min_lon, double max_lat,
                                           double max_lon, uint32_t max_edges, char* buffer, size_t buffer_len,
                                           size_t* needed, char* error, size_t error_len) noexcept {
  using drivelog::capi::report;
  if (map_path == nullptr || needed == nullptr || (buffer == nullptr && buffer_len > 0)) {
    return report(DRIVELOG_BAD_INPUT, error, error_len,
                  {"drivelog_map_roads_json: map_path and needed must not be NULL"});
  }
  const bool finite = std::isfinite(min_lat) && std::isfinite(min_lon) && std::isfinite(max_lat) && std::isfinite(max_lon);
  if (!finite || min_lat > max_lat || min_lon > max_lon || min_lat < -90 || max_lat > 90 || min_lon < -180 ||
      max_lon > 180) {
    return report(DRIVELOG_BAD_INPUT, error, error_len,
                  {"drivelog_map_roads_json: the box must be finite degrees with min <= max"});
  }
  return drivelog::capi::guarded({"drivelog_map_roads_json: "}, error, error_len, [&] {
    const MapView map = MapView::open(map_path);
    const Box box{Coord::from_degrees(min_lat, min_lon), Coord::from_degrees(max_lat, max_lon)};
    const std::string json = roads_json(map, box, max_edges);
    *needed = json.size();
    if (buffer_len > 0) {
      const size_t n = std::min(json.size(), buffer_len - 1);
      std::memcpy(buffer, json.data(), n);
      buffer[n] = '\0';
    }
    return DRIVELOG_OK;
  });
}
