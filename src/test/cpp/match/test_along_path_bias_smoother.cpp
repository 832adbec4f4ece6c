#include "match/along_path_bias_smoother.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>
#include <vector>

namespace drivelog::match {
namespace {

// A path in a flat frame: its point and unit direction at a distance along it.
struct Place {
  double east_m, north_m, dir_east, dir_north;
};
using Path = std::function<Place(double s_m)>;

Place straight_east(double s) { return Place{s, 0, 1, 0}; }

// East for 100 m, then a right angle to the north.
Place corner_at_100(double s) { return s < 100 ? Place{s, 0, 1, 0} : Place{100, s - 100, 0, 1}; }

// A drive at constant speed along `path`, one fix a second, each fix the true place plus `error`
// (east, north), linearised where the fix's own projection onto the path lies, as the matcher's
// first smoother would place it: a fix carried along by its error is linearised where it seems.
std::vector<BiasObservation> drive(const Path& path, double speed_mps, int fixes,
                                   const std::function<std::array<double, 2>(int)>& error, double sigma_m,
                                   bool with_speeds) {
  std::vector<BiasObservation> out;
  for (int k = 0; k < fixes; ++k) {
    const double s = speed_mps * k;
    const Place truth = path(s);
    const auto [e, n] = error(k);
    BiasObservation o;
    o.time_s = k;
    o.east_m = truth.east_m + e;
    o.north_m = truth.north_m + n;
    o.at_s_m = std::max(0.0, s + e * truth.dir_east + n * truth.dir_north);
    const Place at = path(o.at_s_m);
    o.path_east_m = at.east_m;
    o.path_north_m = at.north_m;
    o.dir_east = at.dir_east;
    o.dir_north = at.dir_north;
    o.sigma_m = sigma_m;
    o.speed_mps = with_speeds ? speed_mps : NAN;
    out.push_back(o);
  }
  return out;
}

BiasModel wandering() {
  BiasModel m;
  m.correlation_s = 30;
  m.independent_share = 0.1;
  return m;
}

}  // namespace

// The reason for the smoother: a receiver 8 m east of the car puts every fix on the first road 8 m
// ahead of it, which no single fix can show; after the turn north the same error lies across the
// road and is seen. Carried back in time, the fixes before the corner are placed where the car was
// (the plain projection is 8 m off for every one of them).
TEST(AlongPathBiasSmoother, aCornerRevealsTheErrorAlongTheRoadBeforeIt) {
  const auto obs = drive(corner_at_100, 10, 20, [](int) { return std::array<double, 2>{8, 0}; }, 5, true);
  AlongPathBiasSmoother smoother;
  std::vector<double> s;
  smoother.smooth(obs, wandering(), s);
  ASSERT_EQ(s.size(), obs.size());
  for (int k = 2; k < 9; ++k) {  // on the first road, 20 to 80 m
    EXPECT_NEAR(s[static_cast<std::size_t>(k)], 10.0 * k, 3.0) << "fix " << k << " linearised at " << obs[static_cast<std::size_t>(k)].at_s_m;
  }
}

// Along a straight road nothing tells an error along the road from the car's place: the smoother
// must not invent a correction, and an error across the road must not move the car along it.
TEST(AlongPathBiasSmoother, onAStraightRoadAnErrorAcrossItLeavesThePlacesAlone) {
  const auto obs = drive(straight_east, 12, 30, [](int) { return std::array<double, 2>{0, 9}; }, 5, true);
  AlongPathBiasSmoother smoother;
  std::vector<double> s;
  smoother.smooth(obs, wandering(), s);
  for (std::size_t k = 0; k < s.size(); ++k) EXPECT_NEAR(s[k], 12.0 * static_cast<double>(k), 1.0) << k;
}

// With independent errors the smoother is a plain one: noisy fixes at 5 m come out closer to the
// truth than they went in (constant speed, no speeds reported; the model lets the car accelerate
// at 1.5 m/s^2, so it averages over a few seconds only: the squared error falls by more than half).
TEST(AlongPathBiasSmoother, independentNoiseIsAveragedOut) {
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0, 5);
  const auto obs = drive(straight_east, 10, 60, [&](int) { return std::array<double, 2>{noise(rng), noise(rng)}; }, 5,
                         false);
  BiasModel white;
  white.independent_share = 1;
  AlongPathBiasSmoother smoother;
  std::vector<double> s;
  smoother.smooth(obs, white, s);
  double raw = 0, smoothed = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const double truth = 10.0 * static_cast<double>(k);
    raw += std::pow(obs[k].at_s_m - truth, 2);
    smoothed += std::pow(s[k] - truth, 2);
  }
  EXPECT_LT(smoothed, raw / 2);
}

// Places along a path never go backwards, whatever the fixes say (a car does not reverse on its
// matched path; a stop with a wandering receiver must not make it).
TEST(AlongPathBiasSmoother, placesNeverGoBackwards) {
  std::mt19937 rng(3);
  std::normal_distribution<double> noise(0, 6);
  const auto obs = drive(corner_at_100, 0.5, 40, [&](int) { return std::array<double, 2>{noise(rng), noise(rng)}; },
                         5, false);
  AlongPathBiasSmoother smoother;
  std::vector<double> s;
  smoother.smooth(obs, wandering(), s);
  for (std::size_t k = 1; k < s.size(); ++k) EXPECT_GE(s[k], s[k - 1]) << k;
}

TEST(AlongPathBiasSmoother, noFixesNoPlaces) {
  AlongPathBiasSmoother smoother;
  std::vector<double> s{1, 2, 3};
  smoother.smooth({}, wandering(), s);
  EXPECT_TRUE(s.empty());
}

// One fix: its own linearisation point, nothing to carry.
TEST(AlongPathBiasSmoother, aSingleFixStaysWhereItProjects) {
  const auto obs = drive(straight_east, 10, 1, [](int) { return std::array<double, 2>{0, 3}; }, 5, false);
  AlongPathBiasSmoother smoother;
  std::vector<double> s;
  smoother.smooth(obs, wandering(), s);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s[0], obs[0].at_s_m, 1e-9);
}

}  // namespace drivelog::match
