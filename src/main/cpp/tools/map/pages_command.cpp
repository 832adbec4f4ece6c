// `drivelog-map pages`: how many distinct 4 KiB pages of the map file one drive's lookups touch.
// The lookups model what the matcher reads: for a point every 10 m, segments_near (grid index and
// cell lists), and for each candidate segment its edge record, shape index entries and the two
// shape points; for each edge of the route, both end nodes and their adjacency lists.
#include <charconv>
#include <iostream>
#include <set>

#include "map/json_text.hpp"
#include "map/map_format.hpp"
#include "map/map_view.hpp"
#include "tools/map/commands.hpp"
#include "tools/map/route_sample.hpp"

namespace drivelog::tools::map {
namespace {

using drivelog::map::Coord;
using drivelog::map::MapView;
using drivelog::map::SegmentRef;
using drivelog::map::format::SectionId;

constexpr std::size_t kPageBytes = 4096;

class PageSet {
 public:
  explicit PageSet(const MapView& map) : base_(static_cast<const std::byte*>(map.data())) {}
  void touch(std::span<const std::byte> bytes) {
    if (bytes.empty()) return;
    const auto first = static_cast<std::size_t>(bytes.data() - base_) / kPageBytes;
    const auto last = static_cast<std::size_t>(bytes.data() + bytes.size() - 1 - base_) / kPageBytes;
    for (std::size_t p = first; p <= last; ++p) pages_.insert(p);
  }
  template <typename T>
  void touch_element(std::span<const std::byte> section, std::size_t index) {
    touch(section.subspan(index * sizeof(T), sizeof(T)));
  }
  [[nodiscard]] std::size_t size() const { return pages_.size(); }
  [[nodiscard]] const std::set<std::size_t>& pages() const { return pages_; }

