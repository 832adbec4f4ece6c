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

TEST(HmmProbabilities, transitionTermsNeverRaiseAScore) {
  // The Viterbi step skips a predecessor whose score before its transition does not beat the best
  // so far (Matcher::connect_column_from): sound only while every transition term is <= 0, so
  // that adding it to a score can only lower it, in floating point too.
  for (const double route : {0.0, 1e-9, 0.3, 7.0, 55.5, 1e4, 1e9}) {
    for (const double great_circle : {0.0, 1e-9, 0.3, 7.0, 55.5, 1e4}) {
      for (const double inverse_beta : {1e-3, 0.2, 1.0, 10.0}) {
        const double t = HmmProbabilities::transition_log_relative(route, great_circle, inverse_beta);
        EXPECT_LE(t, 0.0);
        for (const double score : {-1e6, -3.25, -1e-12, 0.0}) EXPECT_LE(score + t, score);
      }
    }
  }
  for (const double tan_half : {0.0, 0.1, 1.0, 1e3}) {
    for (const double speed : {0.0, 5.0, 30.0, 90.0}) {
      EXPECT_LE(HmmProbabilities::turn_speed_log(tan_half, speed, 10, 3), 0.0);
    }
  }
}

TEST(HmmProbabilities, angleBetweenWrapsAround) {
  EXPECT_NEAR(HmmProbabilities::angle_between_deg(350, 10), 20, 1e-9);
  EXPECT_NEAR(HmmProbabilities::angle_between_deg(10, 190), 180, 1e-9);
  EXPECT_NEAR(HmmProbabilities::angle_between_deg(-90, 270), 0, 1e-9);
}

TEST(HmmProbabilities, angleBetweenVectorsAgreesWithBearingsAllRound) {
  constexpr double kDegToRad = 3.14159265358979323846 / 180;
  for (double a = 0; a < 360; a += 7.5) {
    for (double b = 0; b < 360; b += 11.25) {
      // Vectors (east, north) of different lengths for bearings a and b.
      const double angle = HmmProbabilities::angle_between_vectors_deg(
          3 * std::sin(a * kDegToRad), 3 * std::cos(a * kDegToRad), 0.5 * std::sin(b * kDegToRad), 0.5 * std::cos(b * kDegToRad));
      EXPECT_NEAR(angle, HmmProbabilities::angle_between_deg(a, b), 1e-3) << a << " " << b;
    }
  }
  EXPECT_EQ(HmmProbabilities::angle_between_vectors_deg(0, 0, 1, 0), 0);  // no direction: no disagreement
}

TEST(HmmProbabilities, headingPenalisesOppositeDirection) {
  EXPECT_EQ(HmmProbabilities::heading_log(90, 90, 45), 0);
  EXPECT_LT(HmmProbabilities::heading_log(90, 270, 45), HmmProbabilities::heading_log(90, 100, 45));
}

TEST(HmmProbabilities, turnSpeedLogPricesOnlyTurnsNoCarCouldMake) {
  constexpr double kRadius = 15, kLateral = 6;
  const auto tan_half = [](double degrees) { return std::tan(degrees / 2 * 3.14159265358979 / 180); };
  // A right angle at 20 km/h (5.6 m/s needs 2 m/s^2 on a 15 m corner): free.
  EXPECT_EQ(HmmProbabilities::turn_speed_log(tan_half(90), 20 / 3.6, kRadius, kLateral), 0.0);
  // The same at 85 km/h (37 m/s^2): as much as a turn can cost.
  EXPECT_EQ(HmmProbabilities::turn_speed_log(tan_half(90), 85 / 3.6, kRadius, kLateral), -HmmProbabilities::kMaxTurnLog);
  // A 5 degree bend at a motorway exit at 120 km/h (5.0 m/s^2): free; at 20 degrees a little.
  EXPECT_EQ(HmmProbabilities::turn_speed_log(tan_half(5), 120 / 3.6, kRadius, kLateral), 0.0);
  const double twenty = HmmProbabilities::turn_speed_log(tan_half(20), 120 / 3.6, kRadius, kLateral);
  EXPECT_LT(twenty, 0.0);
  EXPECT_GT(twenty, -HmmProbabilities::kMaxTurnLog);
  // Straight on, or switched off: nothing.
  EXPECT_EQ(HmmProbabilities::turn_speed_log(0, 40, kRadius, kLateral), 0.0);
  EXPECT_EQ(HmmProbabilities::turn_speed_log(tan_half(90), 40, kRadius, 0), 0.0);
}

TEST(HmmProbabilities, tanHalfAngleOfUnitDirections) {
  EXPECT_NEAR(HmmProbabilities::tan_half_angle(0, 1, 0, 1), 0, 1e-12);                 // straight on
  EXPECT_NEAR(HmmProbabilities::tan_half_angle(0, 1, 1, 0), 1, 1e-12);                 // a right angle: tan 45
  EXPECT_NEAR(HmmProbabilities::tan_half_angle(0, 1, -1, 0), 1, 1e-12);                // either side
  const double c = std::cos(0.5), s = std::sin(0.5);                                  // 28.6 degrees
  EXPECT_NEAR(HmmProbabilities::tan_half_angle(0, 1, s, c), std::tan(0.25), 1e-12);
  EXPECT_GT(HmmProbabilities::tan_half_angle(0, 1, 0, -1), 100);                       // turning round
}

}  // namespace drivelog::match
