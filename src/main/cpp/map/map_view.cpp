#include "map/map_view.hpp"

#include <algorithm>
#include <cstring>
#include <atomic>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "map/checksum.hpp"
#include "map/edge_run_index.hpp"
#include "map/geo.hpp"
#include "map/map_format.hpp"
#include "map/mapped_file.hpp"
#include "map/spatial_grid.hpp"

namespace drivelog::map {
namespace {

constexpr const char* kRebuild = "rebuild it with: drivelog map build --osm FILE --out MAP";

template <typename T>
std::span<const T> typed(std::span<const std::byte> bytes) {
  return {reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)};
}

}  // namespace

struct MapView::Impl {
  MappedFile file;
  format::FileHeader header{};  // a copy: the header is read once and checked
  MapInfo info;
  std::once_flag info_strings;  // info()'s strings, read on first use: opening reads the header only
  std::span<const Coord> nodes;
  std::span<const int64_t> node_osm_ids;
  std::span<const uint32_t> adjacency_offsets;
  std::span<const AdjacentEdge> adjacency;
  std::span<const EdgeRecord> edges;
  std::span<const uint32_t> shape_offsets;
  std::span<const Coord> shape_points;
  std::span<const StopSign> stop_signs;
  std::span<const TurnRestriction> restrictions;
  std::span<const uint32_t> grid_cells;
  std::span<const SegmentRef> grid_segments;
  std::span<const char> strings;
  std::span<const ViaWayRestriction> via_way_restrictions;
  std::span<const uint32_t> via_edges;
  std::span<const uint32_t> signal_nodes;
  std::span<const RegionRecord> regions;
  std::span<const SpeedRule> speed_rules;
  std::span<const TimeZoneRecord> time_zones;
  std::span<const UtcOffsetTransition> utc_offsets;
  std::span<const uint16_t> time_zone_cells;
  std::span<const ConditionalRestriction> conditionals;
  std::span<const TurnConditional> turn_conditionals;
  std::span<const AdvisorySpeed> advisory_speeds;
  // Each edge's stop signs and turn restrictions, built on the first stop_signs_on() /
  // restrictions_from() call: the matcher asks for every transition that leaves an edge, and a
  // search over the stop signs was 3 % of a trip's analysis on a city grid.
  LazyEdgeRunIndex stop_runs;
  LazyEdgeRunIndex restriction_runs;

  std::string_view string_at(uint32_t offset) const {
    if (offset >= strings.size()) damaged("string offset " + std::to_string(offset));
    const void* end = std::memchr(strings.data() + offset, '\0', strings.size() - offset);
    if (end == nullptr) damaged("string at " + std::to_string(offset) + " not terminated");
    return std::string_view(strings.data() + offset, static_cast<const char*>(end) - (strings.data() + offset));
  }

  [[noreturn]] void damaged(const std::string& what) const {
    throw MapError("map file " + file.path() + " is damaged (" + what + "): " + kRebuild);
  }

  std::span<const std::byte> section(format::SectionId id) const {
    const format::SectionEntry& s = header.sections[static_cast<uint32_t>(id) - 1];
    return file.bytes().subspan(s.offset, s.size);
  }

  void check_header();
  void bind_sections();
};

