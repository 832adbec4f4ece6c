// Builds a map file from interpreted road data. Knows nothing of OSM tags or files: the OSM
// importer (osm/) and tests feed it ways whose attributes are already decided.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "map/legal_tables.hpp"
#include "map/map_types.hpp"

namespace drivelog::map {

// A road as the builder receives it: node ids in way order and its attributes. The builder splits
// it into edges at junctions (nodes shared with other ways), at stop-sign and signal nodes, and at
// its ends.
// A conditional restriction of a way, already understood (see ConditionalRestriction).
struct ConditionalInput {
  ConditionalKind kind = ConditionalKind::access;
  uint8_t precedence = 0;
  ConditionalDirection direction = ConditionalDirection::both;
  uint8_t vehicles = kAllVehicles;
  std::string key;    // `motor_vehicle:conditional`
  std::string value;  // as tagged
  std::string rules;  // normalised
};

struct WayInput {
  int64_t osm_id = 0;
  std::vector<int64_t> node_ids;
  std::string name;
  RoadClass road_class = RoadClass::road;
  uint16_t flags = edge_flags::kForwardAllowed | edge_flags::kBackwardAllowed;
  uint16_t maxspeed_forward = kSpeedUnknown;   // tenths of km/h
  uint16_t maxspeed_backward = kSpeedUnknown;  // tenths of km/h
  // The source of maxspeed_forward, and of maxspeed_backward unless backward_speed_source says
  // otherwise. none: no tag, the legal default is wanted (from the EdgeSpeedResolver, if any);
  // implicit_zone with kSpeedUnknown: a named zone the resolver reads.
  SpeedSource speed_source = SpeedSource::none;
  int8_t layer = 0;  // OSM layer, bridges and tunnels without one already at +1 / -1
  RoadUse use = RoadUse::general;
  std::optional<SpeedSource> backward_speed_source = std::nullopt;
  uint32_t legal_key = 0;  // passed to the EdgeSpeedResolver: which tags decide the way's legal limits
  uint16_t advisory_forward = kSpeedUnknown;   // maxspeed:advisory, tenths of km/h (AdvisorySpeed)
  uint16_t advisory_backward = kSpeedUnknown;
};

// Which approaches of a stop-sign node the sign governs.
enum class StopDirection : uint8_t {
  forward,   // traffic moving in the direction of the way(s) through the node
  backward,  // traffic moving against it
  all,       // no direction given: the builder applies its documented rule (MAP_FORMAT.md)
  all_way,   // an all-way stop (`stop=all`): every approach
};

struct StopInput {
  int64_t osm_node_id = 0;
  StopDirection direction = StopDirection::all;
};

struct RestrictionInput {
  int64_t osm_relation_id = 0;
  RestrictionKind kind = RestrictionKind::no;
  int64_t from_way = 0;
  int64_t via_node = 0;               // set for via-node restrictions
  std::vector<int64_t> via_ways;      // set for via-way restrictions, in any order
  int64_t to_way = 0;
  uint8_t flags = 0;                  // restriction_flags
  uint8_t vehicles = kAllVehicles;    // vehicle_bit()s of the classes it binds
};

// What the build did, for the `map build` report.
struct BuildStats {
  uint64_t nodes = 0;
  uint64_t edges = 0;
  uint64_t stop_signs = 0;
  uint64_t turn_restrictions = 0;
  uint64_t restrictions_dropped = 0;  // could not be resolved to edges (with reasons counted by the caller)
  uint64_t bytes = 0;
  uint64_t shape_points = 0;
  uint64_t grid_segments = 0;         // segment references in the spatial grid (a segment may sit in several cells)
  double road_km = 0;                 // total edge length
  uint64_t stops_dropped = 0;         // stop nodes not on any road the builder kept
  uint64_t signals = 0;               // traffic-signal nodes on kept roads
  uint64_t ways_dropped = 0;          // ways with fewer than two known nodes
  uint64_t missing_node_refs = 0;     // way node references with no add_node (cut at the extract's edge)
  uint64_t conditionals = 0;          // ConditionalRestriction records (one per edge and tag)
  uint64_t turn_conditionals = 0;     // TurnConditional records (one per relation and tag)
  uint64_t advisory_speed_edges = 0;  // edges with an advisory speed
  uint64_t advisory_speed_ways = 0;   // kept ways with one
  // What could not be used and why, e.g. {"stop sign not on a kept road": 3}.
  std::map<std::string, uint64_t> problems;
};


class MapBuilder {
 public:
  MapBuilder();
  ~MapBuilder();
  MapBuilder(const MapBuilder&) = delete;
  MapBuilder& operator=(const MapBuilder&) = delete;

  void add_node(int64_t osm_id, Coord position);
  void add_way(WayInput way);
  // A conditional restriction of the way added last, stored on each of its edges.
  void add_conditional(const ConditionalInput& conditional);
  // Replaces the legal key of the `way_index`-th way added (0-based, in add_way order): for a key
  // that depends on the ways read after it (osm/built_up_neighbours.hpp).
  void set_legal_key(std::size_t way_index, uint32_t legal_key);
  void add_stop(StopInput stop);
  // A traffic-signal node (`highway=traffic_signals`); ignored unless a kept road passes it.
  void add_signal(int64_t osm_node_id);
  void add_restriction(RestrictionInput restriction);
  // The conditional value of a turn restriction relation (see TurnConditional); kept when some
  // restriction of the relation resolves to edges.
  void add_turn_conditional(int64_t osm_relation_id, const ConditionalInput& conditional);
  // JSON for `map info`: conditional keys stored and not understood, ways per key.
  void set_conditional_summary(std::string json);
  void set_source(std::string source);
  // Keep nodes in OSM id order and edges in way input order instead of Hilbert order (for the
  // page-touch benchmark, which compares the two).
  void set_keep_input_order(bool keep);
  // Decides regions and rule-based limits per edge at write(); without one, edges get no region
  // and directions without a tag no limit. Not owned; must outlive write().
  void set_speed_resolver(EdgeSpeedResolver* resolver);
  // The time zones of the map's area (default: UTC everywhere).
  void set_time_zones(TimeZoneTable zones);

  // Orders nodes and edges along a Hilbert curve, builds adjacency, the spatial grid and the
  // string table, and writes the file (atomically: a temporary file renamed at the end).
  BuildStats write(const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace drivelog::map
