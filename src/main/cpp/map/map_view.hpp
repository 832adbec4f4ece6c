// Read-only access to a map file, used straight from mmap: opening is O(1) in the file size.
// A MapView is immutable after open and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "map/map_types.hpp"

namespace drivelog::map {

namespace format {
enum class SectionId : uint32_t;
}
class NearSpanCache;
struct CellRange;

// Why a map file was refused; `what()` names the file and says what to do.
class MapError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Header facts and counts, as `drivelog map info` prints them.
struct MapInfo {
  uint32_t format_version = 0;
  uint64_t nodes = 0;
  uint64_t edges = 0;
  uint64_t oneway_edges = 0;
  uint64_t speed_limited_edges = 0;
  uint64_t stop_signs = 0;
  uint64_t turn_restrictions = 0;      // via-node restriction records
  uint64_t via_way_restrictions = 0;  // via-way restriction records
  uint64_t signals = 0;               // traffic-signal nodes
  BoundingBox bbox{};
  uint64_t bytes = 0;
  std::string source;  // what the map was built from (file name, or "synth seed=N scale=...")
  uint64_t shape_points = 0;
  uint64_t grid_segments = 0;       // segment references in the spatial grid
  uint32_t grid_rows = 0;
  uint32_t grid_cols = 0;
  double grid_cell_m = 0;           // approximate cell side in metres
  bool hilbert_ordered = false;     // nodes and edges sorted along a Hilbert curve (else input order)
  // crc32 of each section, in section-table order: with the counts above, a fingerprint of the
  // content that does not depend on the file's name, path or modification time.
  std::vector<uint32_t> section_crc32;
  uint32_t regions = 0;           // countries / subdivisions the edges lie in
  uint32_t speed_rules = 0;       // legal speed rules (dataset entries and date-effective overlays)
  uint32_t time_zones = 0;
  uint32_t conditionals = 0;      // conditional restriction records (per edge and tag)
  uint32_t turn_conditionals = 0; // conditional values of turn restriction relations
  uint32_t advisory_speed_edges = 0;  // edges with an advisory speed (maxspeed:advisory)
  uint32_t advisory_speed_ways = 0;   // the OSM ways they came from
  std::string legal_data;         // which reference data decided the legal limits
  std::string time_zone_source;   // where the time zones came from
  std::string legal_summary;      // JSON: edge directions per limit source, edges per region
  std::string conditional_summary;  // JSON: {"stored": {key: ways}, "not_understood": {key: ways}}
};

// The limit of one direction of an edge on one local day, and where it came from.
struct LimitInForce {
  uint16_t tenths_kmh = kSpeedUnknown;
  SpeedSource source = SpeedSource::none;
  uint32_t rule = kNoSpeedRule;  // the SpeedRule that gave it, for rule-based limits
};

class MapView {
 public:
  // Maps the file and checks the header (magic, version, section table, header checksum, sizes).
  // Throws MapError for a missing, truncated, corrupted or wrong-version file.
  static MapView open(const std::string& path);

  MapView(MapView&&) noexcept;
  MapView& operator=(MapView&&) noexcept;
  MapView(const MapView&) = delete;
  MapView& operator=(const MapView&) = delete;
  ~MapView();

  // Reads the whole file: every section's checksum against the header's and the zero padding
  // between sections; throws MapError naming the file on any mismatch.
  void verify() const;

  // Accessors below throw std::out_of_range for a node or edge id outside the map, and MapError
  // if an index they read points outside its section (a damaged file that verify() would reject).
  [[nodiscard]] const MapInfo& info() const;
  [[nodiscard]] uint32_t node_count() const;
  [[nodiscard]] uint32_t edge_count() const;

  // The accessors the matcher calls per candidate and per settled node are defined inline below
  // (the checks stay; only the call goes).
  [[nodiscard]] Coord node_coord(uint32_t node) const;
  // All node positions, indexed by node.
  [[nodiscard]] std::span<const Coord> node_coords() const;
  [[nodiscard]] int64_t node_osm_id(uint32_t node) const;
  [[nodiscard]] std::span<const AdjacentEdge> adjacent(uint32_t node) const;

  [[nodiscard]] const EdgeRecord& edge(uint32_t edge) const;
  // The edge's geometry from from_node to to_node, both ends included (at least 2 points).
  [[nodiscard]] std::span<const Coord> edge_shape(uint32_t edge) const;
  [[nodiscard]] std::string_view edge_name(uint32_t edge) const;