void MapView::Impl::check_header() {
  const auto bytes = file.bytes();
  const std::string& path = file.path();
  const std::size_t magic_bytes = std::min(bytes.size(), format::kMagic.size());
  if (std::memcmp(bytes.data(), format::kMagic.data(), magic_bytes) != 0) {
    throw MapError("file " + path + " is not a drivelog map (wrong magic bytes); build one with: drivelog map build --osm FILE --out MAP");
  }
  if (bytes.size() < offsetof(format::FileHeader, format_version) + sizeof(uint32_t)) {
    throw MapError("map file " + path + " is truncated (" + std::to_string(bytes.size()) + " bytes): " + kRebuild);
  }
  uint32_t version = 0;
  std::memcpy(&version, bytes.data() + offsetof(format::FileHeader, format_version), sizeof version);
  if (version != format::kFormatVersion) {
    throw MapError("map file " + path + " was built by format version " + std::to_string(version) +
                   ", this drivelog reads version " + std::to_string(format::kFormatVersion) + ": " + kRebuild);
  }
  if (bytes.size() < sizeof(format::FileHeader)) {
    throw MapError("map file " + path + " is truncated (" + std::to_string(bytes.size()) + " bytes, shorter than its header): " + kRebuild);
  }
  std::memcpy(&header, bytes.data(), sizeof header);
  if (header.header_size != sizeof(format::FileHeader)) damaged("header size " + std::to_string(header.header_size));
  if (format::header_checksum(header) != header.header_crc32) damaged("header checksum mismatch");
  if (header.file_size > bytes.size()) {
    throw MapError("map file " + path + " is truncated (" + std::to_string(bytes.size()) + " of " +
                   std::to_string(header.file_size) + " bytes): " + kRebuild);
  }
  if (header.file_size < bytes.size()) {
    damaged(std::to_string(bytes.size() - header.file_size) + " unexpected bytes after the end");
  }
  if (header.section_count != format::kSectionCount) damaged("section count " + std::to_string(header.section_count));
  if (header.node_count >= UINT32_MAX || header.edge_count >= (UINT32_MAX >> 1) || header.shape_point_count >= UINT32_MAX ||
      header.grid_segment_count >= UINT32_MAX) {
    damaged("counts out of range");
  }
  const uint64_t cells = cell_slots(header.grid);
  if (header.grid.rows == 0 || header.grid.cols == 0 || header.grid.cell_lat_e7 <= 0 || header.grid.cell_lon_e7 <= 0 ||
      cells >= UINT32_MAX) {
    damaged("grid geometry");
  }
  const uint64_t expected[format::kSectionCount] = {
      header.node_count * sizeof(Coord),
      header.node_count * sizeof(int64_t),
      (header.node_count + 1) * sizeof(uint32_t),
      2 * header.edge_count * sizeof(AdjacentEdge),
      header.edge_count * sizeof(EdgeRecord),
      (header.edge_count + 1) * sizeof(uint32_t),
      header.shape_point_count * sizeof(Coord),
      header.stop_sign_count * sizeof(StopSign),
      header.restriction_count * sizeof(TurnRestriction),
      (cells + 1) * sizeof(uint32_t),
      header.grid_segment_count * sizeof(SegmentRef),
      0,  // strings: any size of at least one byte
      header.via_way_restriction_count * sizeof(ViaWayRestriction),
      header.via_edge_count * sizeof(uint32_t),
      header.signal_count * sizeof(uint32_t),
      uint64_t{header.region_count} * sizeof(RegionRecord),
      uint64_t{header.speed_rule_count} * sizeof(SpeedRule),
      uint64_t{header.time_zone_count} * sizeof(TimeZoneRecord),
      uint64_t{header.utc_offset_count} * sizeof(UtcOffsetTransition),
      uint64_t{header.time_zone_grid.rows} * header.time_zone_grid.cols * sizeof(uint16_t),
      uint64_t{header.conditional_count} * sizeof(ConditionalRestriction),
      uint64_t{header.turn_conditional_count} * sizeof(TurnConditional),
      uint64_t{header.advisory_speed_count} * sizeof(AdvisorySpeed),
  };
  if (header.time_zone_count == 0 || header.time_zone_grid.rows == 0 || header.time_zone_grid.cols == 0 ||
      header.time_zone_grid.cell_lat_e7 <= 0 || header.time_zone_grid.cell_lon_e7 <= 0) {
    damaged("time zone grid");
  }
  for (uint32_t i = 0; i < format::kSectionCount; ++i) {
    const format::SectionEntry& s = header.sections[i];
    const std::string name = "section " + std::to_string(i + 1);
    if (s.id != i + 1) damaged(name + " has id " + std::to_string(s.id));
    if (s.offset % format::kSectionAlignment != 0 || s.offset < sizeof(format::FileHeader)) damaged(name + " misplaced");
    if (s.offset > header.file_size || s.size > header.file_size - s.offset) damaged(name + " extends past the end of the file");
    if (i + 1 == static_cast<uint32_t>(format::SectionId::strings) ? s.size == 0 : s.size != expected[i]) {
      damaged(name + " has " + std::to_string(s.size) + " bytes, expected " + std::to_string(expected[i]));
    }
  }
}

