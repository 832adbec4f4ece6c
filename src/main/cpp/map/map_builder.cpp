#include "map/map_builder.hpp"

#include <algorithm>
#include <stdexcept>
#include <array>
#include <cstring>
#include <limits>
#include <map>
#include <unordered_map>

#include "map/file_writer.hpp"
#include "map/json_text.hpp"
#include "map/map_format.hpp"
#include "map/map_view.hpp"
#include "map/restriction_resolution.hpp"
#include "map/road_graph.hpp"
#include "map/segment_grid.hpp"
#include "map/stop_placement.hpp"

namespace drivelog::map {
namespace {

using build::kNone;
using build::NodeInput;
using build::StoredWay;

template <typename T>
void release(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

// The law's sections in their file form; strings interned through `intern`.
struct LegalSections {
  std::vector<RegionRecord> regions;
  std::vector<SpeedRule> rules;
  std::vector<TimeZoneRecord> zones;
  std::vector<UtcOffsetTransition> offsets;
  uint32_t description = 0;
  uint32_t time_zone_source = 0;
};

template <typename Intern>
LegalSections legal_sections(const EdgeSpeedResolver* resolver, const TimeZoneTable& time_zones, Intern intern) {
  LegalSections out;
  if (resolver != nullptr) {
    for (const RegionInput& r : resolver->regions()) out.regions.push_back(RegionRecord{intern(r.code), intern(r.rules_code)});
    for (const SpeedRuleInput& in : resolver->rules()) {
      SpeedRule rule;
      rule.name = intern(in.name);
      rule.tags = intern(in.tags);
      rule.from_day = in.from_day;
      rule.until_day = in.until_day;
      std::copy(in.limits.begin(), in.limits.end(), rule.limits);
      rule.source = in.source;
      rule.certitude = in.certitude;
      rule.next = in.next;
      out.rules.push_back(rule);
    }
    out.description = intern(resolver->description());
  } else {
    out.description = intern("none: no legal defaults applied");
  }
  if (time_zones.zones.empty() || time_zones.zones.size() > 0xFFFF ||
      time_zones.cells.size() != uint64_t{time_zones.grid.rows} * time_zones.grid.cols) {
    throw MapError("time zone table: " + std::to_string(time_zones.zones.size()) + " zones, " +
                   std::to_string(time_zones.cells.size()) + " cells for a " + std::to_string(time_zones.grid.rows) + " x " +
                   std::to_string(time_zones.grid.cols) + " grid");
  }
  for (const uint16_t zone : time_zones.cells) {
    if (zone >= time_zones.zones.size()) throw MapError("time zone table: cell names zone " + std::to_string(zone));
  }
  for (const TimeZoneInput& z : time_zones.zones) {
    if (z.transitions.empty()) throw MapError("time zone " + z.name + " has no UTC offset");
    out.zones.push_back(TimeZoneRecord{intern(z.name), static_cast<uint32_t>(out.offsets.size()),
                                       static_cast<uint32_t>(z.transitions.size()), 0});
    out.offsets.insert(out.offsets.end(), z.transitions.begin(), z.transitions.end());
  }
  out.time_zone_source = intern(time_zones.source);
  return out;
}

// Edge directions per limit source and edges per region, for map info (which reads the header only).
std::string legal_summary(const build::RoadGraph& graph, const EdgeSpeedResolver* resolver) {
  // Counted in arrays (one pass over every edge), named afterwards.
  std::array<uint64_t, 16> by_source{};
  std::vector<uint64_t> by_region(size_t{kNoRegion} + 1, 0);
  for (const EdgeRecord& r : graph.records) {
    ++by_source[r.speed_sources & 0x0Fu];
    ++by_source[r.speed_sources >> 4];
    ++by_region[r.region];
  }
  std::map<std::string, uint64_t> sources;
  for (std::size_t s = 0; s < by_source.size(); ++s) {
    if (by_source[s] > 0) sources[speed_source_label(static_cast<SpeedSource>(s))] += by_source[s];
  }
  const std::vector<RegionInput> names = resolver != nullptr ? resolver->regions() : std::vector<RegionInput>{};
  std::map<std::string, uint64_t> by_code;
  for (std::size_t region = 0; region < by_region.size(); ++region) {
    if (by_region[region] > 0) by_code[region < names.size() ? names[region].code : std::string()] += by_region[region];
  }
  const auto object = [](const std::map<std::string, uint64_t>& counts) {
    std::string j = "{";
    for (const auto& [k, n] : counts) {
      if (j.size() > 1) j.push_back(',');
      j.append(json_string(k)).append(":").append(std::to_string(n));
    }
    return j + "}";
  };
  return "{\"limit_sources\":" + object(sources) + ",\"regions\":" + object(by_code) + "}";
}

}  // namespace

struct MapBuilder::Impl {
  std::vector<NodeInput> nodes;
  std::vector<int64_t> refs;
  std::vector<StoredWay> ways;
  std::vector<StopInput> stops;
  std::vector<int64_t> signals;  // OSM node ids
  std::vector<RestrictionInput> restrictions;
  // Conditional restrictions by way index (add_way order), edge still unset.
  std::vector<std::pair<uint32_t, ConditionalRestriction>> way_conditionals;
  std::vector<TurnConditional> turn_conditionals;
  // Advisory speeds by way index (add_way order, so sorted), `edge` holding the way: kept apart
  // from StoredWay, which they would grow from 40 to 48 bytes for a tag few ways carry (+79 MB
  // peak on the synthetic country, which has none).
  std::vector<AdvisorySpeed> way_advisories;
  std::string conditional_summary;
  std::string strings = std::string(1, '\0');  // offset 0 is the empty string
  std::unordered_map<std::string, uint32_t> string_offsets;
  std::string source;
  bool keep_input_order = false;
  EdgeSpeedResolver* speed_resolver = nullptr;
  TimeZoneTable time_zones;

