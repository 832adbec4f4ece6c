#include "match/along_path_smoother.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace drivelog::match {
namespace {

double rms(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(sum / static_cast<double>(a.size()));
}

TEST(AlongPathSmoother, reportedSpeedsAndNeighboursPlaceFixesBetterThanTheirProjections) {
  // 12 m/s for 60 s, projections off by 5 m (1 sigma), speeds by 0.3 m/s.
  std::mt19937 random(3);
  std::normal_distribution<double> gauss(0.0, 1.0);
  std::vector<AlongPathObservation> points;
  std::vector<double> truth, projected;
  for (int k = 0; k < 60; ++k) {
    AlongPathObservation o;
    o.time_s = k;
    truth.push_back(12.0 * k);
    o.s_m = truth.back() + 5 * gauss(random);
    o.sigma_m = 5;
    o.speed_mps = 12 + 0.3 * gauss(random);
    projected.push_back(o.s_m);
    points.push_back(o);
  }
  AlongPathSmoother smoother;
  std::vector<double> smoothed;
  smoother.smooth(points, AlongPathModel{}, smoothed);
  ASSERT_EQ(smoothed.size(), points.size());
  EXPECT_LT(rms(smoothed, truth), 0.5 * rms(projected, truth));
}

TEST(AlongPathSmoother, aCarAtRestStaysPut) {
  // Drives 10 s, stands 30 s (speed 0, positions scattered by 6 m), drives on.
  std::mt19937 random(5);
  std::normal_distribution<double> gauss(0.0, 1.0);
  std::vector<AlongPathObservation> points;
  for (int k = 0; k < 60; ++k) {
    const double v = (k < 10 || k >= 40) ? 10.0 : 0.0;
    const double s = k < 10 ? 10.0 * k : k < 40 ? 100.0 : 100.0 + 10.0 * (k - 40);
    AlongPathObservation o;
    o.time_s = k;
    o.s_m = s + 6 * gauss(random);
    o.sigma_m = 6;
    o.speed_mps = v;
    points.push_back(o);
  }
  AlongPathSmoother smoother;
  std::vector<double> smoothed;
  smoother.smooth(points, AlongPathModel{}, smoothed);
  for (int k = 12; k < 38; ++k) EXPECT_NEAR(smoothed[k], smoothed[12], 2.0) << k;  // the projections scatter by 6 m
  EXPECT_NEAR(smoothed[25], 100, 4);
}

TEST(AlongPathSmoother, neverGoesBackAndFillsFixesWithoutAPosition) {
  std::vector<AlongPathObservation> points;
  for (int k = 0; k < 20; ++k) {
    AlongPathObservation o;
    o.time_s = k;
    o.s_m = k % 3 == 1 ? NAN : 8.0 * k + (k % 2 == 0 ? 6 : -6);  // zig-zag projections, some missing
    o.sigma_m = 5;
    points.push_back(o);
  }
  AlongPathSmoother smoother;
  std::vector<double> smoothed;
  smoother.smooth(points, AlongPathModel{}, smoothed);
  for (std::size_t k = 1; k < smoothed.size(); ++k) EXPECT_GE(smoothed[k], smoothed[k - 1]);
  EXPECT_NEAR(smoothed[10], 80, 6);  // a missing projection, estimated from its neighbours
}

TEST(AlongPathSmoother, emptyAndSingle) {
  AlongPathSmoother smoother;
  std::vector<double> smoothed{1, 2, 3};
  smoother.smooth({}, AlongPathModel{}, smoothed);
  EXPECT_TRUE(smoothed.empty());
  AlongPathObservation one;
  one.s_m = 42;
  smoother.smooth(std::span<const AlongPathObservation>(&one, 1), AlongPathModel{}, smoothed);
  ASSERT_EQ(smoothed.size(), 1u);
  EXPECT_DOUBLE_EQ(smoothed[0], 42);
}

// The smoother sizes its output without zeroing it first (every entry is written): a smoother and
// an output vector used before for a longer piece must give exactly a fresh pair's answer.
TEST(AlongPathSmoother, aReusedSmootherAndOutputAnswerAsFreshOnes) {
  AlongPathSmoother reused;
  std::vector<double> reused_out;
  for (const int n : {50, 20, 35, 3, 60}) {
    std::vector<AlongPathObservation> points;
    for (int k = 0; k < n; ++k) {
      AlongPathObservation o;
      o.time_s = k;
      o.s_m = k % 4 == 2 ? NAN : 9.0 * k + (k % 2 == 0 ? n % 7 : -3.5);
      o.sigma_m = 4;
      o.speed_mps = k % 5 == 0 ? NAN : 9;
      points.push_back(o);
    }
    reused.smooth(points, AlongPathModel{}, reused_out);
    AlongPathSmoother fresh;
    std::vector<double> fresh_out;
    fresh.smooth(points, AlongPathModel{}, fresh_out);
    ASSERT_EQ(reused_out.size(), fresh_out.size()) << n;
    for (std::size_t k = 0; k < fresh_out.size(); ++k) EXPECT_EQ(reused_out[k], fresh_out[k]) << n << " " << k;
  }
}

}  // namespace
}  // namespace drivelog::match