void MapView::Impl::bind_sections() {
  using format::SectionId;
  nodes = typed<Coord>(section(SectionId::nodes));
  node_osm_ids = typed<int64_t>(section(SectionId::node_osm_ids));
  adjacency_offsets = typed<uint32_t>(section(SectionId::adjacency_offsets));
  adjacency = typed<AdjacentEdge>(section(SectionId::adjacency));
  edges = typed<EdgeRecord>(section(SectionId::edges));
  shape_offsets = typed<uint32_t>(section(SectionId::shape_offsets));
  shape_points = typed<Coord>(section(SectionId::shape_points));
  stop_signs = typed<StopSign>(section(SectionId::stop_signs));
  restrictions = typed<TurnRestriction>(section(SectionId::restrictions));
  grid_cells = typed<uint32_t>(section(SectionId::grid_cells));
  grid_segments = typed<SegmentRef>(section(SectionId::grid_segments));
  strings = typed<char>(section(SectionId::strings));
  via_way_restrictions = typed<ViaWayRestriction>(section(SectionId::via_way_restrictions));
  via_edges = typed<uint32_t>(section(SectionId::via_edges));
  signal_nodes = typed<uint32_t>(section(SectionId::signal_nodes));
  regions = typed<RegionRecord>(section(SectionId::regions));
  speed_rules = typed<SpeedRule>(section(SectionId::speed_rules));
  time_zones = typed<TimeZoneRecord>(section(SectionId::time_zones));
  utc_offsets = typed<UtcOffsetTransition>(section(SectionId::utc_offsets));
  time_zone_cells = typed<uint16_t>(section(SectionId::time_zone_cells));
  conditionals = typed<ConditionalRestriction>(section(SectionId::conditionals));
  turn_conditionals = typed<TurnConditional>(section(SectionId::turn_conditionals));
  advisory_speeds = typed<AdvisorySpeed>(section(SectionId::advisory_speeds));
  // Nothing inside the sections is read here: opening touches only the header's page, which matters
  // when the file's pages arrive lazily (a cold Lambda image). Accessors check what they read.

  info.format_version = header.format_version;
  info.nodes = header.node_count;
  info.edges = header.edge_count;
  info.oneway_edges = header.oneway_edges;
  info.speed_limited_edges = header.speed_limited_edges;
  info.stop_signs = header.stop_sign_count;
  info.turn_restrictions = header.restriction_count;
  info.via_way_restrictions = header.via_way_restriction_count;
  info.signals = header.signal_count;
  info.bbox = header.bbox;
  info.bytes = header.file_size;
  info.source.assign(header.source.data(), strnlen(header.source.data(), header.source.size()));
  info.shape_points = header.shape_point_count;
  info.grid_segments = header.grid_segment_count;
  info.grid_rows = header.grid.rows;
  info.grid_cols = header.grid.cols;
  info.grid_cell_m = header.grid.cell_lat_e7 * 1e-7 * geo::kEarthRadiusMeters * geo::kDegToRad;
  info.hilbert_ordered = (header.flags & format::kFlagHilbertOrdered) != 0;
  info.section_crc32.clear();
  for (uint32_t i = 0; i < header.section_count; ++i) info.section_crc32.push_back(header.sections[i].crc32);
  info.regions = header.region_count;
  info.speed_rules = header.speed_rule_count;
  info.time_zones = header.time_zone_count;
  info.conditionals = header.conditional_count;
  info.turn_conditionals = header.turn_conditional_count;
  info.advisory_speed_edges = header.advisory_speed_count;
  info.advisory_speed_ways = header.advisory_speed_ways;
  // Header strings are read when asked for (info()), not here: opening touches the header only.
}

MapView MapView::open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  impl->file = MappedFile::open_read_only(path);
  impl->check_header();
  impl->bind_sections();
  return MapView(std::move(impl));
}

MapView::MapView(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)),
      hot_{impl_->nodes, impl_->adjacency_offsets, impl_->adjacency, impl_->edges, impl_->shape_offsets, impl_->shape_points,
           impl_->grid_segments} {}
MapView::MapView(MapView&&) noexcept = default;
MapView& MapView::operator=(MapView&&) noexcept = default;
MapView::~MapView() = default;

void MapView::close() { impl_->file.close(); }
const std::string& MapView::path() const { return impl_->file.path(); }
void MapView::damaged(const std::string& what) const { impl_->damaged(what); }

