#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <vector>

#include "detect/curve_speed_bound.hpp"

namespace drivelog::detect {
namespace {

const KinematicLimits kCar{3.7, 3.6};

// A drive along a straight path: speed v(s)^2 = floor^2 + 2 a |s - dip| (braking into the dip at
// `brake`, accelerating out at `accel`, never faster than `cruise`), sampled at fixes every
// `interval_s` seconds; the fixes' positions off by up to `error_m`.
struct DipDrive {
  double cruise, floor, dip_m, brake, accel;
  [[nodiscard]] double speed_at(double s) const {
    const double rate = s < dip_m ? brake : accel;
    return std::min(cruise, std::sqrt(floor * floor + 2 * rate * std::abs(s - dip_m)));
  }
  [[nodiscard]] double slowest_between(double from_m, double to_m) const {
    double slowest = 1e9;
    for (double s = from_m; s <= to_m; s += 0.1) slowest = std::min(slowest, speed_at(s));
    return slowest;
  }
  std::vector<BoundFix> fixes(double interval_s, double error_m, double placement_m, bool speeds, std::mt19937& rng) const {
    std::uniform_real_distribution<double> err(-error_m, error_m);
    std::vector<BoundFix> out;
    double s = 0, t = 0, next = 0;
    const double ds = 0.05;
    while (s < dip_m * 2) {
      if (t >= next) {
        out.push_back(BoundFix{s + err(rng), t, placement_m, speeds ? speed_at(s) : NAN});
        next += interval_s;
      }
      t += ds / speed_at(s);
      s += ds;
    }
    return out;
  }
};

}  // namespace

TEST(CurveSpeedBound, leastTimeFallsWithTheSpeedAtThePoint) {
  double previous = least_time_s(0, 50, 50, NAN, NAN, kCar);
  EXPECT_NEAR(previous, std::sqrt(2 * 50 / 3.7) + std::sqrt(2 * 50 / 3.6), 1e-9);  // from a standstill
  for (double v = 1; v < 30; v += 1) {
    const double t = least_time_s(v, 50, 50, NAN, NAN, kCar);
    EXPECT_LT(t, previous);
    previous = t;
  }
}

TEST(CurveSpeedBound, aCarThatCouldHaveStoppedProvesNothing) {
  // 40 m in 10 s: it may have stopped at the point and started again.
  EXPECT_EQ(lowest_speed_between_mps(10, 20, 20, NAN, NAN, kCar), 0);
}

TEST(CurveSpeedBound, aSteadyCarIsBoundedBelowItsSpeedByTheRatesAndPlacement) {
  // At a steady v0 with the fixes tau seconds either side, the bound is v0 - a tau / 2 - slack / tau
  // (equal rates): never more than v0 - sqrt(2 a slack), whatever the fixes' interval.
  const KinematicLimits equal{3.6, 3.6};
  const double v0 = 20, slack = 15;
  double best = 0;
  for (double tau = 0.5; tau <= 6; tau += 0.5) {
    const double x = v0 * tau - slack;
    if (x <= 0) continue;
    const double v = lowest_speed_between_mps(2 * tau, x, x, NAN, NAN, equal);
    EXPECT_NEAR(v, v0 - 3.6 * tau / 2 - slack / tau, 1e-6) << tau;
    best = std::max(best, v);
  }
  EXPECT_LE(best, v0 - std::sqrt(2 * 3.6 * slack) + 1e-6);
}

// Over 300 random drives (`drive`, sampled by `sample`), the bound over the core never exceeds the
// slowest true speed there; returns for how many it proved anything.
static int proven_never_above(uint32_t seed, const std::function<DipDrive(std::mt19937&)>& drive,
                              const std::function<std::vector<BoundFix>(const DipDrive&, int, std::mt19937&)>& sample,
                              double core_start, double core_end, const BoundSettings& settings) {
  std::mt19937 rng(seed);
  int proven = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const DipDrive d = drive(rng);
    const CoreBound b = core_speed_bound(sample(d, trial, rng), core_start, core_end, settings, 0, {});
    EXPECT_LE(b.mps, d.slowest_between(core_start, core_end) + 1e-6) << "trial " << trial;
    if (b.mps > 0) ++proven;
  }
  return proven;
}

TEST(CurveSpeedBound, neverAboveTheTrueSpeedOfACarWithinTheLimits) {
  const auto drive = [](std::mt19937& rng) {
    std::uniform_real_distribution<double> u(0, 1);
    return DipDrive{12 + 25 * u(rng), 2 + 25 * u(rng), 300, 1 + 2.7 * u(rng), 1 + 2.6 * u(rng)};
  };
  const auto sample = [](const DipDrive& d, int trial, std::mt19937& rng) {
    return d.fixes(trial % 3 == 0 ? 1 : 5, 10, 10, trial % 2 == 0, rng);
  };
  EXPECT_GT(proven_never_above(7, drive, sample, 280, 320, BoundSettings{kCar, 0.5, 12}), 30);  // and it does prove something often
}

