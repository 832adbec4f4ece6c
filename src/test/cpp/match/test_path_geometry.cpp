#include "match/path_geometry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "map/geo.hpp"
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

// EdgeWalk measures an edge once and must then answer exactly as position_on_edge() does, for
// every distance (before the start, on shape points, between them, beyond the end), in both
// directions, and after moving on to another edge and back.
TEST(PathGeometry, edgeWalk_answersAsPositionOnEdge) {
  const std::string path = (std::filesystem::temp_directory_path() / "drivelog-test-edge-walk.dlmap").string();
  {
    map::MapBuilder b;
    b.add_node(1, map::Coord::from_degrees(48.85, 2.35));
    b.add_node(2, map::Coord::from_degrees(48.8503, 2.3504));
    b.add_node(3, map::Coord::from_degrees(48.8504, 2.3511));
    b.add_node(4, map::Coord::from_degrees(48.8509, 2.3513));
    b.add_node(5, map::Coord::from_degrees(48.8509, 2.3513));  // a repeated point: a segment of no length
    b.add_node(6, map::Coord::from_degrees(48.8515, 2.3509));
    b.add_node(7, map::Coord::from_degrees(48.8520, 2.3530));
    b.add_way(map::WayInput{10, {1, 2, 3, 4, 5, 6}, "Rue Courbe"});
    b.add_way(map::WayInput{11, {6, 7}, "Rue Droite"});
    b.write(path);
  }
  {
    const map::MapView m = map::MapView::open(path);
    ASSERT_GE(m.edge_count(), 2U);
    EdgeWalk walk;
    int compared = 0;
    for (int round = 0; round < 2; ++round) {
      for (uint32_t edge = 0; edge < m.edge_count(); ++edge) {
        for (const bool forward : {true, false}) {
          walk.reset(m, edge, forward);
          EXPECT_TRUE(walk.walks(edge, forward));
          EXPECT_FALSE(walk.walks(edge, !forward));
          const double length = m.edge(edge).length_m;
          for (double travel = -2; travel <= length + 2; travel += 0.173) {
            const map::Coord expected = position_on_edge(m, edge, forward, travel);
            const map::Coord got = walk.position(travel);
            EXPECT_EQ(got.lat_e7, expected.lat_e7) << edge << " " << forward << " " << travel;
            EXPECT_EQ(got.lon_e7, expected.lon_e7) << edge << " " << forward << " " << travel;
            ++compared;
          }
          for (const double travel : {0.0, length, length / 3}) {
            EXPECT_EQ(walk.position(travel), position_on_edge(m, edge, forward, travel)) << travel;
          }
        }
      }
    }
    EXPECT_GT(compared, 1000);
  }
  std::filesystem::remove(path);
}

// position_on_edge() measures each segment once and reads the lengths backwards for a walk against
// the shape's order, which holds only if a segment measures the same to the bit from either end:
// the haversine's differences change sign exactly, sin is odd and the products commute. A libm
// whose sin were not odd to the bit would fail here (and move positions on the path by a rounding).
TEST(PathGeometry, aSegmentMeasuresTheSameFromEitherEnd) {
  std::mt19937_64 random(12);
  std::uniform_real_distribution<double> lat(-80, 80), lon(-180, 180), near(-0.01, 0.01), far(-2, 2);
  for (int i = 0; i < 1000000; ++i) {
    const map::Coord a = map::Coord::from_degrees(lat(random), lon(random));
    const double reach = i % 10 == 0 ? far(random) : near(random);
    const map::Coord b = map::Coord::from_degrees(std::clamp(a.lat() + reach, -89.0, 89.0), a.lon() + near(random));
    const double ab = map::geo::distance_m(a, b), ba = map::geo::distance_m(b, a);
    ASSERT_EQ(ab, ba) << a.lat_e7 << " " << a.lon_e7 << " " << b.lat_e7 << " " << b.lon_e7;
  }
}

namespace {

// position_on_edge() as it was: the shape measured for its scale, then every segment walked
// measured again (shape_point, lerp and the walk as in path_geometry.cpp).
map::Coord position_measuring_twice(const map::MapView& map, uint32_t edge, bool forward, double travel_m) {
  const auto shape = map.edge_shape(edge);
  const auto point = [&](std::size_t i) { return forward ? shape[i] : shape[shape.size() - 1 - i]; };
  double total = 0;
  for (std::size_t i = 0; i + 1 < shape.size(); ++i) total += map::geo::distance_m(shape[i], shape[i + 1]);
  const double scale = total > 0 ? map.edge(edge).length_m / total : 1.0;
  double walked = 0;
  for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
    const map::Coord a = point(i), b = point(i + 1);
    const double len = map::geo::distance_m(a, b) * scale;
    if (walked + len >= travel_m && len > 0) {
      const double f = std::clamp((travel_m - walked) / len, 0.0, 1.0);
      const auto between = [f](int32_t from, int32_t to) {
        return static_cast<int32_t>(std::lround(from + f * (static_cast<double>(to) - from)));
      };
      return map::Coord{between(a.lat_e7, b.lat_e7), between(a.lon_e7, b.lon_e7)};
    }
    walked += len;
  }
  return point(shape.size() - 1);
}

}  // namespace

