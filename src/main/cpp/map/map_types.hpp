// Plain value types of the reference map, shared by the on-disk format, the builder and readers.
// Every struct here that is stored in the file is trivially copyable with a fixed layout.
#pragma once

#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace drivelog::map {

// std::lround (halves away from zero), inline: libm's is a call, and the candidate search turns
// every fix into a Coord (two calls, about 55 instructions). Exact: below 2^52 the part after
// truncation is exactly representable; anything else (NaN, huge) goes to the library.
inline long round_half_away(double x) {
  if (!(std::fabs(x) < 0x1p52)) return std::lround(x);
  long r = static_cast<long>(x);  // toward zero
  const double rest = x - static_cast<double>(r);
  if (rest >= 0.5) {
    ++r;
  } else if (rest <= -0.5) {
    --r;
  }
  return r;
}

// A position at OpenStreetMap precision: 1e-7 degree, about 1.1 cm.
struct Coord {
  int32_t lat_e7 = 0;
  int32_t lon_e7 = 0;

  [[nodiscard]] double lat() const { return lat_e7 * 1e-7; }
  [[nodiscard]] double lon() const { return lon_e7 * 1e-7; }
  static Coord from_degrees(double lat_deg, double lon_deg) {
    return Coord{static_cast<int32_t>(round_half_away(lat_deg * 1e7)), static_cast<int32_t>(round_half_away(lon_deg * 1e7))};
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
// Closed only by a conditional restriction, at some times (kClosed is set too, for the matcher):
// where none of the edge's records decides, the plain tags leave it open.
inline constexpr uint16_t kClosedAtTimes = 1u << 11;
}  // namespace edge_flags

// What a road is used for within its class, where OSM says (`service=*`): the matcher prices minor
// uses as priors (a fix between a street and a car-park aisle belongs to the street unless the
// evidence says otherwise).
enum class RoadUse : uint8_t { general = 0, parking_aisle, driveway, alley, drive_through };

// Where a speed limit came from, so results can say how sure they are. Limits from the last three
// are the car limit of a speed rule (SpeedRule), chosen by date where the law changed.
enum class SpeedSource : uint8_t {
  none = 0,                // no limit known
  explicit_tag,            // `maxspeed=50`, `none`, `walk`, a numeric zone (`DE:zone30`)
  implicit_zone,           // a named zone (`maxspeed=DE:urban`, `maxspeed:type=JP:rural`) read with the legal defaults
  legal_default,           // the legal default of the road type the way's tags define
  legal_default_inferred,  // the same, but the road type was inferred (e.g. urban from highway=residential)
  conditional,             // `maxspeed:conditional` in force at the time (never stored on an edge: the engine's)
};
inline constexpr bool is_rule_based(SpeedSource s) {
  return s == SpeedSource::implicit_zone || s == SpeedSource::legal_default || s == SpeedSource::legal_default_inferred;
}
// The source as results and reports name it.
inline constexpr const char* speed_source_label(SpeedSource s) {
  switch (s) {
    case SpeedSource::explicit_tag: return "tag";
    case SpeedSource::implicit_zone: return "zone";
    case SpeedSource::legal_default: return "legal default";
    case SpeedSource::legal_default_inferred: return "legal default (inferred)";
    case SpeedSource::conditional: return "conditional";
    case SpeedSource::none: break;
  }
  return "none";
}
inline constexpr uint32_t kNoSpeedRule = 0xFFFFFFFFu;
inline constexpr uint16_t kNoRegion = 0xFFFFu;

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
  uint8_t speed_sources = 0;               // SpeedSource of the forward limit (bits 0-3) and the backward one (4-7)
  int8_t layer = 0;                        // OSM `layer` (-5..5); a bridge without one is 1, a tunnel -1
  RoadUse use = RoadUse::general;
  uint16_t region = kNoRegion;             // index into the map's regions (country / subdivision)
  uint32_t speed_rule = kNoSpeedRule;      // first SpeedRule of this edge's chain, for rule-based limits