void MapView::verify() const {
  const auto bytes = impl_->file.bytes();
  uint64_t covered = sizeof(format::FileHeader);
  for (uint32_t i = 0; i < format::kSectionCount; ++i) {
    const format::SectionEntry& s = impl_->header.sections[i];
    // Padding before each section must be zero, so that every byte of the file is checked.
    if (s.offset < covered) impl_->damaged("section " + std::to_string(s.id) + " overlaps its predecessor");
    for (uint64_t p = covered; p < s.offset; ++p) {
      if (bytes[p] != std::byte{0}) impl_->damaged("non-zero padding before section " + std::to_string(s.id));
    }
    const uint32_t crc = crc32_update(0, bytes.subspan(s.offset, s.size));
    if (crc != s.crc32) impl_->damaged("checksum mismatch in section " + std::to_string(s.id));
    covered = s.offset + s.size;
  }
  // Structure a checksum cannot vouch for if the writer itself was wrong.
  if (impl_->adjacency_offsets.back() != impl_->adjacency.size()) impl_->damaged("adjacency index does not match its entries");
  if (impl_->shape_offsets.back() != impl_->shape_points.size()) impl_->damaged("shape index does not match its points");
  if (impl_->grid_cells.back() != impl_->grid_segments.size()) impl_->damaged("grid index does not match its segments");
  if (impl_->strings.back() != '\0') impl_->damaged("string table not terminated");
  for (const uint32_t offset : {impl_->header.legal_data, impl_->header.time_zone_source, impl_->header.legal_summary,
                                impl_->header.conditional_summary}) {
    impl_->string_at(offset);  // the header's own strings (info() reports them as unreadable)
  }
}

const MapInfo& MapView::info() const {
  // An exception out of std::call_once's callable ends the process in the clang build (found by
  // fuzz_map_file on a damaged string offset). Info reads the header, which opening checked; a
  // damaged string is reported in its place (verify() finds the damage too). Out of memory leaves
  // call_once unset, so the next call tries again.
  std::call_once(impl_->info_strings, [this] {
    try {
      impl_->info.legal_data = std::string(impl_->string_at(impl_->header.legal_data));
      impl_->info.time_zone_source = std::string(impl_->string_at(impl_->header.time_zone_source));
      impl_->info.legal_summary = std::string(impl_->string_at(impl_->header.legal_summary));
      impl_->info.conditional_summary = std::string(impl_->string_at(impl_->header.conditional_summary));
    } catch (const MapError& e) {
      impl_->info.legal_data = impl_->info.time_zone_source = std::string("unreadable: ") + e.what();
      impl_->info.legal_summary.clear();
      impl_->info.conditional_summary.clear();
    }
  });
  return impl_->info;
}

std::string_view MapView::string_at(uint32_t offset) const { return impl_->string_at(offset); }
std::span<const RegionRecord> MapView::regions() const { return impl_->regions; }
std::span<const TimeZoneRecord> MapView::time_zones() const { return impl_->time_zones; }

const SpeedRule& MapView::speed_rule(uint32_t rule) const {
  if (rule >= impl_->speed_rules.size()) impl_->damaged("speed rule " + std::to_string(rule));
  return impl_->speed_rules[rule];
}

uint32_t MapView::rule_in_force(uint32_t edge_id, int32_t local_day) const {
  // The chain is short (the base rule and a date-effective change or two); the last rule in force wins.
  uint32_t out = kNoSpeedRule;
  uint32_t steps = 0;
  for (uint32_t r = edge(edge_id).speed_rule; r != kNoSpeedRule; r = speed_rule(r).next) {
    if (++steps > impl_->speed_rules.size()) impl_->damaged("speed rule chain of edge " + std::to_string(edge_id));
    if (speed_rule(r).in_force(local_day)) out = r;
  }
  return out;
}

LimitInForce MapView::limit_in_force(uint32_t edge_id, bool forward, int32_t local_day) const {
  const EdgeRecord& e = edge(edge_id);
  LimitInForce out{e.maxspeed(forward), e.source(forward), kNoSpeedRule};
  if (!is_rule_based(out.source) || e.speed_rule == kNoSpeedRule) return out;
  const uint32_t r = rule_in_force(edge_id, local_day);
  if (r == kNoSpeedRule) return out;
  const SpeedRule& rule = speed_rule(r);
  out.tenths_kmh = rule.limits[static_cast<std::size_t>(VehicleClass::car)];
  out.source = rule.source;
  out.rule = r;
  return out;
}

