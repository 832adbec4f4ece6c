#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "map/spatial_grid.hpp"

namespace drivelog::map {
namespace {

const BoundingBox kBox{Coord::from_degrees(48.0, 11.0), Coord::from_degrees(48.1, 11.2)};

TEST(ChooseGrid, CellSizeFollowsSegmentDensityWithinLimits) {
  const format::GridGeometry sparse = choose_grid(kBox, 10);
  const format::GridGeometry dense = choose_grid(kBox, 1'000'000);
  EXPECT_GT(sparse.cell_lat_e7, dense.cell_lat_e7);
  // 4 km at most: 0.036 degree of latitude.
  EXPECT_LE(sparse.cell_lat_e7, 360000);
  // 64 m at least: 0.000575 degree of latitude.
  EXPECT_GE(dense.cell_lat_e7, 5700);
  // Cells are near square in metres: wider in longitude by 1 / cos(48 deg) = 1.49.
  EXPECT_NEAR(static_cast<double>(dense.cell_lon_e7) / dense.cell_lat_e7, 1.49, 0.02);
  EXPECT_GE(static_cast<int64_t>(dense.rows) * dense.cell_lat_e7, kBox.max.lat_e7 - kBox.min.lat_e7);
  EXPECT_GE(static_cast<int64_t>(dense.cols) * dense.cell_lon_e7, kBox.max.lon_e7 - kBox.min.lon_e7);
}

TEST(CellsNear, CoversTheRadiusAndClampsToTheGrid) {
  const format::GridGeometry g = choose_grid(kBox, 1'000'000);
  bool empty = true;
  const CellRange r = cells_near(g, Coord::from_degrees(48.05, 11.1), 200, empty);
  ASSERT_FALSE(empty);
  EXPECT_GE(r.row_max - r.row_min + 1, 3u);  // 400 m across cells under 200 m
  const CellRange corner = cells_near(g, kBox.min, 1000, empty);
  ASSERT_FALSE(empty);
  EXPECT_EQ(corner.row_min, 0u);
  EXPECT_EQ(corner.col_min, 0u);
  cells_near(g, Coord::from_degrees(40, 11.1), 1000, empty);
  EXPECT_TRUE(empty);
}

TEST(NearSpanCache, AnswersExactlyLikeNearSpanAlongADriveAndAfterJumps) {
  // A drive in small steps (the cache's case), across many latitudes (where the span's rounding
  // changes), with jumps, a change of radius and the poles' neighbourhood: never a different answer.
  NearSpanCache cache;
  int checked = 0;
  for (const double start : {-80.0, -33.9, 0.0, 47.99, 48.0, 60.5, 84.9}) {
    for (const double radius : {50.0, 50.0, 12.5, 300.0}) {
      for (int i = 0; i < 3000; ++i) {
        const Coord p = Coord::from_degrees(start + i * 0.00007, 11.0 + i * 0.00005);
        const NearSpan want = near_span(p, radius), got = cache.get(p, radius);
        ASSERT_EQ(got.lat_e7, want.lat_e7) << p.lat() << " r=" << radius;
        ASSERT_EQ(got.lon_e7, want.lon_e7) << p.lat() << " r=" << radius;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 7 * 4 * 3000);
  EXPECT_EQ(cache.get(Coord::from_degrees(48, 11), 0).lon_e7, 0);
}

TEST(NearSpanCache, AnswersExactlyLikeNearSpanWhenTheRadiusChangesEveryPoint) {
  // The matcher's first search radius follows each fix's accuracy, and now and then a second
  // search uses the full radius: a new radius at nearly every point, answered from the
  // remembered cosine where its reach allows. Never a different answer.
  NearSpanCache cache;
  int checked = 0;
  for (const double start : {-80.0, -33.9, 0.0, 35.65, 47.99, 48.0, 60.5, 84.9}) {
    for (int i = 0; i < 6000; ++i) {
      const Coord p = Coord::from_degrees(start + i * 0.00007, 11.0 + i * 0.00005);
      const double radius = i % 17 == 0 ? 50.0 : 12.0 + 4 * (2.5 + 0.1 * ((i * 7) % 31));
      const NearSpan want = near_span(p, radius), got = cache.get(p, radius);
      ASSERT_EQ(got.lat_e7, want.lat_e7) << p.lat() << " r=" << radius;
      ASSERT_EQ(got.lon_e7, want.lon_e7) << p.lat() << " r=" << radius;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 8 * 6000);
  EXPECT_EQ(cache.get(Coord::from_degrees(48, 11), 0).lon_e7, 0);
  EXPECT_EQ(cache.get(Coord::from_degrees(48, 11), 30).lon_e7, near_span(Coord::from_degrees(48, 11), 30).lon_e7);
}

TEST(SegmentTouchesCell, RejectsCellsADiagonalSegmentOnlyBoxes) {
  const format::GridGeometry g = choose_grid(kBox, 1'000'000);
  const Coord a = Coord::from_degrees(48.0, 11.0), b = Coord::from_degrees(48.1, 11.2);
  bool empty = false;
  const CellRange r = cells_covering(g, a.lat_e7, b.lat_e7, a.lon_e7, b.lon_e7, empty);
  EXPECT_TRUE(segment_touches_cell(g, a, b, r.row_min, r.col_min));
  EXPECT_TRUE(segment_touches_cell(g, a, b, r.row_max, r.col_max));
  EXPECT_FALSE(segment_touches_cell(g, a, b, r.row_max, r.col_min));  // far corner of the box
}

TEST(CellIndex, TilesAreContiguousAndEverySlotIsUsedOnce) {
  format::GridGeometry g;
  g.rows = 37;  // not a multiple of the tile size: the index is padded
  g.cols = 21;
  EXPECT_EQ(cell_slots(g), 3u * 2u * kTileCells * kTileCells);
  std::set<uint64_t> seen;
  for (uint32_t r = 0; r < g.rows; ++r) {
    for (uint32_t c = 0; c < g.cols; ++c) {
      const uint64_t i = cell_index(g, r, c);
      EXPECT_LT(i, cell_slots(g));
      EXPECT_TRUE(seen.insert(i).second) << r << "," << c;
    }
  }
  // The 16 x 16 cells of the first tile occupy the first 256 slots.
  EXPECT_EQ(cell_index(g, 15, 15), 255u);
  EXPECT_EQ(cell_index(g, 0, 16), 256u);
}

TEST(CellRuns, SplitRowsAtTileBordersAndCoverTheRange) {
  format::GridGeometry g;
  g.rows = 40;
  g.cols = 40;
  const CellRange range{14, 17, 10, 33};  // 4 rows, columns across three tiles
  std::vector<std::pair<uint64_t, uint64_t>> runs;
  for_each_cell_run(g, range, [&](uint64_t first, uint64_t last) { runs.emplace_back(first, last); });
  EXPECT_EQ(runs.size(), 4u * 3u);
  uint64_t cells = 0;
  for (const auto& [first, last] : runs) cells += last - first;
  EXPECT_EQ(cells, 4u * 24u);
  EXPECT_EQ(runs.front(), std::make_pair(cell_index(g, 14, 10), cell_index(g, 14, 15) + 1));
}

}  // namespace
}  // namespace drivelog::map
