// The on-disk layout of a map file (docs/MAP_FORMAT.md): a fixed header with a section table,
// then 64-byte-aligned sections that readers use straight from mmap. Shared by writer and reader.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>

#include "map/checksum.hpp"
#include "map/map_types.hpp"

namespace drivelog::map::format {

inline constexpr std::array<char, 8> kMagic = {'D', 'R', 'V', 'L', 'M', 'A', 'P', '\0'};
// Bump whenever the meaning or layout of any byte changes; readers refuse other versions.
inline constexpr uint32_t kFormatVersion = 10;
inline constexpr uint64_t kSectionAlignment = 64;
inline constexpr uint32_t kMaxSections = 23;
inline constexpr std::size_t kSourceBytes = 256;

// Header flags.
inline constexpr uint32_t kFlagHilbertOrdered = 1u << 0;  // nodes and edges sorted along a Hilbert curve

// Section ids; the section table lists each exactly once, in this order.
enum class SectionId : uint32_t {
  nodes = 1,             // Coord[node_count]
  node_osm_ids,          // int64[node_count]
  adjacency_offsets,     // uint32[node_count + 1], CSR offsets into adjacency
  adjacency,             // AdjacentEdge[2 * edge_count]
  edges,                 // EdgeRecord[edge_count]
  shape_offsets,         // uint32[edge_count + 1], CSR offsets into shape_points
  shape_points,          // Coord[shape_point_count]
  stop_signs,            // StopSign[stop_sign_count], sorted by edge
  restrictions,          // TurnRestriction[restriction_count], sorted by from_edge, via_node, to_edge
  grid_cells,            // uint32[cell slots + 1], CSR offsets into grid_segments, cells in 16x16 tiles
  grid_segments,         // SegmentRef[grid_segment_count], grouped by cell
  strings,               // NUL-terminated UTF-8 strings; offset 0 is the empty string
  via_way_restrictions,  // ViaWayRestriction[via_way_restriction_count], sorted by from_edge
  via_edges,             // uint32[via_edge_count]: the via edges of via_way_restrictions, in driving order
  signal_nodes,          // uint32[signal_count]: graph nodes with traffic signals, ascending
  regions,               // RegionRecord[region_count]
  speed_rules,           // SpeedRule[speed_rule_count]
  time_zones,            // TimeZoneRecord[time_zone_count]
  utc_offsets,           // UtcOffsetTransition[utc_offset_count], grouped by zone, ascending time
  time_zone_cells,       // uint16[time_zone_grid.rows * time_zone_grid.cols], row-major: zone of each cell
  conditionals,          // ConditionalRestriction[conditional_count], sorted by edge, precedence
  turn_conditionals,     // TurnConditional[turn_conditional_count], sorted by relation, precedence
  advisory_speeds,       // AdvisorySpeed[advisory_speed_count], sorted by edge
};
inline constexpr uint32_t kSectionCount = 23;

struct SectionEntry {
  uint32_t id = 0;       // SectionId
  uint32_t crc32 = 0;    // zlib crc32 of the section's bytes (checked by verify, not by open)
  uint64_t offset = 0;   // from the start of the file, a multiple of kSectionAlignment
  uint64_t size = 0;     // bytes, without padding
};
static_assert(sizeof(SectionEntry) == 24);

// A uniform grid in degrees over the map's bounding box; cells are near-square in metres.
struct GridGeometry {
  int32_t origin_lat_e7 = 0;  // south-west corner of cell (0, 0)
  int32_t origin_lon_e7 = 0;
  int32_t cell_lat_e7 = 1;    // cell height, 1e-7 degree
  int32_t cell_lon_e7 = 1;    // cell width, 1e-7 degree
  uint32_t rows = 1;
  uint32_t cols = 1;
};
static_assert(sizeof(GridGeometry) == 24);

struct FileHeader {
  std::array<char, 8> magic = kMagic;
  uint32_t format_version = kFormatVersion;
  uint32_t header_size = 0;          // sizeof(FileHeader)
  uint64_t file_size = 0;            // the whole file; a shorter file is truncated
  uint32_t flags = 0;
  uint32_t section_count = 0;
  uint64_t node_count = 0;
  uint64_t edge_count = 0;
  uint64_t shape_point_count = 0;
  uint64_t stop_sign_count = 0;
  uint64_t restriction_count = 0;
  uint64_t grid_segment_count = 0;
  uint64_t oneway_edges = 0;
  uint64_t speed_limited_edges = 0;  // a known limit from a tag (explicit or implicit zone), not a country default
  BoundingBox bbox{};
  GridGeometry grid{};
  std::array<char, kSourceBytes> source{};  // NUL-padded UTF-8
  uint64_t via_way_restriction_count = 0;
  uint64_t via_edge_count = 0;
  uint64_t signal_count = 0;
  uint32_t region_count = 0;
  uint32_t speed_rule_count = 0;
  uint32_t time_zone_count = 0;
  uint32_t utc_offset_count = 0;
  GridGeometry time_zone_grid{};     // cells over which time_zone_cells gives the zone
  uint32_t legal_data = 0;           // string: which reference data decided the legal limits
  uint32_t time_zone_source = 0;     // string: where the time zones came from
  uint32_t legal_summary = 0;        // string: JSON {"limit_sources": {...}, "regions": {...}} (edge directions, edges)
  uint32_t conditional_count = 0;   // ConditionalRestriction records
  std::array<SectionEntry, kMaxSections> sections{};
  uint32_t turn_conditional_count = 0;  // TurnConditional records
  uint32_t conditional_summary = 0;     // string: JSON {"stored": {key: ways}, "not_understood": {key: ways}}
  uint32_t advisory_speed_count = 0;    // AdvisorySpeed records (edges with an advisory speed)
  uint32_t advisory_speed_ways = 0;     // kept ways with an advisory speed, for map info
  std::array<uint8_t, 44> reserved{};
  uint32_t header_crc32 = 0;         // crc32 of this header with this field set to 0
};
static_assert(sizeof(FileHeader) == 1088 && std::is_trivially_copyable_v<FileHeader>);
static_assert(offsetof(FileHeader, format_version) == 8, "the version must stay where old readers look");
static_assert(offsetof(FileHeader, sections) == 472 && offsetof(FileHeader, turn_conditional_count) == 1024 &&
              offsetof(FileHeader, advisory_speed_count) == 1032 && offsetof(FileHeader, header_crc32) == 1084);

inline constexpr uint64_t align_up(uint64_t value) {
  return (value + kSectionAlignment - 1) / kSectionAlignment * kSectionAlignment;
}

// The header's own checksum: crc32 of its bytes with header_crc32 taken as 0.
inline uint32_t header_checksum(FileHeader header) {
  header.header_crc32 = 0;
  return crc32_update(0, std::as_bytes(std::span(&header, 1)));
}

}  // namespace drivelog::map::format