// Every segment measured once (its length kept for the walk, read backwards against the shape's
// order) must place every point exactly where measuring it again did: edges of one segment, of a
// few, with a segment of no length, and longer than the lengths kept on the stack.
TEST(PathGeometry, positionOnEdgeAnswersAsMeasuringEachSegmentTwice) {
  const std::string path = (std::filesystem::temp_directory_path() / "drivelog-test-position-on-edge.dlmap").string();
  {
    map::MapBuilder b;
    b.add_node(1, map::Coord::from_degrees(48.85, 2.35));
    b.add_node(2, map::Coord::from_degrees(48.8503, 2.3504));
    b.add_node(3, map::Coord::from_degrees(48.8504, 2.3511));
    b.add_node(4, map::Coord::from_degrees(48.8509, 2.3513));
    b.add_node(5, map::Coord::from_degrees(48.8509, 2.3513));  // a segment of no length
    b.add_node(6, map::Coord::from_degrees(48.8515, 2.3509));
    b.add_node(7, map::Coord::from_degrees(48.8520, 2.3530));
    b.add_way(map::WayInput{10, {1, 2, 3, 4, 5, 6}, "Rue Courbe"});
    b.add_way(map::WayInput{11, {6, 7}, "Rue Droite"});
    std::vector<int64_t> spiral{7};  // 60 segments, more than are kept on the stack
    for (int k = 1; k <= 60; ++k) {
      const double angle = k * 0.21, radius = 0.0002 + k * 0.00001;
      b.add_node(100 + k, map::Coord::from_degrees(48.8520 + radius * std::sin(angle), 2.3530 + radius * std::cos(angle)));
      spiral.push_back(100 + k);
    }
    b.add_way(map::WayInput{12, spiral, "Rue Spirale"});
    b.write(path);
  }
  {
    const map::MapView m = map::MapView::open(path);
    ASSERT_GE(m.edge_count(), 3U);
    bool long_edge = false;
    int compared = 0;
    for (uint32_t edge = 0; edge < m.edge_count(); ++edge) {
      long_edge = long_edge || m.edge_shape(edge).size() > 40;
      for (const bool forward : {true, false}) {
        const double length = m.edge(edge).length_m;
        for (double travel = -2; travel <= length + 2; travel += 0.0731) {
          const map::Coord expected = position_measuring_twice(m, edge, forward, travel);
          const map::Coord got = position_on_edge(m, edge, forward, travel);
          ASSERT_EQ(got.lat_e7, expected.lat_e7) << edge << " " << forward << " " << travel;
          ASSERT_EQ(got.lon_e7, expected.lon_e7) << edge << " " << forward << " " << travel;
          ++compared;
        }
      }
    }
    EXPECT_TRUE(long_edge);
    EXPECT_GT(compared, 10000);
  }
  std::filesystem::remove(path);
}

// point_on_polyline: between vertices by path distance, clamped at the ends, and the direction of
// the next segment that has a length (a junction's two vertices coincide).
TEST(PathGeometry, pointOnPolyline_interpolatesClampsAndSkipsZeroLengthSegments) {
  const std::vector<PathVertex> line{{0, 0, 0}, {100, 100, 0}, {100, 100, 0}, {150, 100, 50}};
  std::size_t hint = 0;
  const PathPoint start = point_on_polyline(line, -5, hint);
  EXPECT_DOUBLE_EQ(start.east_m, 0);
  EXPECT_DOUBLE_EQ(start.dir_east, 1);
  const PathPoint middle = point_on_polyline(line, 40, hint);
  EXPECT_DOUBLE_EQ(middle.east_m, 40);
  EXPECT_DOUBLE_EQ(middle.north_m, 0);
  const PathPoint at_junction = point_on_polyline(line, 100, hint);
  EXPECT_DOUBLE_EQ(at_junction.east_m, 100);
  const PathPoint after = point_on_polyline(line, 120, hint);
  EXPECT_DOUBLE_EQ(after.north_m, 20);
  EXPECT_DOUBLE_EQ(after.dir_east, 0);
  EXPECT_DOUBLE_EQ(after.dir_north, 1);
  const PathPoint beyond = point_on_polyline(line, 500, hint);
  EXPECT_DOUBLE_EQ(beyond.north_m, 50);
  std::size_t from_the_start = 0;  // a stale hint past the answer walks back
  hint = 2;
  EXPECT_DOUBLE_EQ(point_on_polyline(line, 10, hint).east_m, point_on_polyline(line, 10, from_the_start).east_m);
}

