#include "match/path_geometry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "map/map_builder.hpp"

namespace drivelog::match {

// A road across the antimeridian has shape points up to 3.6e9 apart in 1e-7 degree: interpolating
// between them overflowed int32 (found by fuzz_map_file on a damaged map, where any coordinate can
// appear; this map is a sound one). The point must stay between the two ends.
TEST(PathGeometry, positionOnAnEdgeAcrossTheAntimeridian_staysBetweenItsEnds) {
  const std::string path = (std::filesystem::temp_directory_path() / "drivelog-test-antimeridian.dlmap").string();
  {
    map::MapBuilder b;
    b.add_node(1, map::Coord::from_degrees(-16.5, 179.99995));
    b.add_node(2, map::Coord::from_degrees(-16.5, -179.99995));
    b.add_way(map::WayInput{10, {1, 2}, "Date Line Road"});
    b.write(path);
  }
  {
    const map::MapView m = map::MapView::open(path);
    ASSERT_EQ(m.edge_count(), 1U);
    const auto shape = m.edge_shape(0);
    const auto [lo, hi] = std::minmax(shape.front().lon_e7, shape.back().lon_e7);
    for (const bool forward : {true, false}) {
      for (const double travel_m : {0.0, 2.5, 5.0, 8.0}) {
        const map::Coord c = position_on_edge(m, 0, forward, travel_m);
        EXPECT_GE(c.lon_e7, lo) << travel_m;
        EXPECT_LE(c.lon_e7, hi) << travel_m;
        EXPECT_EQ(c.lat_e7, shape.front().lat_e7);
      }
    }
  }
  std::filesystem::remove(path);
}

}  // namespace drivelog::match