  // Stop signs on approaches along `edge` (at either end); usually empty.
  [[nodiscard]] std::span<const StopSign> stop_signs_on(uint32_t edge) const;
  // Conditional restrictions of `edge`, most specific key first; usually empty.
  [[nodiscard]] std::span<const ConditionalRestriction> conditionals_on(uint32_t edge) const;
  // The conditional values of a turn restriction relation (TurnRestriction flag kConditional),
  // most specific key first; usually empty.
  [[nodiscard]] std::span<const TurnConditional> turn_conditionals_of(int64_t osm_relation_id) const;
  // The advisory speed of `edge` in that direction (tenths of km/h), kSpeedUnknown if none.
  [[nodiscard]] uint16_t advisory_speed(uint32_t edge, bool forward) const;
  // Whether `node` carries traffic signals.
  [[nodiscard]] bool has_signal(uint32_t node) const;
  // Turn restrictions whose from_edge is `edge`; usually empty.
  [[nodiscard]] std::span<const TurnRestriction> restrictions_from(uint32_t edge) const;
  // Via-way restrictions whose from_edge is `edge`; usually empty.
  [[nodiscard]] std::span<const ViaWayRestriction> via_way_restrictions_from(uint32_t edge) const;
  // The via edges of `restriction` (one of this map's), in driving order.
  [[nodiscard]] std::span<const uint32_t> via_edges(const ViaWayRestriction& restriction) const;

  // A string of the map's string table by offset (rule names, region codes).
  [[nodiscard]] std::string_view string_at(uint32_t offset) const;
  // Regions (countries, subdivisions) by index, as EdgeRecord::region names them.
  [[nodiscard]] std::span<const RegionRecord> regions() const;
  [[nodiscard]] const SpeedRule& speed_rule(uint32_t rule) const;
  // The car limit of the edge in that direction on `local_day` (days since 1970-01-01 in the
  // edge's local time): a tagged limit as stored, a rule-based one from the rule in force that day.
  [[nodiscard]] LimitInForce limit_in_force(uint32_t edge, bool forward, int32_t local_day) const;
  // The last rule of the edge's chain in force on `local_day`, also for a tagged edge (its rule
  // holds the class limits and conditional limits of the law there); kNoSpeedRule if none.
  [[nodiscard]] uint32_t rule_in_force(uint32_t edge, int32_t local_day) const;

  // Time zones of the map's area (every map has at least one; "UTC" when built without zones).
  [[nodiscard]] std::span<const TimeZoneRecord> time_zones() const;
  // The zone of a position (the nearest cell of the zone grid for positions outside the map's area).
  [[nodiscard]] uint16_t time_zone_at(Coord position) const;
  // Local time minus UTC, in seconds, at `utc_seconds` in `zone`.
  [[nodiscard]] int32_t utc_offset_seconds(uint16_t zone, double utc_seconds) const;
  // utc_offset_seconds() with the UTC instants between which it holds: from `from_utc` (the
  // transition at or before the instant; -infinity for the first) up to but excluding `until_utc`
  // (the next transition; +infinity after the last). For a cache that must be right across a
  // daylight saving change.
  struct UtcOffsetSpan {
    int32_t offset_seconds = 0;
    double from_utc = 0;
    double until_utc = 0;
  };
  [[nodiscard]] UtcOffsetSpan utc_offset_span(uint16_t zone, double utc_seconds) const;

  // Appends to `out` every edge segment whose grid cell lies within `radius_m` of `point`.
  // A superset: callers measure the exact distance. May contain a segment more than once.
  void segments_near(Coord point, double radius_m, std::vector<SegmentRef>& out) const;

  // A stretch of the grid's segment lists (one run of adjacent cells), by index.
  struct SegmentRun {
    uint32_t begin = 0, end = 0;
    bool operator==(const SegmentRun&) const = default;
  };
  // The stretches whose concatenation is what segments_near() appends, in the same order: a caller
  // can tell that two points see the same segments by comparing a few runs, and copies nothing.
  // `cache` (one per thread) spares most lookups along a drive a cosine; the answer is the same.
  void segment_runs_near(Coord point, double radius_m, std::vector<SegmentRun>& out, NearSpanCache& cache) const;
  // The same in two steps: the grid cells it reads (`empty`: none), then their runs. Points in the
  // same cells have the same runs, so a caller that keeps them needs only the first step.
  [[nodiscard]] CellRange cells_around(Coord point, double radius_m, NearSpanCache& cache, bool& empty) const;
  void segment_runs_of(const CellRange& cells, std::vector<SegmentRun>& out) const;
  // The segments of one run (throws MapError for a run outside the grid's lists).
  [[nodiscard]] std::span<const SegmentRef> segments_of(SegmentRun run) const;