TEST(CurveSpeedBound, reportedSpeedsInsideTheCoreProveTheCoreFastWhenTwoAgree) {
  // 0.2 Hz: fixes in the core (at 120 and 130 m of a 20 m core) reporting 25 m/s, the others far.
  const std::vector<BoundFix> fixes{{0, 0, 15, 25}, {120, 4.8, 15, 25}, {130, 5.2, 15, 25}, {250, 10, 15, 25}};
  const CoreBound b = core_speed_bound(fixes, 115, 135, BoundSettings{kCar, 1, 12}, 0, {});
  // Each bounds the farthest core point, 15 m off plus 15.5 m of placement, at
  // sqrt(24^2 - 2 x 3.7 x 30.5) at least (pairs with the speeds as caps may prove more).
  EXPECT_GE(b.mps, std::sqrt(24.0 * 24 - 2 * 3.7 * 30.5) - 0.01);
  EXPECT_LE(b.mps, 25);
  // One such fix alone (its neighbours without speeds, and 20 s apart) proves nothing: it may be an
  // outlier.
  const std::vector<BoundFix> one{{0, 0, 15, NAN}, {125, 5, 15, 25}, {250, 20, 15, NAN}};
  EXPECT_EQ(core_speed_bound(one, 115, 135, BoundSettings{kCar, 1, 12}, 0, {}).mps, 0);
  // Without the speeds only the fixes' times remain: less is proven.
  std::vector<BoundFix> bare = fixes;
  for (BoundFix& f : bare) f.speed_mps = NAN;
  const CoreBound timed = core_speed_bound(bare, 115, 135, BoundSettings{kCar, 1, 12}, 0, {});
  EXPECT_LT(timed.mps, b.mps);
  EXPECT_FALSE(timed.from_speed);
}

TEST(CurveSpeedBound, aDetourOfTheMatchedPathProvesNoMoreThanTheStraightLine) {
  // Fixes (two at each end) 5 s apart with 200 m of matched path between them (a detour the car
  // need not have driven) but only 60 m apart as the crow flies: 49 m after placement, which a car
  // can cover in 5 s through p at 5.2 m/s.
  const std::vector<BoundFix> fixes{{0, 0, 5, NAN}, {0, 0.01, 5, NAN}, {200, 5, 5, NAN}, {200, 5.01, 5, NAN}};
  const auto path_only = core_speed_bound(fixes, 95, 105, BoundSettings{kCar, 1, 12}, 0, {});
  EXPECT_GT(path_only.mps, 15);  // 200 m in 5 s, taken at its word
  const auto straight = [](std::size_t, double) { return 30.0; };
  EXPECT_NEAR(core_speed_bound(fixes, 95, 105, BoundSettings{kCar, 1, 12}, 0, straight).mps, 5.24, 0.02);
}

TEST(CurveSpeedBound, oneOutlierFixProvesNothing) {
  // 1 Hz at a steady 10 m/s, but the fix at 3 s is 100 m ahead (an urban canyon's reflection with
  // a 5 m accuracy): every pair with it claims a fast core; none without it does.
  std::vector<BoundFix> fixes;
  for (int i = 0; i <= 6; ++i) fixes.push_back(BoundFix{10.0 * i + (i == 3 ? 100 : 0), static_cast<double>(i), 5, NAN});
  EXPECT_EQ(core_speed_bound(fixes, 25, 35, BoundSettings{kCar, 1, 12}, 9, {}).mps, 0);
}

TEST(CurveSpeedBound, fixesTooFarApartInTimeBoundNothing) {
  const std::vector<BoundFix> fixes{{0, 0, 15, NAN}, {400, 15, 15, NAN}};
  EXPECT_EQ(core_speed_bound(fixes, 190, 210, BoundSettings{kCar, 1, 12}, 0, {}).mps, 0);
}

}  // namespace drivelog::detect

namespace drivelog::detect {

// The settings the stop-sign rule uses at 0.2 Hz (detect/stop_signs.cpp): points within a fix's
// placement of it bounded too, and a car no faster between two fixes than the faster of them.
static BoundSettings sparse_settings(double peak_over_fixes_mps) {
  BoundSettings s{kCar, 0.5, 12};
  s.one_fix_may_lie = false;
  s.near_fix_pairs = true;
  s.peak_over_fixes_mps = peak_over_fixes_mps;
  return s;
}

TEST(CurveSpeedBound, withTheSparseSettingsNeverAboveTheTrueSpeedOfACarWithinTheLimits) {
  // As above, with speeds: the drive slows into a dip and away from it, never faster than its
  // cruise, so between two fixes never faster than the faster of them (a ceiling 0 over them holds).
  const auto drive = [](std::mt19937& rng) {
    std::uniform_real_distribution<double> u(0, 1);
    return DipDrive{8 + 12 * u(rng), 0.5 + 7 * u(rng), 300, 1 + 2.7 * u(rng), 1 + 2.6 * u(rng)};
  };
  const auto sample = [](const DipDrive& d, int, std::mt19937& rng) { return d.fixes(5, 5, 5.5, true, rng); };
  EXPECT_GT(proven_never_above(11, drive, sample, 270, 315, sparse_settings(0)), 30);
}

TEST(CurveSpeedBound, aSteadyCarSeenEveryFiveSecondsIsProvenMovingOnlyWithTheSparseSettings) {
  // 40 km/h (11.1 m/s), a fix every 5 s (55.6 m), placement 5 m: each point near a fix was bounded
  // by that fix's speed alone (a car at 40 km/h can stop in 11 m), so the whole 45 m stop zone
  // proved nothing. Bounded also by the pairs either side of the fix (the car, had it stopped by
  // the fix, could not have regained 40 km/h in time), with no car faster than 10 km/h over the
  // faster fix, every point is proven moving.
  std::vector<BoundFix> fixes;
  for (int i = 0; i < 6; ++i) fixes.push_back(BoundFix{-117 + 55.6 * i, 5.0 * i, 5, 11.1});
  BoundSettings plain{kCar, 0.5, 12};
  plain.one_fix_may_lie = false;
  EXPECT_EQ(core_speed_bound(fixes, -30, 15, plain, 0, {}).mps, 0);
  EXPECT_GT(core_speed_bound(fixes, -30, 15, sparse_settings(10 / 3.6), 0, {}).mps, 2);
}

}  // namespace drivelog::detect
