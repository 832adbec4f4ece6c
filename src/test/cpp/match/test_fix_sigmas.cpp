#include "match/fix_sigmas.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace drivelog::match {
namespace {

// Fixes a second apart reporting these accuracies (NaN: none).
std::vector<TracePoint> fixes(const std::vector<float>& accuracies) {
  std::vector<TracePoint> points;
  for (std::size_t k = 0; k < accuracies.size(); ++k) {
    TracePoint p;
    p.time_s = 1795161600.0 + static_cast<double>(k);
    p.accuracy_m = accuracies[k];
    points.push_back(p);
  }
  return points;
}

std::vector<double> sigmas_of(const std::vector<float>& accuracies, const MatchConfig& config = {}) {
  const std::vector<TracePoint> points = fixes(accuracies);
  FixSigmas sigmas;
  sigmas.compute(points, config);
  std::vector<double> out;
  for (std::size_t i = 0; i < sigmas.size(); ++i) out.push_back(sigmas[i]);
  return out;
}

TEST(FixSigmas, aWobblingAccuracyIsSteadied) {
  // A receiver's figure moving by a quarter either way from fix to fix, the error under it the same.
  const std::vector<float> wobbling = {4.2F, 6.3F, 5.1F, 4.0F, 6.5F, 5.6F, 4.4F, 6.1F, 4.9F, 5.8F,
                                       4.1F, 6.4F, 5.0F, 4.6F, 6.2F, 5.3F, 4.3F, 6.0F, 5.5F, 4.8F};
  const std::vector<double> sigmas = sigmas_of(wobbling);
  const auto [lowest, highest] = std::minmax_element(sigmas.begin(), sigmas.end());
  EXPECT_LT(*highest / *lowest, 1.15);  // the figures themselves: 6.5 / 4.0 = 1.6
  for (double s : sigmas) EXPECT_NEAR(s, 5.2, 0.5);
}

TEST(FixSigmas, aFixDistinctlyWorseThanItsNeighboursKeepsItsOwnFigure) {
  const std::vector<double> sigmas = sigmas_of({5, 5, 5, 5, 5, 30, 5, 5, 5, 5, 5});
  EXPECT_DOUBLE_EQ(sigmas[5], 30);
  for (std::size_t i = 0; i < sigmas.size(); ++i) {
    if (i != 5) {
      EXPECT_DOUBLE_EQ(sigmas[i], 5) << i;
    }
  }
}

TEST(FixSigmas, aLastingChangeIsFollowed) {
  // Into an urban canyon: the receiver reports 20 m from the 11th fix on.
  std::vector<float> accuracies(10, 5.0F);
  accuracies.insert(accuracies.end(), 10, 20.0F);
  const std::vector<double> sigmas = sigmas_of(accuracies);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_DOUBLE_EQ(sigmas[i], 5) << i;
  for (std::size_t i = 15; i < 20; ++i) EXPECT_DOUBLE_EQ(sigmas[i], 20) << i;
}

TEST(FixSigmas, withoutAReportedAccuracyTheConfiguredSigmaApplies) {
  MatchConfig config;
  config.sigma_m = 7;
  for (double s : sigmas_of({NAN, NAN, NAN}, config)) EXPECT_DOUBLE_EQ(s, 7);
  // A fix without a figure among fixes with one: the configured sigma, nothing borrowed.
  EXPECT_DOUBLE_EQ(sigmas_of({4, NAN, 4}, config)[1], 7);
  config.use_reported_accuracy = false;
  for (double s : sigmas_of({4, 5, 30}, config)) EXPECT_DOUBLE_EQ(s, 7);
}

TEST(FixSigmas, reportedFiguresAreClampedAsFixSigmaSays) {
  MatchConfig config;
  for (double s : sigmas_of({0.5F, 0.5F, 0.5F}, config)) EXPECT_DOUBLE_EQ(s, config.min_sigma_m);
}

}  // namespace
}  // namespace drivelog::match