  // The first byte of the mapping, for diagnostics (the page-touch benchmark counts distinct 4 KiB
  // pages as offsets from here); info().bytes long.
  [[nodiscard]] const void* data() const;
  // Diagnostics: appends the memory ranges that segments_near(point, radius_m) reads (grid cell
  // offsets and the cells' segment lists).
  void segments_near_ranges(Coord point, double radius_m, std::vector<std::span<const std::byte>>& out) const;

  // Diagnostics: the raw bytes of one section (map_format.hpp), e.g. to count the pages a lookup reads.
  [[nodiscard]] std::span<const std::byte> section_bytes(format::SectionId id) const;

  // The file this view maps.
  [[nodiscard]] const std::string& path() const;
  // Throws the MapError for damage a reader of this map found itself (records that contradict each
  // other), naming the file and what to do; `what` says where, e.g. "adjacency of node 12".
  [[noreturn]] void damaged(const std::string& what) const;
  // Unmaps the file now and reports failure (MapError); the destructor does the same quietly.
  // The view must not be used afterwards.
  void close();

 private:
  struct Impl;
  // The sections the inline accessors read: spans into the mapping (which a move does not move).
  struct HotSections {
    std::span<const Coord> nodes;
    std::span<const uint32_t> adjacency_offsets;
    std::span<const AdjacentEdge> adjacency;
    std::span<const EdgeRecord> edges;
    std::span<const uint32_t> shape_offsets;
    std::span<const Coord> shape_points;
    std::span<const SegmentRef> grid_segments;
  };

  explicit MapView(std::unique_ptr<Impl> impl);
  // The failures of the inline accessors, out of line and cold.
  [[noreturn]] static void node_out_of_range(uint32_t node);
  [[noreturn]] static void edge_out_of_range(uint32_t edge);
  [[noreturn]] void damaged_adjacency(uint32_t node) const;
  [[noreturn]] void damaged_shape(uint32_t edge) const;
  [[noreturn]] void damaged_run(SegmentRun run) const;

  std::unique_ptr<Impl> impl_;
  HotSections hot_;
};

inline Coord MapView::node_coord(uint32_t node) const {
  if (node >= hot_.nodes.size()) [[unlikely]] node_out_of_range(node);
  return hot_.nodes[node];
}

inline std::span<const Coord> MapView::node_coords() const { return hot_.nodes; }

inline std::span<const AdjacentEdge> MapView::adjacent(uint32_t node) const {
  if (node >= hot_.nodes.size()) [[unlikely]] node_out_of_range(node);
  // The index entries come from the file: checked here, not when it was opened (that reads only the header).
  const uint32_t begin = hot_.adjacency_offsets[node], end = hot_.adjacency_offsets[node + 1];
  if (begin > end || end > hot_.adjacency.size()) [[unlikely]] damaged_adjacency(node);
  return hot_.adjacency.subspan(begin, end - begin);
}

inline const EdgeRecord& MapView::edge(uint32_t edge) const {
  if (edge >= hot_.edges.size()) [[unlikely]] edge_out_of_range(edge);
  return hot_.edges[edge];
}

inline std::span<const Coord> MapView::edge_shape(uint32_t edge) const {
  if (edge >= hot_.edges.size()) [[unlikely]] edge_out_of_range(edge);
  const uint32_t begin = hot_.shape_offsets[edge], end = hot_.shape_offsets[edge + 1];
  if (begin > end || end - begin < 2 || end > hot_.shape_points.size()) [[unlikely]] damaged_shape(edge);
  return hot_.shape_points.subspan(begin, end - begin);
}

// Inline: the candidate search asks for a run's segments at every change of cells (a call with
// its range check cost 31 instructions a run on the grid city).
inline std::span<const SegmentRef> MapView::segments_of(SegmentRun run) const {
  if (run.begin > run.end || run.end > hot_.grid_segments.size()) [[unlikely]] damaged_run(run);
  return hot_.grid_segments.subspan(run.begin, run.end - run.begin);
}

}  // namespace drivelog::map
