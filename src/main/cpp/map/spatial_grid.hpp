// The uniform grid over edge segments: choosing its cell size and finding cells, shared by the
// builder (which fills it) and the reader (which queries it).
#pragma once

#include <algorithm>
#include <cstdint>

#include "map/map_format.hpp"
#include "map/map_types.hpp"

namespace drivelog::map {

// A rectangle of grid cells, inclusive on both ends.
struct CellRange {
  uint32_t row_min = 0, row_max = 0, col_min = 0, col_max = 0;
  bool operator==(const CellRange&) const = default;
};

// Picks a cell size for `segment_count` segments spread over `bbox`: about two segments per cell
// on average over the box, never below kMinCellMeters nor above kMaxCellMeters.
format::GridGeometry choose_grid(const BoundingBox& bbox, uint64_t segment_count);

inline constexpr double kMinCellMeters = 64.0;
inline constexpr double kMaxCellMeters = 4000.0;

// The cells covering the rectangle [lat_min, lat_max] x [lon_min, lon_max] (1e-7 degree),
// clamped to the grid. `empty` is set if the rectangle lies entirely outside.
CellRange cells_covering(const format::GridGeometry& grid, int64_t lat_min_e7, int64_t lat_max_e7,
                         int64_t lon_min_e7, int64_t lon_max_e7, bool& empty);

// The cells within `radius_m` of `point` (a square around it; a superset of the circle).
CellRange cells_near(const format::GridGeometry& grid, Coord point, double radius_m, bool& empty);

// Half the side of that square in 1e-7 degree: north-south and east-west.
struct NearSpan {
  int64_t lat_e7 = 0, lon_e7 = 0;
};

// The square's span as cells_near() computes it (the east-west one needs the cosine of the latitude).
NearSpan near_span(Coord point, double radius_m);

// near_span() for a stream of nearby points (a drive) with mostly no cosine: when it computes a
// span it also works out how far the latitude may move before the span could change (the cosine
// moves by at most the change of latitude in radians), and answers from memory within that reach.
// Another radius (the matcher's search radius follows each fix's accuracy) is worked out from the
// remembered cosine, again with its reach. Its answers are always exactly those of near_span().
// One per thread.
class NearSpanCache {
 public:
  NearSpan get(Coord point, double radius_m);

 private:
  // span_ and reach_rad_ for `radius_m` from the cosine at lat_rad_.
  void span_from_cosine(double radius_m);

  double radius_m_ = -1;    // nothing cached yet
  double lat_rad_ = 0;      // where cos_ (and so span_) was computed
  double cos_ = 0;          // cos(lat_rad_)
  double reach_rad_ = -1;   // span_ holds for latitudes within this many radians of lat_rad_
  NearSpan span_;
};

// The cells within `span` of `point` (what cells_near() reads).
CellRange cells_within(const format::GridGeometry& grid, Coord point, NearSpan span, bool& empty);

// Whether the segment a-b may pass through cell (row, col): distance from the cell centre to the
// segment, in a local metric projection, at most the cell's half diagonal.
bool segment_touches_cell(const format::GridGeometry& grid, Coord a, Coord b, uint32_t row, uint32_t col);

// Cells are stored in tiles of kTileCells x kTileCells: tiles row-major, cells row-major within
// a tile, the grid padded to whole tiles. A lookup's few neighbouring cells then share one tile's
// index entries and segment lists instead of sitting one grid row apart.
inline constexpr uint32_t kTileCells = 16;

inline uint64_t tiles_across(const format::GridGeometry& grid) { return (grid.cols + kTileCells - 1) / kTileCells; }
inline uint64_t tiles_down(const format::GridGeometry& grid) { return (grid.rows + kTileCells - 1) / kTileCells; }

// Number of cell slots in the index (the padded grid).
inline uint64_t cell_slots(const format::GridGeometry& grid) {
  return tiles_across(grid) * tiles_down(grid) * kTileCells * kTileCells;
}

// Position of cell (row, col) in the index.
inline uint64_t cell_index(const format::GridGeometry& grid, uint32_t row, uint32_t col) {
  const uint64_t tile = (row / kTileCells) * tiles_across(grid) + col / kTileCells;
  return tile * kTileCells * kTileCells + (row % kTileCells) * kTileCells + col % kTileCells;
}

// Calls visit(first_slot, last_slot_exclusive) for each run of index-adjacent cells in `range`:
// the cells of one row within one tile.
template <typename Visit>
void for_each_cell_run(const format::GridGeometry& grid, const CellRange& range, Visit&& visit) {
  for (uint32_t row = range.row_min; row <= range.row_max; ++row) {
    for (uint32_t col = range.col_min; col <= range.col_max;) {
      const uint32_t run_end = std::min(range.col_max, (col / kTileCells + 1) * kTileCells - 1);
      visit(cell_index(grid, row, col), cell_index(grid, row, run_end) + 1);
      col = run_end + 1;
    }
  }
}

}  // namespace drivelog::map
