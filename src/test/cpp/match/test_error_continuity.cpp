#include "match/error_continuity.hpp"

#include <gtest/gtest.h>

namespace drivelog::match {
namespace {

// An error (in sigmas) beside a road running east, or north.
ErrorSample beside_east_road(float north) { return ErrorSample{0, north, 1, 0}; }
ErrorSample beside_north_road(float east) { return ErrorSample{east, 0, 0, 1}; }

TEST(ErrorContinuity, withoutCorrelationEachFixCountsAlone) {
  const ErrorContinuity independent(0.0, 4);
  const ErrorSample before = beside_east_road(2), now = beside_east_road(-1.5F);
  EXPECT_DOUBLE_EQ(independent.log_likelihood(before, now), now.independent_log());
  EXPECT_FALSE(independent.correlated());
}

TEST(ErrorContinuity, aSteadyBiasCostsLittleWhereIndependentFixesWouldCostMuch) {
  // 2 sigma beside the road, fix after fix: as independent evidence 2 nats each; as the same bias
  // carried on, almost nothing.
  const ErrorContinuity continuity(0.95, 4);
  const ErrorSample before = beside_east_road(2), now = beside_east_road(2);
  EXPECT_NEAR(now.independent_log(), -2.0, 1e-9);
  EXPECT_GT(continuity.log_likelihood(before, now), -0.1);
}

TEST(ErrorContinuity, aSteadyBiasInMetresCostsLittleWhileTheReportedAccuracyWobbles) {
  // 10 m north of the road at both fixes; the receiver reported 4 m, then 6 m. In the previous
  // fix's sigmas the bias was 2.5, in this one's 1.67: the same metres, not a change of the error.
  const double sigma_before = 4, sigma_now = 6;
  const ErrorContinuity continuity(0.95, 4, sigma_before / sigma_now);
  const ErrorSample before = beside_east_road(static_cast<float>(10 / sigma_before));
  const ErrorSample now = beside_east_road(static_cast<float>(10 / sigma_now));
  EXPECT_GT(continuity.log_likelihood(before, now), -0.1);
  // Carried in sigmas (the ratio left at 1) the same fixes would pay as if the error had moved 4 m.
  const ErrorContinuity in_sigmas(0.95, 4);
  EXPECT_LT(in_sigmas.log_likelihood(before, now), -2.0);
}

TEST(ErrorContinuity, aChangeOfTheBiasInMetresIsBilledWhateverTheSigmasSay) {
  // 2 sigmas at both fixes, but 8 m then 12 m: the error moved 4 m across the road in a second.
  const ErrorContinuity continuity(0.95, 4, 4.0 / 6.0);
  EXPECT_LT(continuity.log_likelihood(beside_east_road(2), beside_east_road(2)), -2.0);
}

TEST(ErrorContinuity, aJumpAcrossTheRoadCostsTheIndependentTermAndTheJump) {
  // The error cannot move 3 sigma in one step by wandering: the fix re-drew it (jump_log) or the
  // road is the wrong one. This is what makes hopping onto the parallel road beside expensive.
  const ErrorContinuity continuity(0.95, 4);
  const ErrorSample before = beside_east_road(1.5F), now = beside_east_road(-1.5F);
  EXPECT_NEAR(continuity.log_likelihood(before, now), now.independent_log() - 4, 1e-9);
}

TEST(ErrorContinuity, aRightAngleTurnPredictsNothingAcrossTheNewRoad) {
  // Beside a road running east the error seen is its north part; after turning north, the part
  // across the new road is the east part, which nobody saw: judged as if independent.
  const ErrorContinuity continuity(0.95, 4);
  const ErrorSample before = beside_east_road(2), now = beside_north_road(1.2F);
  EXPECT_NEAR(continuity.log_likelihood(before, now), now.independent_log(), 1e-6);
}

TEST(ErrorContinuity, theSignOfTheOffsetCounts) {
  // Carried on, a bias to the north stays to the north: the same distance on the other side is a jump.
  const ErrorContinuity continuity(0.95, 10);
  const ErrorSample before = beside_east_road(1);
  EXPECT_GT(continuity.log_likelihood(before, beside_east_road(1)), continuity.log_likelihood(before, beside_east_road(-1)) + 5);
}

TEST(ErrorContinuity, rhoFollowsTheShareOfNewErrorAndTheTimeBetweenFixes) {
  EXPECT_DOUBLE_EQ(ErrorContinuity::rho_for(1, 1.0, 15), 0.0);   // independent fixes
  EXPECT_DOUBLE_EQ(ErrorContinuity::rho_for(1, 0.0, 0), 0.0);    // correlation switched off
  EXPECT_NEAR(ErrorContinuity::rho_for(1, 0.0, 15), std::exp(-1.0 / 15), 1e-12);
  EXPECT_NEAR(ErrorContinuity::rho_for(30, 0.5, 15), 0.5 * std::exp(-2.0), 1e-12);
  EXPECT_LT(ErrorContinuity::rho_for(60, 0.0, 15), ErrorContinuity::kNegligibleRho);  // a minute apart: afresh
}

}  // namespace
}  // namespace drivelog::match

namespace drivelog::match {

TEST(RhoMemo, answersAsRhoForWhateverChangesBetweenSteps) {
  // Steady steps, a gap, a change of share or correlation, a step back to the first, zero and a
  // negative time: the same answer as asking ErrorContinuity each time.
  RhoMemo memo;
  struct Ask {
    double dt_s, share, correlation_s;
  };
  for (const Ask& a : {Ask{1, 0.3, 20}, Ask{1, 0.3, 20}, Ask{1, 0.3, 20}, Ask{7.5, 0.3, 20}, Ask{1, 0.3, 20},
                       Ask{1, 0.8, 20}, Ask{1, 0.8, 60}, Ask{1, 0.8, 0}, Ask{0, 0.8, 60}, Ask{-0.0, 0.8, 60},
                       Ask{-1, 0.8, 60}, Ask{1, 0.3, 20}}) {
    EXPECT_EQ(memo.rho_for(a.dt_s, a.share, a.correlation_s), ErrorContinuity::rho_for(a.dt_s, a.share, a.correlation_s))
        << a.dt_s << " " << a.share << " " << a.correlation_s;
  }
}

}  // namespace drivelog::match