uint16_t MapView::time_zone_at(Coord position) const {
  const format::GridGeometry& g = impl_->header.time_zone_grid;
  const auto clamp_cell = [](int64_t offset, int32_t cell, uint32_t count) {
    const int64_t i = offset < 0 ? 0 : offset / cell;
    return static_cast<uint64_t>(std::min<int64_t>(i, int64_t{count} - 1));
  };
  const uint64_t row = clamp_cell(int64_t{position.lat_e7} - g.origin_lat_e7, g.cell_lat_e7, g.rows);
  const uint64_t col = clamp_cell(int64_t{position.lon_e7} - g.origin_lon_e7, g.cell_lon_e7, g.cols);
  const uint16_t zone = impl_->time_zone_cells[row * g.cols + col];
  if (zone >= impl_->time_zones.size()) impl_->damaged("time zone cell " + std::to_string(row * g.cols + col));
  return zone;
}

int32_t MapView::utc_offset_seconds(uint16_t zone, double utc_seconds) const {
  return utc_offset_span(zone, utc_seconds).offset_seconds;
}

MapView::UtcOffsetSpan MapView::utc_offset_span(uint16_t zone, double utc_seconds) const {
  if (zone >= impl_->time_zones.size()) throw std::out_of_range("time zone " + std::to_string(zone) + " out of range");
  const TimeZoneRecord& z = impl_->time_zones[zone];
  const auto& all = impl_->utc_offsets;
  if (z.transition_count == 0 || z.first_transition > all.size() || z.transition_count > all.size() - z.first_transition) {
    impl_->damaged("transitions of time zone " + std::to_string(zone));
  }
  const auto transitions = all.subspan(z.first_transition, z.transition_count);
  // The last transition at or before the instant; the first one holds from the beginning of time.
  const auto after = std::upper_bound(transitions.begin() + 1, transitions.end(), utc_seconds,
                                      [](double t, const UtcOffsetTransition& u) { return t < static_cast<double>(u.utc_seconds); });
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  const auto held = after - 1;
  return UtcOffsetSpan{held->offset_seconds, held == transitions.begin() ? -kInfinity : static_cast<double>(held->utc_seconds),
                       after == transitions.end() ? kInfinity : static_cast<double>(after->utc_seconds)};
}
uint32_t MapView::node_count() const { return static_cast<uint32_t>(impl_->nodes.size()); }
uint32_t MapView::edge_count() const { return static_cast<uint32_t>(impl_->edges.size()); }

int64_t MapView::node_osm_id(uint32_t node) const {
  if (node >= impl_->node_osm_ids.size()) node_out_of_range(node);
  return impl_->node_osm_ids[node];
}

void MapView::node_out_of_range(uint32_t node) {
  throw std::out_of_range("node " + std::to_string(node) + " out of range");
}

void MapView::edge_out_of_range(uint32_t edge) {
  throw std::out_of_range("edge " + std::to_string(edge) + " out of range");
}

void MapView::damaged_adjacency(uint32_t node) const { impl_->damaged("adjacency index of node " + std::to_string(node)); }

void MapView::damaged_shape(uint32_t edge) const { impl_->damaged("shape index of edge " + std::to_string(edge)); }

std::string_view MapView::edge_name(uint32_t edge) const { return impl_->string_at(this->edge(edge).name); }

std::span<const StopSign> MapView::stop_signs_on(uint32_t edge) const {
  const auto [first, end] =
      impl_->stop_runs.run_of(edge, impl_->stop_signs, impl_->edges.size(), [](const StopSign& s) { return s.edge; });
  return impl_->stop_signs.subspan(first, end - first);
}

std::span<const ConditionalRestriction> MapView::conditionals_on(uint32_t edge) const {
  const auto& all = impl_->conditionals;
  const auto lo = std::lower_bound(all.begin(), all.end(), edge,
                                   [](const ConditionalRestriction& c, uint32_t e) { return c.edge < e; });
  const auto hi = std::upper_bound(lo, all.end(), edge, [](uint32_t e, const ConditionalRestriction& c) { return e < c.edge; });
  return {lo, hi};
}

std::span<const TurnConditional> MapView::turn_conditionals_of(int64_t osm_relation_id) const {
  const auto& all = impl_->turn_conditionals;
  const auto lo = std::lower_bound(all.begin(), all.end(), osm_relation_id,
                                   [](const TurnConditional& c, int64_t id) { return c.osm_relation_id < id; });
  const auto hi = std::upper_bound(lo, all.end(), osm_relation_id,
                                   [](int64_t id, const TurnConditional& c) { return id < c.osm_relation_id; });
  return {lo, hi};
}

uint16_t MapView::advisory_speed(uint32_t edge, bool forward) const {
  const auto& all = impl_->advisory_speeds;
  const auto it = std::lower_bound(all.begin(), all.end(), edge, [](const AdvisorySpeed& a, uint32_t e) { return a.edge < e; });
  return it != all.end() && it->edge == edge ? it->speed(forward) : kSpeedUnknown;
}

