#include "match/hmm_probabilities.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace drivelog::match {

TEST(HmmProbabilities, emissionIsGaussianDensity) {
  // N(0; 0, 1) = 1/sqrt(2 pi)
  EXPECT_NEAR(HmmProbabilities::emission_log(0, 1), -0.5 * std::log(2 * M_PI), 1e-12);
  EXPECT_NEAR(HmmProbabilities::emission_log(10, 5) - HmmProbabilities::emission_log(0, 5), -2.0, 1e-12);
}

TEST(HmmProbabilities, emissionPrefersCloserCandidates) {
  EXPECT_GT(HmmProbabilities::emission_log(3, 5), HmmProbabilities::emission_log(12, 5));
}

TEST(HmmProbabilities, transitionIsExponentialInRouteDifference) {
  const double same = HmmProbabilities::transition_log(100, 100, 5);
  EXPECT_NEAR(same, -std::log(5.0), 1e-12);
  EXPECT_NEAR(HmmProbabilities::transition_log(110, 100, 5) - same, -2.0, 1e-12);
  EXPECT_NEAR(HmmProbabilities::transition_log(90, 100, 5) - same, -2.0, 1e-12);
}

TEST(HmmProbabilities, angleBetweenWrapsAround) {
  EXPECT_NEAR(HmmProbabilities::angle_between_deg(350, 10), 20, 1e-9);
  EXPECT_NEAR(HmmProbabilities::angle_between_deg(10, 190), 180, 1e-9);
  EXPECT_NEAR(HmmProbabilities::angle_between_deg(-90, 270), 0, 1e-9);
}

TEST(HmmProbabilities, headingPenalisesOppositeDirection) {
  EXPECT_EQ(HmmProbabilities::heading_log(90, 90, 45), 0);
  EXPECT_LT(HmmProbabilities::heading_log(90, 270, 45), HmmProbabilities::heading_log(90, 100, 45));
}

}  // namespace drivelog::match