  uint32_t intern(const std::string& s) {
    if (s.empty()) return 0;
    auto [it, inserted] = string_offsets.try_emplace(s, static_cast<uint32_t>(strings.size()));
    if (inserted) {
      if (strings.size() + s.size() + 1 > std::numeric_limits<uint32_t>::max()) {
        throw MapError("map string table exceeds 4 GiB");
      }
      strings.append(s);
      strings.push_back('\0');
    }
    return it->second;
  }

  BuildStats write(const std::string& path);
  // The conditional restrictions of every edge, sorted by edge and precedence.
  [[nodiscard]] std::vector<ConditionalRestriction> conditionals_per_edge(const build::RoadGraph& graph) const;
  // The turn conditionals of relations that resolved to edges, sorted by relation and precedence.
  [[nodiscard]] std::vector<TurnConditional> resolved_turn_conditionals(const build::ResolvedRestrictions& resolved) const;
  // The advisory speeds of the edges whose way has one, sorted by edge.
  [[nodiscard]] std::vector<AdvisorySpeed> advisory_speeds_per_edge(const build::RoadGraph& graph) const;
};

MapBuilder::MapBuilder() : impl_(std::make_unique<Impl>()) {}
MapBuilder::~MapBuilder() = default;

void MapBuilder::add_node(int64_t osm_id, Coord position) { impl_->nodes.push_back({osm_id, position}); }

void MapBuilder::add_way(WayInput way) {
  StoredWay stored;
  stored.osm_id = way.osm_id;
  stored.ref_begin = impl_->refs.size();
  stored.ref_count = static_cast<uint32_t>(way.node_ids.size());
  stored.name = impl_->intern(way.name);
  stored.flags = way.flags;
  stored.maxspeed_forward = way.maxspeed_forward;
  stored.maxspeed_backward = way.maxspeed_backward;
  stored.road_class = way.road_class;
  stored.speed_source = way.speed_source;
  stored.backward_speed_source = way.backward_speed_source.value_or(way.speed_source);
  stored.legal_key = way.legal_key;
  stored.layer = way.layer;
  stored.use = way.use;
  if (way.advisory_forward != kSpeedUnknown || way.advisory_backward != kSpeedUnknown) {
    impl_->way_advisories.push_back({static_cast<uint32_t>(impl_->ways.size()), way.advisory_forward, way.advisory_backward});
  }
  impl_->refs.insert(impl_->refs.end(), way.node_ids.begin(), way.node_ids.end());
  impl_->ways.push_back(stored);
}

void MapBuilder::add_conditional(const ConditionalInput& c) {
  if (impl_->ways.empty()) throw std::logic_error("MapBuilder::add_conditional before any add_way");
  ConditionalRestriction r;
  r.key = impl_->intern(c.key);
  r.value = impl_->intern(c.value);
  r.rules = impl_->intern(c.rules);
  r.kind = c.kind;
  r.precedence = c.precedence;
  r.direction = c.direction;
  r.vehicles = c.vehicles;
  impl_->way_conditionals.emplace_back(static_cast<uint32_t>(impl_->ways.size() - 1), r);
}

void MapBuilder::add_turn_conditional(int64_t osm_relation_id, const ConditionalInput& c) {
  TurnConditional r;
  r.osm_relation_id = osm_relation_id;
  r.key = impl_->intern(c.key);
  r.value = impl_->intern(c.value);
  r.rules = impl_->intern(c.rules);
  r.vehicles = c.vehicles;
  r.precedence = c.precedence;
  impl_->turn_conditionals.push_back(r);
}

void MapBuilder::set_conditional_summary(std::string json) { impl_->conditional_summary = std::move(json); }

void MapBuilder::set_legal_key(std::size_t way_index, uint32_t legal_key) { impl_->ways.at(way_index).legal_key = legal_key; }

void MapBuilder::add_stop(StopInput stop) { impl_->stops.push_back(stop); }
void MapBuilder::add_signal(int64_t osm_node_id) { impl_->signals.push_back(osm_node_id); }
void MapBuilder::add_restriction(RestrictionInput restriction) { impl_->restrictions.push_back(std::move(restriction)); }
void MapBuilder::set_source(std::string source) { impl_->source = std::move(source); }
void MapBuilder::set_keep_input_order(bool keep) { impl_->keep_input_order = keep; }
void MapBuilder::set_speed_resolver(EdgeSpeedResolver* resolver) { impl_->speed_resolver = resolver; }
void MapBuilder::set_time_zones(TimeZoneTable zones) { impl_->time_zones = std::move(zones); }

BuildStats MapBuilder::write(const std::string& path) { return impl_->write(path); }

BuildStats MapBuilder::Impl::write(const std::string& path) {
  BuildStats stats;

  // 1. Nodes by OSM id (PBF files already are), first one wins on duplicates.
  const auto by_id = [](const NodeInput& a, const NodeInput& b) { return a.id < b.id; };
  if (!std::is_sorted(nodes.begin(), nodes.end(), by_id)) std::stable_sort(nodes.begin(), nodes.end(), by_id);
  nodes.erase(std::unique(nodes.begin(), nodes.end(), [](const NodeInput& a, const NodeInput& b) { return a.id == b.id; }),
              nodes.end());
  if (nodes.size() >= kNone) throw MapError("too many nodes for one map file: " + std::to_string(nodes.size()));
  const auto node_index = [&](int64_t id) -> uint32_t {
    auto it = std::lower_bound(nodes.begin(), nodes.end(), id, [](const NodeInput& n, int64_t v) { return n.id < v; });
    return (it != nodes.end() && it->id == id) ? static_cast<uint32_t>(it - nodes.begin()) : kNone;
  };

  // 2. Way references to node indexes, dropping unknown nodes and repeated consecutive nodes.
  std::vector<uint32_t> way_refs;
  way_refs.reserve(refs.size());
  for (StoredWay& way : ways) {
    const uint64_t begin = way_refs.size();
    for (uint64_t i = way.ref_begin; i < way.ref_begin + way.ref_count; ++i) {
      const uint32_t n = node_index(refs[i]);
      if (n == kNone) {
        ++stats.missing_node_refs;
      } else if (way_refs.size() == begin || way_refs.back() != n) {
        way_refs.push_back(n);
      }
    }
    way.ref_begin = begin;
    way.ref_count = static_cast<uint32_t>(way_refs.size() - begin);
    if (way.ref_count < 2) {
      way_refs.resize(begin);
      way.ref_count = 0;
      ++stats.ways_dropped;
    }
  }
  release(refs);
  if (stats.missing_node_refs > 0) stats.problems["way node reference without node (extract boundary)"] = stats.missing_node_refs;
  if (stats.ways_dropped > 0) stats.problems["way with fewer than two known nodes"] = stats.ways_dropped;

  // 3. The graph, stop signs on their approaches, restrictions on edges, the segment grid.
  std::vector<int64_t> split_at = signals;
  for (const StopInput& stop : stops) split_at.push_back(stop.osm_node_id);
  build::RoadGraph graph = build::assemble_road_graph(nodes, ways, way_refs, split_at, {keep_input_order, speed_resolver});
  release(split_at);
  const std::vector<StopSign> stop_signs = build::place_stop_signs(graph, stops, stats);
  const build::ResolvedRestrictions turn_restrictions = build::resolve_restrictions(graph, restrictions, stats);
  // A flag on every from edge, so that the matcher tests one bit, not a search, per turn.
  for (const TurnRestriction& r : turn_restrictions.via_node) graph.records[r.from_edge].flags |= edge_flags::kRestrictedFrom;
  const build::SegmentGrid grid = build::build_segment_grid(graph);
  std::vector<uint32_t> signal_nodes;
  for (const int64_t id : signals) {
    const uint32_t g = graph.graph_node(id);
    if (g != kNone) signal_nodes.push_back(g);
  }
  std::sort(signal_nodes.begin(), signal_nodes.end());
  signal_nodes.erase(std::unique(signal_nodes.begin(), signal_nodes.end()), signal_nodes.end());
  const std::vector<ConditionalRestriction> conditionals = conditionals_per_edge(graph);
  const std::vector<TurnConditional> kept_turn_conditionals = resolved_turn_conditionals(turn_restrictions);
  const std::vector<AdvisorySpeed> advisory_speeds = advisory_speeds_per_edge(graph);
  const uint32_t conditional_summary_string = intern(conditional_summary);
  const LegalSections legal = legal_sections(speed_resolver, time_zones, [this](const std::string& s) { return intern(s); });
  const uint32_t summary = intern(legal_summary(graph, speed_resolver));
  const auto node_count = static_cast<uint32_t>(graph.graph_nodes.size());
  const auto edge_count = static_cast<uint32_t>(graph.edges.size());

  // 4. Write the sections, then the header.
  FileWriter out(path);
  format::FileHeader header;
  out.write_value(header);  // placeholder, rewritten by finish()
  uint32_t section = 0;
  const auto end_section = [&] { header.sections[section++] = out.end_section(); };

  out.begin_section(format::SectionId::nodes);
  for (uint32_t n : graph.graph_nodes) out.write_value(nodes[n].position);
  end_section();
  out.begin_section(format::SectionId::node_osm_ids);
  for (uint32_t n : graph.graph_nodes) out.write_value(nodes[n].id);
  end_section();
  out.begin_section(format::SectionId::adjacency_offsets);
  out.write_span(std::span<const uint32_t>(graph.adjacency_offsets));
  end_section();
  out.begin_section(format::SectionId::adjacency);
  out.write_span(std::span<const AdjacentEdge>(graph.adjacency));
  end_section();
  out.begin_section(format::SectionId::edges);
  out.write_span(std::span<const EdgeRecord>(graph.records));
  end_section();
  out.begin_section(format::SectionId::shape_offsets);
  {
    uint32_t offset = 0;
    out.write_value(offset);
    for (const build::PendingEdge& e : graph.edges) {
      offset += e.ref_count;
      out.write_value(offset);
    }
  }
  end_section();
  out.begin_section(format::SectionId::shape_points);
  for (const build::PendingEdge& e : graph.edges) {
    for (uint64_t k = e.ref_begin; k < e.ref_begin + e.ref_count; ++k) out.write_value(nodes[way_refs[k]].position);
  }
  end_section();
  out.begin_section(format::SectionId::stop_signs);
  out.write_span(std::span<const StopSign>(stop_signs));
  end_section();
  out.begin_section(format::SectionId::restrictions);
  out.write_span(std::span<const TurnRestriction>(turn_restrictions.via_node));
  end_section();
  out.begin_section(format::SectionId::grid_cells);
  out.write_span(std::span<const uint32_t>(grid.cell_offsets));
  end_section();
  out.begin_section(format::SectionId::grid_segments);
  out.write_span(std::span<const SegmentRef>(grid.segments));
  end_section();
  out.begin_section(format::SectionId::strings);
  out.write(strings.data(), strings.size());
  end_section();
  out.begin_section(format::SectionId::via_way_restrictions);
  out.write_span(std::span<const ViaWayRestriction>(turn_restrictions.via_way));
  end_section();
  out.begin_section(format::SectionId::via_edges);
  out.write_span(std::span<const uint32_t>(turn_restrictions.via_edges));
  end_section();
  out.begin_section(format::SectionId::signal_nodes);
  out.write_span(std::span<const uint32_t>(signal_nodes));
  end_section();
  out.begin_section(format::SectionId::regions);
  out.write_span(std::span<const RegionRecord>(legal.regions));
  end_section();
  out.begin_section(format::SectionId::speed_rules);
  out.write_span(std::span<const SpeedRule>(legal.rules));
  end_section();
  out.begin_section(format::SectionId::time_zones);
  out.write_span(std::span<const TimeZoneRecord>(legal.zones));
  end_section();
  out.begin_section(format::SectionId::utc_offsets);
  out.write_span(std::span<const UtcOffsetTransition>(legal.offsets));
  end_section();
  out.begin_section(format::SectionId::time_zone_cells);
  out.write_span(std::span<const uint16_t>(time_zones.cells));
  end_section();
  out.begin_section(format::SectionId::conditionals);
  out.write_span(std::span<const ConditionalRestriction>(conditionals));
  end_section();
  out.begin_section(format::SectionId::turn_conditionals);
  out.write_span(std::span<const TurnConditional>(kept_turn_conditionals));
  end_section();
  out.begin_section(format::SectionId::advisory_speeds);
  out.write_span(std::span<const AdvisorySpeed>(advisory_speeds));
  end_section();

  header.header_size = sizeof(format::FileHeader);
  header.file_size = out.position();
  header.flags = keep_input_order ? 0u : format::kFlagHilbertOrdered;
  header.section_count = section;
  header.node_count = node_count;
  header.edge_count = edge_count;
  header.shape_point_count = graph.shape_points;
  header.stop_sign_count = stop_signs.size();
  header.restriction_count = turn_restrictions.via_node.size();
  header.via_way_restriction_count = turn_restrictions.via_way.size();
  header.via_edge_count = turn_restrictions.via_edges.size();
  header.signal_count = signal_nodes.size();
  header.grid_segment_count = grid.segments.size();
  header.oneway_edges = graph.oneway_edges;
  header.speed_limited_edges = graph.speed_limited_edges;
  header.bbox = graph.bbox;
  header.grid = grid.geometry;
  header.region_count = static_cast<uint32_t>(legal.regions.size());
  header.speed_rule_count = static_cast<uint32_t>(legal.rules.size());
  header.time_zone_count = static_cast<uint32_t>(legal.zones.size());
  header.utc_offset_count = static_cast<uint32_t>(legal.offsets.size());
  header.time_zone_grid = time_zones.grid;
  header.legal_data = legal.description;
  header.time_zone_source = legal.time_zone_source;
  header.legal_summary = summary;
  header.conditional_count = static_cast<uint32_t>(conditionals.size());
  header.turn_conditional_count = static_cast<uint32_t>(kept_turn_conditionals.size());
  header.conditional_summary = conditional_summary_string;
  header.advisory_speed_count = static_cast<uint32_t>(advisory_speeds.size());
  std::vector<uint32_t> advisory_ways;
  for (const AdvisorySpeed& a : advisory_speeds) advisory_ways.push_back(graph.edges[a.edge].way);
  std::sort(advisory_ways.begin(), advisory_ways.end());
  header.advisory_speed_ways = static_cast<uint32_t>(std::unique(advisory_ways.begin(), advisory_ways.end()) - advisory_ways.begin());
  std::memcpy(header.source.data(), source.data(), std::min(source.size(), header.source.size() - 1));
  header.header_crc32 = format::header_checksum(header);
  out.finish(header);

  stats.nodes = node_count;
  stats.edges = edge_count;
  stats.bytes = header.file_size;
  stats.shape_points = graph.shape_points;
  stats.signals = signal_nodes.size();
  stats.grid_segments = grid.segments.size();
  stats.road_km = graph.road_m / 1000.0;
  stats.conditionals = conditionals.size();
  stats.turn_conditionals = kept_turn_conditionals.size();
  stats.advisory_speed_edges = header.advisory_speed_count;
  stats.advisory_speed_ways = header.advisory_speed_ways;
  return stats;
}

std::vector<TurnConditional> MapBuilder::Impl::resolved_turn_conditionals(const build::ResolvedRestrictions& resolved) const {
  std::vector<int64_t> kept;
  for (const TurnRestriction& r : resolved.via_node) {
    if (r.has(restriction_flags::kConditional)) kept.push_back(r.osm_relation_id);
  }
  for (const ViaWayRestriction& r : resolved.via_way) {
    if ((r.flags & restriction_flags::kConditional) != 0) kept.push_back(r.osm_relation_id);
  }
  std::sort(kept.begin(), kept.end());
  std::vector<TurnConditional> out;
  for (const TurnConditional& c : turn_conditionals) {
    if (std::binary_search(kept.begin(), kept.end(), c.osm_relation_id)) out.push_back(c);
  }
  std::stable_sort(out.begin(), out.end(), [](const TurnConditional& a, const TurnConditional& b) {
    return a.osm_relation_id != b.osm_relation_id ? a.osm_relation_id < b.osm_relation_id : a.precedence < b.precedence;
  });
  return out;
}

std::vector<AdvisorySpeed> MapBuilder::Impl::advisory_speeds_per_edge(const build::RoadGraph& graph) const {
  std::vector<AdvisorySpeed> out;
  if (way_advisories.empty()) return out;
  for (uint32_t e = 0; e < graph.edges.size(); ++e) {
    const uint32_t way = graph.edges[e].way;
    const auto it = std::lower_bound(way_advisories.begin(), way_advisories.end(), way,
                                     [](const AdvisorySpeed& a, uint32_t w) { return a.edge < w; });
    // Edges run in their way's direction (EdgeRecord), so the way's forward is the edge's.
    if (it != way_advisories.end() && it->edge == way) out.push_back({e, it->forward, it->backward});
  }
  return out;
}

std::vector<ConditionalRestriction> MapBuilder::Impl::conditionals_per_edge(const build::RoadGraph& graph) const {
  std::vector<ConditionalRestriction> out;
  if (way_conditionals.empty()) return out;
  for (uint32_t e = 0; e < graph.edges.size(); ++e) {
    const uint32_t way = graph.edges[e].way;
    auto it = std::lower_bound(way_conditionals.begin(), way_conditionals.end(), way,
                               [](const auto& c, uint32_t w) { return c.first < w; });
    for (; it != way_conditionals.end() && it->first == way; ++it) {
      out.push_back(it->second);
      out.back().edge = e;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ConditionalRestriction& a, const ConditionalRestriction& b) {
    return a.edge != b.edge ? a.edge < b.edge : a.precedence < b.precedence;
  });
  return out;
}

}  // namespace drivelog::map