bool MapView::has_signal(uint32_t node) const {
  return std::binary_search(impl_->signal_nodes.begin(), impl_->signal_nodes.end(), node);
}

std::span<const TurnRestriction> MapView::restrictions_from(uint32_t edge) const {
  const auto [first, end] = impl_->restriction_runs.run_of(edge, impl_->restrictions, impl_->edges.size(),
                                                          [](const TurnRestriction& r) { return r.from_edge; });
  return impl_->restrictions.subspan(first, end - first);
}

std::span<const ViaWayRestriction> MapView::via_way_restrictions_from(uint32_t edge) const {
  const auto& all = impl_->via_way_restrictions;
  const auto lo =
      std::lower_bound(all.begin(), all.end(), edge, [](const ViaWayRestriction& r, uint32_t e) { return r.from_edge < e; });
  const auto hi = std::upper_bound(lo, all.end(), edge, [](uint32_t e, const ViaWayRestriction& r) { return e < r.from_edge; });
  return {lo, hi};
}

std::span<const uint32_t> MapView::via_edges(const ViaWayRestriction& restriction) const {
  const auto& all = impl_->via_edges;
  if (restriction.via_begin > all.size() || restriction.via_count > all.size() - restriction.via_begin) {
    impl_->damaged("via edges of restriction " + std::to_string(restriction.osm_relation_id));
  }
  return all.subspan(restriction.via_begin, restriction.via_count);
}

void MapView::segments_near(Coord point, double radius_m, std::vector<SegmentRef>& out) const {
  const format::GridGeometry& grid = impl_->header.grid;
  bool empty = false;
  const CellRange range = cells_near(grid, point, radius_m, empty);
  if (empty) return;
  for_each_cell_run(grid, range, [&](uint64_t first, uint64_t last) {
    const uint32_t begin = impl_->grid_cells[first], end = impl_->grid_cells[last];
    if (begin > end || end > impl_->grid_segments.size()) impl_->damaged("grid index at cell slot " + std::to_string(first));
    const auto slice = impl_->grid_segments.subspan(begin, end - begin);
    out.insert(out.end(), slice.begin(), slice.end());
  });
}

void MapView::segment_runs_near(Coord point, double radius_m, std::vector<SegmentRun>& out, NearSpanCache& cache) const {
  bool empty = false;
  const CellRange range = cells_around(point, radius_m, cache, empty);
  if (!empty) segment_runs_of(range, out);
}

CellRange MapView::cells_around(Coord point, double radius_m, NearSpanCache& cache, bool& empty) const {
  return cells_within(impl_->header.grid, point, cache.get(point, radius_m), empty);
}

void MapView::segment_runs_of(const CellRange& range, std::vector<SegmentRun>& out) const {
  const format::GridGeometry& grid = impl_->header.grid;
  for_each_cell_run(grid, range, [&](uint64_t first, uint64_t last) {
    const uint32_t begin = impl_->grid_cells[first], end = impl_->grid_cells[last];
    if (begin > end || end > impl_->grid_segments.size()) impl_->damaged("grid index at cell slot " + std::to_string(first));
    if (begin != end) out.push_back(SegmentRun{begin, end});
  });
}

void MapView::damaged_run(SegmentRun run) const {
  impl_->damaged("segment run " + std::to_string(run.begin) + ".." + std::to_string(run.end));
}

void MapView::segments_near_ranges(Coord point, double radius_m, std::vector<std::span<const std::byte>>& out) const {
  const format::GridGeometry& grid = impl_->header.grid;
  bool empty = false;
  const CellRange range = cells_near(grid, point, radius_m, empty);
  if (empty) return;
  for_each_cell_run(grid, range, [&](uint64_t first, uint64_t last) {
    out.push_back(std::as_bytes(impl_->grid_cells.subspan(first, last - first + 1)));
    const uint32_t begin = impl_->grid_cells[first], end = impl_->grid_cells[last];
    if (begin <= end && end <= impl_->grid_segments.size()) {
      out.push_back(std::as_bytes(impl_->grid_segments.subspan(begin, end - begin)));
    }
  });
}

std::span<const std::byte> MapView::section_bytes(format::SectionId id) const { return impl_->section(id); }

const void* MapView::data() const { return impl_->file.bytes().data(); }

}  // namespace drivelog::map