 private:
  const std::byte* base_;
  std::set<std::size_t> pages_;
};

struct PageCount {
  std::size_t total = 0;
  std::string by_section_json;  // {"edges": 12, ...}: each page under the section its first byte belongs to
};

std::string pages_by_section(const MapView& map, const PageSet& pages) {
  static constexpr std::pair<SectionId, const char*> kNames[] = {
      {SectionId::nodes, "nodes"}, {SectionId::node_osm_ids, "node_osm_ids"},
      {SectionId::adjacency_offsets, "adjacency_offsets"}, {SectionId::adjacency, "adjacency"},
      {SectionId::edges, "edges"}, {SectionId::shape_offsets, "shape_offsets"},
      {SectionId::shape_points, "shape_points"}, {SectionId::stop_signs, "stop_signs"},
      {SectionId::restrictions, "restrictions"}, {SectionId::grid_cells, "grid_cells"},
      {SectionId::grid_segments, "grid_segments"}, {SectionId::strings, "strings"}};
  const auto* base = static_cast<const std::byte*>(map.data());
  std::string json = "{\"header\":" + std::to_string(pages.pages().count(0));
  for (const auto& [id, name] : kNames) {
    const auto bytes = map.section_bytes(id);
    if (bytes.empty()) continue;
    const auto first = static_cast<std::size_t>(bytes.data() - base);
    const auto last = first + bytes.size();  // exclusive
    std::size_t n = 0;
    for (auto it = pages.pages().lower_bound(first / kPageBytes); it != pages.pages().end() && *it * kPageBytes < last; ++it) {
      if (*it * kPageBytes >= first || *it == first / kPageBytes) ++n;
    }
    json += ",\"" + std::string(name) + "\":" + std::to_string(n);
  }
  return json + "}";
}

PageCount count_pages(const MapView& map, const std::vector<Coord>& points, double radius_m) {
  PageSet pages(map);
  pages.touch(std::span(static_cast<const std::byte*>(map.data()), sizeof(drivelog::map::format::FileHeader)));
  const auto edges = map.section_bytes(SectionId::edges);
  const auto shape_offsets = map.section_bytes(SectionId::shape_offsets);
  const auto adjacency_offsets = map.section_bytes(SectionId::adjacency_offsets);
  const auto nodes = map.section_bytes(SectionId::nodes);
  std::vector<std::span<const std::byte>> ranges;
  std::vector<SegmentRef> near;
  std::set<uint32_t> route_nodes;
  for (const Coord& p : points) {
    ranges.clear();
    map.segments_near_ranges(p, radius_m, ranges);
    for (const auto r : ranges) pages.touch(r);
    near.clear();
    map.segments_near(p, radius_m, near);
    for (const SegmentRef s : near) {
      pages.touch_element<drivelog::map::EdgeRecord>(edges, s.edge);
      pages.touch_element<uint32_t>(shape_offsets, s.edge);
      pages.touch_element<uint32_t>(shape_offsets, s.edge + 1);
      pages.touch(std::as_bytes(map.edge_shape(s.edge).subspan(s.segment, 2)));
      // Transitions between candidates read the ends' positions and adjacency.
      for (const uint32_t n : {map.edge(s.edge).from_node, map.edge(s.edge).to_node}) {
        pages.touch_element<Coord>(nodes, n);
        pages.touch_element<uint32_t>(adjacency_offsets, n);
        pages.touch_element<uint32_t>(adjacency_offsets, n + 1);
        pages.touch(std::as_bytes(map.adjacent(n)));
      }
    }
  }
  return {pages.size(), pages_by_section(map, pages)};
}

bool parse_number(const std::string& text, double& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

}  // namespace

int run_pages(const std::vector<std::string>& args) {
  std::vector<std::string> maps;
  double route_km = 20, radius_m = 50, seed = 1;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    bool ok = true;
    if (a == "--route-km" && has_value) ok = parse_number(args[++i], route_km) && route_km > 0;
    else if (a == "--radius-m" && has_value) ok = parse_number(args[++i], radius_m) && radius_m > 0;
    else if (a == "--seed" && has_value) ok = parse_number(args[++i], seed) && seed >= 0;
    else if (!a.starts_with("--")) maps.push_back(a);
    else ok = false;
    if (!ok) {
      std::cerr << "drivelog-map pages: bad argument '" << a << "'\n"
                << "usage: drivelog-map pages MAP [MAP...] [--route-km KM] [--seed N] [--radius-m M]\n";
      return kExitBadInput;
    }
  }
  if (maps.empty()) {
    std::cerr << "usage: drivelog-map pages MAP [MAP...] [--route-km KM] [--seed N] [--radius-m M]\n";
    return kExitBadInput;
  }
  try {
    // The route is chosen on the first map and replayed as points on every map, so builds of the
    // same data in different orders are compared on the same drive.
    const MapView first = MapView::open(maps.front());
    const SampledRoute route = sample_route(first, route_km * 1000, static_cast<uint64_t>(seed), 10.0);
    std::string json = "{\"route_km\":" + drivelog::map::json_fixed(route.length_m / 1000, 3) +
                       ",\"points\":" + std::to_string(route.points.size()) +
                       ",\"radius_m\":" + drivelog::map::json_fixed(radius_m, 1) + ",\"maps\":[";
    for (std::size_t i = 0; i < maps.size(); ++i) {
      const MapView map = MapView::open(maps[i]);
      const PageCount pages = count_pages(map, route.points, radius_m);
      if (i > 0) json += ",";
      json += "{\"map\":" + drivelog::map::json_string(maps[i]) + ",\"order\":\"" +
              (map.info().hilbert_ordered ? "hilbert" : "input") + "\",\"pages\":" + std::to_string(pages.total) + ",\"by_section\":" + pages.by_section_json +
              ",\"map_pages\":" + std::to_string((map.info().bytes + kPageBytes - 1) / kPageBytes) + "}";
    }
    std::cout << json << "]}\n";
    return kExitOk;
  } catch (const drivelog::map::MapError& e) {
    std::cerr << "drivelog-map pages: " << e.what() << "\n";
    return kExitBadInput;
  }
}

}  // namespace drivelog::tools::map