  [[nodiscard]] bool has(uint16_t flag) const { return (flags & flag) != 0; }
  [[nodiscard]] SpeedSource source(bool forward) const {
    return static_cast<SpeedSource>(forward ? (speed_sources & 0x0Fu) : (speed_sources >> 4));
  }
  void set_sources(SpeedSource forward, SpeedSource backward) {
    speed_sources = static_cast<uint8_t>(static_cast<uint8_t>(forward) | (static_cast<uint8_t>(backward) << 4));
  }
  [[nodiscard]] uint16_t maxspeed(bool forward) const { return forward ? maxspeed_forward : maxspeed_backward; }
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

// The vehicle classes the legal defaults and conditional restrictions distinguish (the dataset's
// maxspeed:hgv, :bus, :motorcycle; access keys motorcar, hgv, bus, motorcycle).
enum class VehicleClass : uint8_t { car = 0, hgv, bus, motorcycle, count };
inline constexpr uint8_t vehicle_bit(VehicleClass c) { return static_cast<uint8_t>(1u << static_cast<unsigned>(c)); }
inline constexpr uint8_t kAllVehicles = (1u << static_cast<unsigned>(VehicleClass::count)) - 1;
namespace vehicle_bits {
inline constexpr uint8_t kCar = vehicle_bit(VehicleClass::car);
inline constexpr uint8_t kHgv = vehicle_bit(VehicleClass::hgv);
inline constexpr uint8_t kBus = vehicle_bit(VehicleClass::bus);
inline constexpr uint8_t kMotorcycle = vehicle_bit(VehicleClass::motorcycle);
}  // namespace vehicle_bits

// TurnRestriction flags.
namespace restriction_flags {
// Time-dependent: the relation's `restriction[:CLASS]:conditional` (TurnConditional records)
// decides while one of its rules holds; `kind` is what the matcher prices (docs/CONDITIONAL.md).
inline constexpr uint8_t kConditional = 1u << 0;
// No plain restriction behind the conditional one: outside its rules' times the turn is free.
inline constexpr uint8_t kOnlyConditional = 1u << 1;
}  // namespace restriction_flags

// A turn restriction from `from_edge` through `via_node` into `to_edge`. `no`: that turn is
// forbidden. `only`: from `from_edge` at `via_node`, every turn except into `to_edge` is forbidden.
struct TurnRestriction {
  uint32_t from_edge = 0;
  uint32_t via_node = 0;
  uint32_t to_edge = 0;
  RestrictionKind kind = RestrictionKind::no;
  uint8_t flags = 0;  // restriction_flags
  uint8_t vehicles = kAllVehicles;  // vehicle_bit()s of the classes it binds
  uint8_t reserved = 0;
  int64_t osm_relation_id = 0;

  [[nodiscard]] bool has(uint8_t flag) const { return (flags & flag) != 0; }
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
  uint8_t flags = 0;                // restriction_flags, as TurnRestriction's
  uint8_t vehicles = kAllVehicles;  // as TurnRestriction's
  uint8_t reserved[5] = {0, 0, 0, 0, 0};
  int64_t osm_relation_id = 0;
};
static_assert(sizeof(ViaWayRestriction) == 32);

// One straight piece of an edge's shape: points `segment` and `segment + 1` of edge_shape(edge).
struct SegmentRef {
  uint32_t edge = 0;
  uint32_t segment = 0;
  friend bool operator==(const SegmentRef&, const SegmentRef&) = default;
};

// A legal speed rule: what the law gives a road of some type in some region, possibly only between
// two dates (local calendar days since 1970-01-01). Edges share rules; an edge's rules form a chain
// through `next`, the base rule first, and the last one whose dates contain a day is in force. 32 bytes.
struct SpeedRule {
  uint32_t name = 0;         // string: the dataset entry or overlay rule, e.g. "JP: motorway"
  uint32_t tags = 0;         // string: the dataset's tags for this road, "key=value" lines (class and conditional limits)
  int32_t from_day = INT32_MIN;   // first local day in force
  int32_t until_day = INT32_MAX;  // first local day no longer in force
  uint16_t limits[static_cast<std::size_t>(VehicleClass::count)] = {};  // tenths of km/h; car 0 = unknown, others 0 = as car
  SpeedSource source = SpeedSource::legal_default;  // how a limit from this rule is reported
  uint8_t certitude = 0;     // the dataset's: 0 exact, 1 from maxspeed, 2 fuzzy, 3 fallback, 4 overlay
  uint16_t reserved = 0;
  uint32_t next = kNoSpeedRule;

