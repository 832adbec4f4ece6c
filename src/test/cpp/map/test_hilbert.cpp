#include <gtest/gtest.h>

#include <set>

#include "map/hilbert.hpp"

namespace drivelog::map {
namespace {

TEST(HilbertKey, VisitsEveryCellOfASmallCurveOnceWithNeighbouringSteps) {
  // On the top 2 bits of each axis (a 4 x 4 curve), consecutive keys are adjacent cells.
  std::vector<std::pair<uint32_t, uint32_t>> by_key(16);
  std::set<uint32_t> keys;
  for (uint32_t x = 0; x < 4; ++x) {
    for (uint32_t y = 0; y < 4; ++y) {
      const uint32_t key = hilbert_key(x << 14, y << 14) >> 28;
      keys.insert(key);
      by_key[key] = {x, y};
    }
  }
  EXPECT_EQ(keys.size(), 16u);
  for (std::size_t k = 1; k < 16; ++k) {
    const auto [x0, y0] = by_key[k - 1];
    const auto [x1, y1] = by_key[k];
    const int step = std::abs(static_cast<int>(x1) - static_cast<int>(x0)) + std::abs(static_cast<int>(y1) - static_cast<int>(y0));
    EXPECT_EQ(step, 1) << "key " << k;
  }
}

TEST(HilbertKey, CornersOfTheBoxMapToTheCurveEnds) {
  const BoundingBox box{Coord::from_degrees(50, 10), Coord::from_degrees(51, 11)};
  EXPECT_EQ(hilbert_key(box.min, box), 0u);
  // The curve starts at (0,0) and ends at (max, 0).
  EXPECT_EQ(hilbert_key(Coord::from_degrees(50, 11), box), 0xFFFFFFFFu);
  EXPECT_EQ(hilbert_key(Coord::from_degrees(49, 9), box), 0u);  // clamped to the box
}

}  // namespace
}  // namespace drivelog::map
