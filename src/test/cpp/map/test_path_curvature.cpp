#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "map/path_curvature.hpp"

namespace drivelog::map {
namespace {

constexpr double kPi = 3.14159265358979323846;

// A straight of `straight_m`, a circular arc of `radius_m` over `turn_deg` drawn with a vertex every
// `vertex_m`, and another straight.
std::vector<PlanarVertex> bend(double straight_m, double radius_m, double turn_deg, double vertex_m) {
  std::vector<PlanarVertex> line{{0, 0, 0}, {straight_m, straight_m, 0}};
  const double arc = radius_m * turn_deg * kPi / 180;
  const int steps = static_cast<int>(std::ceil(arc / vertex_m));
  for (int i = 1; i <= steps; ++i) {
    const double a = turn_deg * kPi / 180 * i / steps;
    line.push_back({straight_m + arc * i / steps, straight_m + radius_m * std::sin(a), -radius_m * (1 - std::cos(a))});
  }
  const PlanarVertex end = line.back();
  const double a = turn_deg * kPi / 180;
  line.push_back({end.s_m + straight_m, end.east_m + straight_m * std::cos(a), end.north_m - straight_m * std::sin(a)});
  return line;
}

}  // namespace

TEST(PathCurvature, straightIsZeroAndArcIsOneOverItsRadius) {
  const auto line = bend(200, 80, 90, 8);
  EXPECT_NEAR(curvature_at(line, 100), 0, 1e-9);
  EXPECT_NEAR(curvature_at(line, 200 + 80 * kPi / 4), 1.0 / 80, 0.001);
  EXPECT_EQ(curvature_at(line, 5), 0);  // the chord reaches beyond the start: unknown, not a bend
}

TEST(PathCurvature, rightAngleCornerReadsAsAboutTenMetres) {
  const std::vector<PlanarVertex> corner{{0, 0, 0}, {100, 100, 0}, {200, 100, -100}};
  EXPECT_NEAR(1 / curvature_at(corner, 100), 15 / std::sqrt(2.0), 0.01);
}

TEST(PathCurvature, findCurvesKeepsCurvesAndLeavesCornersAndGentleBends) {
  std::vector<CurvatureSample> samples;
  const auto curve = bend(200, 80, 90, 8);
  sample_curvature(curve, 1, samples);
  const auto found = find_curves(samples, CurveShape{});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(found[0].min_radius_m, 80, 4);
  EXPECT_NEAR(found[0].turn_deg, 90, 8);
  EXPECT_LE(found[0].start_s_m, found[0].core_start_s_m);
  EXPECT_GE(found[0].end_s_m, found[0].core_end_s_m);

  samples.clear();
  sample_curvature(std::vector<PlanarVertex>{{0, 0, 0}, {100, 100, 0}, {200, 100, -100}}, 1, samples);
  EXPECT_TRUE(find_curves(samples, CurveShape{}).empty());  // a junction's corner: tighter than 20 m
  samples.clear();
  sample_curvature(bend(200, 200, 10, 8), 1, samples);
  EXPECT_TRUE(find_curves(samples, CurveShape{}).empty());  // turns the car by only 10 degrees
}

TEST(PathCurvature, samplesOfAHugeLineAreBoundedAndADamagedOneGivesNone) {
  // A damaged map made a path a million kilometres long: 2 GiB of samples at 2 m (fuzz_map_file).
  std::vector<CurvatureSample> samples;
  sample_curvature(std::vector<PlanarVertex>{{0, 0, 0}, {1e9, 1e9, 0}}, 2, samples);
  EXPECT_LE(samples.size(), kMaxCurvatureSamples + 1);
  EXPECT_GE(samples.size(), kMaxCurvatureSamples);
  EXPECT_DOUBLE_EQ(samples.front().s_m, 0);
  EXPECT_LE(samples.back().s_m, 1e9);
  // An ordinary line keeps its step.
  samples.clear();
  sample_curvature(std::vector<PlanarVertex>{{0, 0, 0}, {100, 100, 0}}, 2, samples);
  EXPECT_EQ(samples.size(), 51u);
  EXPECT_DOUBLE_EQ(samples[1].s_m, 2);
  // Distances that are not numbers, or run backwards: nothing.
  samples.clear();
  sample_curvature(std::vector<PlanarVertex>{{0, 0, 0}, {NAN, 100, 0}}, 2, samples);
  sample_curvature(std::vector<PlanarVertex>{{50, 0, 0}, {10, 100, 0}}, 2, samples);
  EXPECT_TRUE(samples.empty());
}

TEST(PathCurvature, samplesWalkingTheLineEqualEachPointLookedUpOnItsOwn) {
  // sample_curvature walks forward along the line; curvature_at searches it: the same numbers.
  const std::vector<PlanarVertex> line = bend(40, 25, 90, 3);
  std::vector<CurvatureSample> samples;
  sample_curvature(line, 2, samples);
  ASSERT_GT(samples.size(), 50u);
  for (const CurvatureSample& sample : samples) EXPECT_DOUBLE_EQ(sample.curvature, curvature_at(line, sample.s_m)) << sample.s_m;
}

TEST(PathCurvature, aFloorLeavesOutOnlyCurvatureBelowIt) {
  // Straights, a curve, a junction's corner, an edge boundary's repeated vertex, a U-turn and a
  // straight road drawn with small wiggles: with a floor, every sample keeps its measured value
  // unless that value is below the floor, and then it is 0 (the wiggles, 0.1 degrees at each vertex).
  std::vector<PlanarVertex> line = bend(60, 80, 90, 8);
  auto append = [&line](double east, double north) {
    const PlanarVertex& last = line.back();
    line.push_back({last.s_m + std::hypot(east - last.east_m, north - last.north_m), east, north});
  };
  const PlanarVertex end = line.back();
  append(end.east_m, end.north_m);               // an edge ends where the next begins
  append(end.east_m + 50, end.north_m);          // a corner
  append(end.east_m + 50, end.north_m + 40);
  append(end.east_m + 50, end.north_m + 10);     // back the way it came
  for (int i = 1; i <= 20; ++i) append(end.east_m + 50 + 7.0 * i, end.north_m + 10 + (i % 2 ? 0.001 : -0.001));
  for (const double floor : {1 / 300.0, 1 / 2000.0, 0.05}) {
    std::vector<CurvatureSample> measured, floored;
    sample_curvature(line, 1, measured);
    sample_curvature(line, 1, floored, floor);
    ASSERT_EQ(measured.size(), floored.size());
    std::size_t left_out = 0;
    for (std::size_t i = 0; i < measured.size(); ++i) {
      ASSERT_DOUBLE_EQ(floored[i].s_m, measured[i].s_m);
      if (floored[i].curvature == measured[i].curvature) continue;
      EXPECT_EQ(floored[i].curvature, 0) << floored[i].s_m;
      EXPECT_LT(measured[i].curvature, floor) << measured[i].s_m;
      ++left_out;
    }
    EXPECT_GT(left_out, 0u) << floor;  // the straights were not measured
  }
}

}  // namespace drivelog::map
