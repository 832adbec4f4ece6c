#include "map/segment_grid.hpp"

#include <algorithm>

#include "map/map_view.hpp"
#include "map/spatial_grid.hpp"

namespace drivelog::map::build {
namespace {

// Calls visit(cell, edge, segment) for every cell each segment may pass through.
template <typename Visit>
void for_each_segment_cell(const RoadGraph& graph, const format::GridGeometry& grid, Visit&& visit) {
  for (uint32_t i = 0; i < graph.edges.size(); ++i) {
    const PendingEdge& e = graph.edges[i];
    for (uint32_t s = 0; s + 1 < e.ref_count; ++s) {
      const Coord a = graph.shape_point(e, s);
      const Coord b = graph.shape_point(e, s + 1);
      bool empty = false;
      const CellRange range = cells_covering(grid, std::min(a.lat_e7, b.lat_e7), std::max(a.lat_e7, b.lat_e7),
                                             std::min(a.lon_e7, b.lon_e7), std::max(a.lon_e7, b.lon_e7), empty);
      if (empty) continue;
      const bool single = range.row_min == range.row_max && range.col_min == range.col_max;
      for (uint32_t row = range.row_min; row <= range.row_max; ++row) {
        for (uint32_t col = range.col_min; col <= range.col_max; ++col) {
          if (single || segment_touches_cell(grid, a, b, row, col)) visit(cell_index(grid, row, col), i, s);
        }
      }
    }
  }
}

}  // namespace

SegmentGrid build_segment_grid(const RoadGraph& graph) {
  SegmentGrid grid;
  grid.geometry = choose_grid(graph.bbox, graph.shape_points);
  const uint64_t cell_count = cell_slots(grid.geometry);
  if (cell_count >= kNone) throw MapError("spatial grid too large for one map file");
  // Two passes (count, then fill) so that the references need no per-cell vectors.
  grid.cell_offsets.assign(cell_count + 1, 0);
  for_each_segment_cell(graph, grid.geometry, [&](uint64_t cell, uint32_t, uint32_t) { ++grid.cell_offsets[cell + 1]; });
  uint64_t total = 0;
  for (uint64_t c = 1; c <= cell_count; ++c) {
    total += grid.cell_offsets[c];
    if (total >= kNone) throw MapError("spatial grid too large for one map file");
    grid.cell_offsets[c] = static_cast<uint32_t>(total);
  }
  grid.segments.resize(total);
  std::vector<uint32_t> fill(grid.cell_offsets.begin(), grid.cell_offsets.end() - 1);
  for_each_segment_cell(graph, grid.geometry, [&](uint64_t cell, uint32_t edge, uint32_t segment) {
    grid.segments[fill[cell]++] = SegmentRef{edge, segment};
  });
  return grid;
}

}  // namespace drivelog::map::build