// nearest_s_on_polyline: a point's nearest place along the path, wherever the edges change, kept
// to the stretch asked about (a loop's other pass, outside it, is never chosen).
TEST(PathGeometry, nearestSOnPolyline_crossesJunctionsAndStaysInTheStretch) {
  // East 100 m, then north 50 m (a junction's two vertices coincide at s 100).
  const std::vector<PathVertex> line{{0, 0, 0}, {100, 100, 0}, {100, 100, 0}, {150, 100, 50}};
  std::size_t hint = 0;
  // 3 m before the corner and 2 m off the road: before the junction, not at it.
  EXPECT_NEAR(nearest_s_on_polyline(line, 97, -2, 80, 120, hint), 97, 1e-9);
  // Beside the second leg, 4 m after the corner.
  EXPECT_NEAR(nearest_s_on_polyline(line, 102, 4, 80, 120, hint), 104, 1e-9);
  // A stretch that ends before the nearest point: its end.
  EXPECT_NEAR(nearest_s_on_polyline(line, 140, 30, 0, 110, hint), 110, 1e-9);
  // ... or begins after it: its start.
  EXPECT_NEAR(nearest_s_on_polyline(line, 10, 0, 60, 90, hint), 60, 1e-9);
  // A stale hint past the stretch walks back.
  hint = 3;
  EXPECT_NEAR(nearest_s_on_polyline(line, 30, 1, 0, 50, hint), 30, 1e-9);
}

// path_polyline: a traversal's stretch of its edge in the flat frame, with path distances, in the
// direction of travel; the bend of the way is a vertex.
TEST(PathGeometry, pathPolyline_followsTheStretchOfEachTraversalInItsDirection) {
  const std::string path = (std::filesystem::temp_directory_path() / "drivelog-test-polyline.dlmap").string();
  const map::geo::LocalProjection frame(35.0, 139.0);
  const auto at = [&](double east_m, double north_m) {
    return map::Coord::from_degrees(35.0 + north_m / frame.meters_per_deg_lat, 139.0 + east_m / frame.meters_per_deg_lon);
  };
  {
    map::MapBuilder b;
    b.add_node(1, at(0, 0));
    b.add_node(2, at(100, 0));
    b.add_node(3, at(100, 100));
    b.add_way(map::WayInput{10, {1, 2, 3}, "Bend"});
    b.write(path);
  }
  {
    const map::MapView m = map::MapView::open(path);
    ASSERT_EQ(m.edge_count(), 1U);
    const bool forward_is_1_to_3 = m.edge_shape(0).front().lon_e7 == at(0, 0).lon_e7;
    std::vector<PathVertex> line;
    const Traversal out_and_up{0, forward_is_1_to_3, 0, 50, 10, 190};
    path_polyline(m, std::span(&out_and_up, 1), frame, line);
    ASSERT_EQ(line.size(), 3U);
    EXPECT_NEAR(line[0].s_m, 50, 1e-9);
    EXPECT_NEAR(line[0].east_m, 10, 0.1);
    EXPECT_NEAR(line[1].s_m, 140, 0.1);  // the bend, 90 m into the stretch
    EXPECT_NEAR(line[1].east_m, 100, 0.1);
    EXPECT_NEAR(line[1].north_m, 0, 0.1);
    EXPECT_NEAR(line[2].s_m, 230, 1e-6);
    EXPECT_NEAR(line[2].north_m, 90, 0.1);
    const Traversal down_and_back{0, !forward_is_1_to_3, 0, 0, 0, 50};  // from node 3, 50 m down
    path_polyline(m, std::span(&down_and_back, 1), frame, line);
    ASSERT_EQ(line.size(), 2U);
    EXPECT_NEAR(line[0].north_m, 100, 0.1);
    EXPECT_NEAR(line[1].north_m, 50, 0.1);
    EXPECT_NEAR(line[1].east_m, 100, 0.1);
  }
  std::filesystem::remove(path);
}

}  // namespace drivelog::match
