// Fills the spatial grid over edge segments: every segment listed in each cell it may pass
// through (spatial_grid.hpp decides which), as a CSR of cells -> SegmentRef.
#pragma once

#include <vector>

#include "map/map_format.hpp"
#include "map/road_graph.hpp"

namespace drivelog::map::build {

struct SegmentGrid {
  format::GridGeometry geometry;
  std::vector<uint32_t> cell_offsets;  // cell_slots(geometry) + 1, in tile order (spatial_grid.hpp)
  std::vector<SegmentRef> segments;    // grouped by cell, in edge and segment order within a cell
};

SegmentGrid build_segment_grid(const RoadGraph& graph);

}  // namespace drivelog::map::build
