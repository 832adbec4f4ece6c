// Plain value types of the reference map, shared by the on-disk format, the builder and readers.
// Every struct here that is stored in the file is trivially copyable with a fixed layout.
#pragma once

#include <cmath>
#include <cstdint>
#include <type_traits>

namespace drivelog::map {

// A position at OpenStreetMap precision: 1e-7 degree, about 1.1 cm.
struct Coord {
  int32_t lat_e7 = 0;
  int32_t lon_e7 = 0;

  [[nodiscard]] double lat() const { return lat_e7 * 1e-7; }
  [[nodiscard]] double lon() const { return lon_e7 * 1e-7; }
  static Coord from_degrees(double lat_deg, double lon_deg) {
    return Coord{static_cast<int32_t>(std::lround(lat_deg * 1e7)), static_cast<int32_t>(std::lround(lon_deg * 1e7))};
  }
  friend bool operator==(const Coord&, const Coord&) = default;
};
static_assert(sizeof(Coord) == 8);

// Road classes a car may use, from OSM `highway=*`, in falling order of importance.
enum class RoadClass : uint8_t {
  motorway = 0, trunk, primary, secondary, tertiary, unclassified, residential,
  motorway_link, trunk_link, primary_link, secondary_link, tertiary_link,
  living_street, service, road, track,
  count
};

// Speed limits are stored in tenths of km/h (25 mph = 402). Two values are special.
inline constexpr uint16_t kSpeedUnknown = 0;        // no tag and no default applied
inline constexpr uint16_t kSpeedUnlimited = 0xFFFF; // `maxspeed=none` (German Autobahn)

// Edge flags. "forward" is the direction from `from_node` to `to_node` (the OSM way's direction).
namespace edge_flags {
inline constexpr uint16_t kForwardAllowed = 1u << 0;   // a car may legally drive from -> to
inline constexpr uint16_t kBackwardAllowed = 1u << 1;  // a car may legally drive to -> from
inline constexpr uint16_t kClosed = 1u << 2;           // access/vehicle/motor_vehicle = no
inline constexpr uint16_t kPrivate = 1u << 3;          // ... = private (not a violation by itself)
inline constexpr uint16_t kDestination = 1u << 4;      // ... = destination
inline constexpr uint16_t kRoundabout = 1u << 5;       // junction=roundabout (implies oneway)
inline constexpr uint16_t kReversible = 1u << 6;       // oneway=reversible|alternating: both allowed, time-dependent
inline constexpr uint16_t kImplicitOneway = 1u << 7;   // oneway implied (motorway, roundabout), not tagged
inline constexpr uint16_t kTunnel = 1u << 8;
inline constexpr uint16_t kBridge = 1u << 9;
inline constexpr uint16_t kRestrictedFrom = 1u << 10;  // the from edge of some via-node turn restriction
}  // namespace edge_flags

// What a road is used for within its class, where OSM says (`service=*`): the matcher prices minor
// uses as priors (a fix between a street and a car-park aisle belongs to the street unless the
// evidence says otherwise).
enum class RoadUse : uint8_t { general = 0, parking_aisle, driveway, alley, drive_through };

// Where an edge's speed limit came from, so results can say how sure they are.
enum class SpeedSource : uint8_t { none = 0, explicit_tag, implicit_zone, country_default };

// One stretch of road between two graph nodes (junctions, way ends, stop signs, signals). 40 bytes.
struct EdgeRecord {
  uint32_t from_node = 0;
  uint32_t to_node = 0;
  int64_t osm_way_id = 0;
  uint32_t name = 0;                       // offset into the string table; 0 = no name
  float length_m = 0;                      // along the shape
  uint16_t maxspeed_forward = kSpeedUnknown;   // tenths of km/h
  uint16_t maxspeed_backward = kSpeedUnknown;  // tenths of km/h
  uint16_t flags = 0;                      // edge_flags
  RoadClass road_class = RoadClass::road;
  SpeedSource speed_source = SpeedSource::none;
  int8_t layer = 0;                        // OSM `layer` (-5..5); a bridge without one is 1, a tunnel -1
  RoadUse use = RoadUse::general;
  uint16_t reserved0 = 0;
  uint32_t reserved1 = 0;

  [[nodiscard]] bool has(uint16_t flag) const { return (flags & flag) != 0; }
  [[nodiscard]] bool oneway() const {
    return has(edge_flags::kForwardAllowed) != has(edge_flags::kBackwardAllowed);
  }
};
static_assert(sizeof(EdgeRecord) == 40 && std::is_trivially_copyable_v<EdgeRecord>);

// One entry of a node's adjacency list: an incident edge and which way it leaves the node.
struct AdjacentEdge {
  uint32_t value = 0;  // edge << 1 | reversed
  [[nodiscard]] uint32_t edge() const { return value >> 1; }
  // false: the node is the edge's from_node (leaving forward); true: its to_node (leaving backward).
  [[nodiscard]] bool reversed() const { return (value & 1u) != 0; }
};
static_assert(sizeof(AdjacentEdge) == 4);

// A stop sign: traffic on `edge` travelling towards `node` (one of the edge's ends) must stop
// at `node`. A sign that applies to several approaches is stored once per approach.
struct StopSign {
  uint32_t edge = 0;
  uint32_t node = 0;
  int64_t osm_node_id = 0;
};
static_assert(sizeof(StopSign) == 16);

enum class RestrictionKind : uint8_t { no = 0, only = 1 };

// A turn restriction from `from_edge` through `via_node` into `to_edge`. `no`: that turn is
// forbidden. `only`: from `from_edge` at `via_node`, every turn except into `to_edge` is forbidden.
struct TurnRestriction {
  uint32_t from_edge = 0;
  uint32_t via_node = 0;
  uint32_t to_edge = 0;
  RestrictionKind kind = RestrictionKind::no;
  uint8_t reserved[3] = {0, 0, 0};
  int64_t osm_relation_id = 0;
};
static_assert(sizeof(TurnRestriction) == 24);

// A turn restriction through one or more via ways: arriving on `from_edge`, driving the via
// edges (MapView::via_edges) in order, then into `to_edge`. `no`: that sequence is forbidden.
// `only`: after from_edge and the via edges, every exit except `to_edge` is forbidden.
struct ViaWayRestriction {
  uint32_t from_edge = 0;
  uint32_t to_edge = 0;
  uint32_t via_begin = 0;  // first entry in the map's via-edge list
  uint32_t via_count = 0;  // number of via edges, at least 1
  RestrictionKind kind = RestrictionKind::no;
  uint8_t reserved[7] = {0, 0, 0, 0, 0, 0, 0};
  int64_t osm_relation_id = 0;
};
static_assert(sizeof(ViaWayRestriction) == 32);

// One straight piece of an edge's shape: points `segment` and `segment + 1` of edge_shape(edge).
struct SegmentRef {
  uint32_t edge = 0;
  uint32_t segment = 0;
  friend bool operator==(const SegmentRef&, const SegmentRef&) = default;
};

struct BoundingBox {
  Coord min{};
  Coord max{};
};

}  // namespace drivelog::map