  [[nodiscard]] bool in_force(int32_t day) const { return day >= from_day && day < until_day; }
};
static_assert(sizeof(SpeedRule) == 32 && std::is_trivially_copyable_v<SpeedRule>);

// A country or subdivision that edges lie in ("JP", "US-PA"), and whose legal rules applied.
struct RegionRecord {
  uint32_t code = 0;        // string: ISO 3166 id of the smallest area containing the edge, "" if none (sea)
  uint32_t rules_code = 0;  // string: the dataset entry whose rules apply ("US-PA", or "FR" for "FR-75"), "" if none
};
static_assert(sizeof(RegionRecord) == 8);

// A time zone of the map's area and where its offsets from UTC are (MapView::utc_offsets).
struct TimeZoneRecord {
  uint32_t name = 0;               // string: IANA id, e.g. "Asia/Tokyo"
  uint32_t first_transition = 0;   // index into utc_offsets
  uint32_t transition_count = 0;   // at least 1: the first holds from the beginning of time
  uint32_t reserved = 0;
};
static_assert(sizeof(TimeZoneRecord) == 16);

// From `utc_seconds` on (until the zone's next transition), local time is UTC + offset_seconds.
struct UtcOffsetTransition {
  int64_t utc_seconds = 0;
  int32_t offset_seconds = 0;
  int32_t reserved = 0;
};
static_assert(sizeof(UtcOffsetTransition) == 16);

struct BoundingBox {
  Coord min{};
  Coord max{};
};

// A conditional restriction of an edge (`motor_vehicle:conditional=no @ (15:00-05:00)`), checked
// and normalised at build time: `rules` is the value with each rule's value replaced by what it
// means for the kind (access: `closed` / `open`; oneway: `forward` / `backward` / `both`), so the
// engine reads no OSM access values. Records are sorted by edge, then precedence. A plain per-class
// key that differs from the car's plain tags is a record too (plain(), precedence kPlainPrecedence).
// maxspeed: the limit in km/h (`30`, `48.3`), `none` (no limit) or `unknown` (signals, variable).
enum class ConditionalKind : uint8_t { access = 0, oneway = 1, maxspeed = 2 };
// Which travel direction of the edge a record binds (`*:forward:conditional`, the way's direction).
enum class ConditionalDirection : uint8_t { both = 0, forward = 1, backward = 2 };
struct ConditionalRestriction {
  uint32_t edge = 0;
  uint32_t key = 0;    // string: the tag's key as written (`motor_vehicle:conditional`)
  uint32_t value = 0;  // string: the tag's value as written, for evidence
  uint32_t rules = 0;  // string: the normalised value (legal/conditional.hpp syntax)
  ConditionalKind kind = ConditionalKind::access;
  uint8_t precedence = 0;  // 0 = the most specific key (motorcar) ... the first that holds decides
  ConditionalDirection direction = ConditionalDirection::both;
  uint8_t vehicles = kAllVehicles;  // vehicle_bit()s of the classes the record binds

  // A plain per-class key (`hgv=no`, `maxspeed:hgv=60`) where it gives a class another rule than
  // the car's plain tags on the edge: stored as a record whose one rule always holds
  // (`closed @ (24/7)`), tried after every conditional record (docs/CONDITIONAL.md).
  [[nodiscard]] bool plain() const { return precedence == kPlainPrecedence; }
  static constexpr uint8_t kPlainPrecedence = 0xFF;

  [[nodiscard]] bool binds(bool forward, uint8_t vehicle) const {
    return (vehicles & vehicle) != 0 && (direction == ConditionalDirection::both ||
                                         (direction == ConditionalDirection::forward) == forward);
  }
};
static_assert(sizeof(ConditionalRestriction) == 20 && std::is_trivially_copyable_v<ConditionalRestriction>);

// The conditional value of a turn restriction relation (`restriction:conditional=no_left_turn @
// (Mo-Fr 07:00-09:00)`), for every TurnRestriction of the relation flagged kConditional. `rules`
// is normalised: each rule's value is `no`, `only` or `none` (no restriction while it holds).
// Records are sorted by relation, then precedence (the first with a rule in force decides).
struct TurnConditional {
  int64_t osm_relation_id = 0;
  uint32_t key = 0;    // string: `restriction:conditional`, `restriction:hgv:conditional`
  uint32_t value = 0;  // string: as tagged
  uint32_t rules = 0;  // string: normalised
  uint8_t vehicles = kAllVehicles;  // vehicle_bit()s of the classes it binds (after `except`)
  uint8_t precedence = 0;           // 0 = a class's own key, 1 = restriction:conditional
  uint16_t reserved = 0;
};
static_assert(sizeof(TurnConditional) == 24 && std::is_trivially_copyable_v<TurnConditional>);

// The advisory speed of an edge (`maxspeed:advisory[:forward|:backward]`): a posted speed that is
// not a legal limit, typically before a curve or on a ramp. Only edges with one are stored, sorted
// by edge. Tenths of km/h per direction; kSpeedUnknown where that direction has none.
struct AdvisorySpeed {
  uint32_t edge = 0;
  uint16_t forward = kSpeedUnknown;
  uint16_t backward = kSpeedUnknown;

  [[nodiscard]] uint16_t speed(bool forward_direction) const { return forward_direction ? forward : backward; }
};
static_assert(sizeof(AdvisorySpeed) == 8 && std::is_trivially_copyable_v<AdvisorySpeed>);

}  // namespace drivelog::map
