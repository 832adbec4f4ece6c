#include <cmath>

#include <gtest/gtest.h>

#include "detect_scenario.hpp"
#include "map/geo.hpp"

namespace drivelog::detect {
namespace {

using scenario::Drive;
using scenario::Scenario;
using scenario::StopSpec;
using scenario::way;
using test::analyse;

// A road with a stop sign at S for traffic from A (the way's direction), and a cross road at S.
class StopSign : public ::testing::Test {
 protected:
  StopSign()
      : s_(R"(
                    N
                    |
                    |
A-------------------S-------------------B
                    |
                    |
                    T
)",
           10, {way("ASB", 1, "Minor Road"), way("NST", 2, "Major Road")}, {StopSpec{'S', map::StopDirection::forward}}) {}
  Scenario s_;
};

}  // namespace

TEST_F(StopSign, drivingThroughWithoutStoppingIsAViolation) {
  Drive d(s_, 1, 1);
  d.noise(3).start_at('A').to("SB", 30);
  const auto out = analyse(s_, d);
  const auto found = out.of(ViolationType::stop_sign);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(test::evidence(found[0], "min_speed_kmh"), 30, 1);
  EXPECT_EQ(test::evidence(found[0], "stop_osm_node_id"), scenario::node_id('S'));
  EXPECT_NEAR(found[0].lat, s_.coord('S').lat(), 1e-6);
  EXPECT_EQ(out.detections.stop_signs.passed, 1u);
  EXPECT_EQ(out.detections.stop_signs.violations, 1u);
}

TEST_F(StopSign, stoppingAtTheLineIsNoViolation) {
  Drive d(s_, 1, 2);
  d.noise(3).start_at('A').to("S", 30).wait(3).to("B", 30);
  const auto out = analyse(s_, d);
  EXPECT_TRUE(out.of(ViolationType::stop_sign).empty());
  EXPECT_EQ(out.detections.stop_signs.passed, 1u);
  EXPECT_EQ(out.detections.stop_signs.stopped, 1u);
}

TEST_F(StopSign, waitingWithGpsJitterIsAStopAndNotMovement) {
  Drive d(s_, 1, 3);
  d.noise(3).start_at('A').toward('S', 0.95, 30).wait(40, 4).to("SB", 30);
  const auto out = analyse(s_, d);
  EXPECT_TRUE(out.of(ViolationType::stop_sign).empty());
  EXPECT_TRUE(out.of(ViolationType::wrong_way).empty());
  EXPECT_TRUE(out.of(ViolationType::turn_restriction).empty());
  EXPECT_EQ(out.detections.stop_signs.stopped, 1u);
}

TEST_F(StopSign, signForTheOtherDirectionDoesNotApply) {
  Drive d(s_, 1, 4);
  d.noise(3).start_at('B').to("SA", 30);
  const auto out = analyse(s_, d);
  EXPECT_TRUE(out.of(ViolationType::stop_sign).empty());
  EXPECT_EQ(out.detections.stop_signs.passed, 0u);
}

TEST_F(StopSign, tooSparseDataIsUndecidedNotAViolation) {
  Drive d(s_, 0.2, 5);  // a fix every 5 s
  d.noise(3).start_at('A').to("SB", 30);
  const auto out = analyse(s_, d);
  EXPECT_TRUE(out.of(ViolationType::stop_sign).empty());
  EXPECT_EQ(out.detections.stop_signs.undecided, 1u);
}

TEST_F(StopSign, derivedSpeedsFindTheViolationToo) {
  Drive d(s_, 1, 6);
  d.report_speed(false).noise(2).start_at('A').to("SB", 35);
  EXPECT_EQ(analyse(s_, d).of(ViolationType::stop_sign).size(), 1u);
  Drive stopping(s_, 1, 7);
  stopping.report_speed(false).noise(2).start_at('A').to("S", 35).wait(4, 1).to("B", 35);
  EXPECT_TRUE(analyse(s_, stopping).of(ViolationType::stop_sign).empty());
}

}  // namespace drivelog::detect

namespace drivelog::detect {

TEST_F(StopSign, slowingOnlyPastTheLineForTheTurnIsAViolation) {
  // 25 km/h over the line and on for 10 m, then slowly into the cross road at 7 km/h: no stop
  // before the line, only slow fixes past it.
  Drive d(s_, 1, 11);
  d.noise(2).start_at('A').to("S", 25).toward('N', 1.0 / 3, 25).to("N", 7);
  const auto out = analyse(s_, d);
  EXPECT_EQ(out.of(ViolationType::stop_sign).size(), 1u);
}

TEST_F(StopSign, rollingThroughAt20KmhWithNoisyFixesIsAlwaysAViolation) {
  // 5.6 m between fixes, GPS noise 5 m: two fixes either side of the line are often a metre apart,
  // which as a mean speed says "stopped". The receiver's reported speeds say 20 km/h and decide.
  int found = 0;
  constexpr int kDrives = 30;
  for (uint32_t seed = 1; seed <= kDrives; ++seed) {
    Drive d(s_, 1, 100 + seed);
    d.noise(5).start_at('A').to("SB", 20);
    found += static_cast<int>(analyse(s_, d).of(ViolationType::stop_sign).size());
  }
  EXPECT_EQ(found, kDrives);
}

TEST_F(StopSign, turningRoundAtTheLineIsNotPassingTheSign) {
  Drive d(s_, 1, 8);
  d.start_at('A').to("S", 30).to("A", 30);
  const auto out = analyse(s_, d);
  EXPECT_TRUE(out.of(ViolationType::stop_sign).empty());
  EXPECT_EQ(out.detections.stop_signs.passed, 0u);
}

TEST_F(StopSign, stopHiddenInAReceiverGapAtTheLineIsUndecidedWhereverTheFixesArePlaced) {
  // The car stands 12 s at the line while the receiver is silent, and reappears pulling away. A
  // receiver error of 8 m backwards along the road places the first fix after the gap before the
  // line, so the two fixes straddling the line as placed are a second apart and both fast: judged by
  // them alone this was a violation (found on simulated legal drives in three towns).
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    Drive d(s_, 1, seed);
    d.noise(1).bias(-8, 0).start_at('A').toward('S', 0.999, 30).gap_next(12.8).wait(12).to("SB", 30);
    const auto out = analyse(s_, d);
    EXPECT_TRUE(out.of(ViolationType::stop_sign).empty()) << "seed " << seed;
    EXPECT_EQ(out.detections.stop_signs.passed, 1u) << "seed " << seed;
  }
}

TEST_F(StopSign, stopHiddenInAGapThatBreaksThePathIsUndecided) {
  // The car brakes to the line as a 90 s receiver gap begins (a garage's entrance, a tunnel), stands
  // there and pulls away after it. A receiver error of 6 m ahead along the road places the last fix
  // before the gap at or past the line at 15 km/h; the gap is longer than break_gap_s (60 s), so the
  // matched path breaks there and that fix ends its piece: seen from inside the piece no gap
  // followed it, and the fixes straddling the line made a violation (5 of these 8 seeds; found on
  // simulated legal drives at 0.5 Hz, a garage's 232 s gap).
  uint32_t passed = 0;
  for (uint32_t seed = 1; seed <= 8; ++seed) {
    Drive d(s_, 1, seed);
    d.noise(0.5).bias(6, 0).start_at('A').toward('S', 0.9, 30).toward('S', 0.999, 15).gap_next(90.8).wait(90).to("SB", 30);
    const auto out = analyse(s_, d);
    EXPECT_TRUE(out.of(ViolationType::stop_sign).empty()) << "seed " << seed;
    passed += out.detections.stop_signs.passed;
  }
  // Where the last fix is placed short of the line the path may end before it: no passage. Most
  // seeds place it past.
  EXPECT_GE(passed, 4u);
}

TEST_F(StopSign, noFixNearTheLineIsUndecidedNotAViolation) {
  // Fixes every 2 s at 100 km/h: 55.6 m apart, at 166.7 m and 222.2 m from A; the zone around the
  // line 200 m from A (30 m before, 15 m after) holds none of them.
  Drive d(s_, 0.5, 9);
  d.start_at('A').to("SB", 100);
  const auto out = analyse(s_, d);
  EXPECT_TRUE(out.of(ViolationType::stop_sign).empty());
  EXPECT_EQ(out.detections.stop_signs.undecided, 1u);
}

TEST_F(StopSign, standingWithJitterAtTheLineIsAStopForEverySeed) {
  // Sigma 5 m while braking and standing right at the line: the matched path may wander past the
  // line (into the cross road or on towards B) and back, which inflates path distance; the
  // standing fixes still count because they stay close to the line.
  for (uint32_t seed = 10; seed < 40; ++seed) {
    Drive d(s_, 1, seed);
    d.noise(5).start_at('A').toward('S', 0.9, 30).toward('S', 0.99, 10).wait(3, 5).to("SB", 30);
    const auto out = analyse(s_, d);
    EXPECT_TRUE(out.of(ViolationType::stop_sign).empty()) << "seed " << seed;
  }
}

TEST(StopSignHairpin, standingBesideTheLineAfterDrivingOnIsNoStopAtTheLine) {
  // The car runs the sign at S at 25 km/h, turns down B-D and back west on the road beside, and
  // stands there 10 m south of the line (a queue, a delivery). Every fix since the line lay within
  // after_m (15 m) of S in a straight line, but the speeds say the car drove some 25 m on: a later
  // stop, not one at the line (found on the Pennsylvania extract, where a forbidden turn at a
  // junction 10 m past a sign led onto a road running back beside it).
  const Scenario s(R"(
A-------------S-B
                |
C---------------D
)",
                   5, {way("ASB", 1, "Minor Road"), way("BDC", 2, "Back Road")}, {StopSpec{'S', map::StopDirection::forward}});
  for (uint32_t seed = 1; seed <= 5; ++seed) {
    Drive d(s, 1, seed);
    d.noise(1).start_at('A').to("SBD", 25).toward('C', 0.1, 15).wait(6, 1).to("C", 20);
    const auto out = analyse(s, d);
    ASSERT_EQ(out.of(ViolationType::stop_sign).size(), 1u) << "seed " << seed;
    EXPECT_GE(test::evidence(out.of(ViolationType::stop_sign)[0], "min_speed_kmh"), 14.9) << "seed " << seed;
  }
}

}  // namespace drivelog::detect

namespace drivelog::detect {

TEST_F(StopSign, briefStandstillPlacedPastTheLineWithoutSpeedsIsAStop) {
  // A log without speeds: the car arrives at 15 km/h (200 m from A: at 48 s, on a fix), stands one
  // second at the line and pulls away, while the receiver's error puts every fix 6 m ahead along
  // the road. Its two standing fixes lie past the line (where no fix counts as a dip), collapsed
  // onto one place; their derived (centred) speeds average the standstill with the seconds either
  // side, 7.5 km/h, and this was a violation (as on simulated legal drives, issue 12).
  Drive d(s_, 1, 21);
  d.report_speed(false).bias(6, 0).start_at('A').to("S", 15).wait(1).to("B", 15);
  const auto out = analyse(s_, d);
  EXPECT_TRUE(out.of(ViolationType::stop_sign).empty());
  EXPECT_EQ(out.detections.stop_signs.stopped, 1u);
}

}  // namespace drivelog::detect

namespace drivelog::detect {
namespace {

// A passage over the stop line at S on a log with a fix every 5 s: up to speed on A-S at
// `approach_kmh`, braking at 2.5 m/s^2 to `line_kmh` at the line (0: a stop of `stop_s`), pulling
// away at 2 m/s^2 back to `approach_kmh` towards B. Standing `phase_s` at A first moves where the
// fixes fall along the passage.
Drive sparse_passage(const Scenario& s, uint32_t seed, double phase_s, double approach_kmh, double line_kmh,
                     double stop_s, double hz = 0.2) {
  const double a_mps = approach_kmh / 3.6, v_mps = line_kmh / 3.6;
  const double braking_m = (a_mps * a_mps - v_mps * v_mps) / (2 * 2.5);
  const double line_m = map::geo::distance_m(s.coord('A').lat(), s.coord('A').lon(), s.coord('S').lat(), s.coord('S').lon());
  Drive d(s, hz, seed);
  d.noise(3).start_at('A').wait(phase_s).toward('S', 1 - braking_m / line_m, approach_kmh);
  d.change_speed('S', approach_kmh, line_kmh, 2.5);
  if (stop_s > 0) d.wait(stop_s, 1);
  d.change_speed('B', line_kmh, approach_kmh, 2).to("B", approach_kmh);
  return d;
}

// The stop-sign outcomes of the passage over every phase of the 5 s between fixes (0.5 s steps).
struct PhaseCount {
  int violations = 0, stopped = 0, undecided = 0;
};
PhaseCount over_phases(const Scenario& s, double approach_kmh, double line_kmh, double stop_s, double hz = 0.2) {
  PhaseCount c;
  for (int i = 0; i < static_cast<int>(std::lround(2 / hz)); ++i) {
    const auto out = analyse(s, sparse_passage(s, 40 + i, i * 0.5, approach_kmh, line_kmh, stop_s, hz));
    c.violations += static_cast<int>(out.detections.stop_signs.violations);
    c.stopped += static_cast<int>(out.detections.stop_signs.stopped);
    c.undecided += static_cast<int>(out.detections.stop_signs.undecided);
  }
  return c;
}

}  // namespace

TEST_F(StopSign, sparseFullStopIsNeverAViolationWhereverTheFixesFall) {
  // A fix every 5 s, GPS noise 3 m, reported speeds: a stop of half a second to 3 s after an approach
  // at 30-50 km/h, for every placement of the fixes (0.5 s steps). Most are undecided (the stop may
  // lie between the fixes) or seen stopped; none may be a violation.
  for (double approach : {30.0, 40.0, 50.0}) {
    for (double stop : {0.5, 1.0, 3.0}) {
      const PhaseCount c = over_phases(s_, approach, 0, stop);
      EXPECT_EQ(c.violations, 0) << approach << " km/h, stop " << stop << " s";
      EXPECT_EQ(c.violations + c.stopped + c.undecided, 10);
    }
  }
}

TEST_F(StopSign, sparseDriveThroughIsAViolationWhereTheFixesProveIt) {
  // 60 km/h through the line (200 m from A), a fix every 5 s (83 m apart). Standing 2.5-4.5 s at A
  // first puts the fix of 15 s in the zone (30 m before to 15 m past the line): no stop fits between
  // the fixes at the sparse_* rates, a violation (was undecided: fixes over max_gap_s apart).
  // Standing 0.5-2 s leaves the zone without a fix: undecided, as at 1 Hz.
  for (int half_s = 1; half_s <= 9; ++half_s) {
    Drive d(s_, 0.2, 60 + half_s);
    d.noise(1).start_at('A').wait(half_s * 0.5).to("SB", 60);
    const auto out = analyse(s_, d);
    const auto found = out.of(ViolationType::stop_sign);
    if (half_s < 5) {
      EXPECT_TRUE(found.empty()) << half_s * 0.5 << " s";
      EXPECT_EQ(out.detections.stop_signs.undecided, 1u) << half_s * 0.5 << " s";
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << half_s * 0.5 << " s";
    EXPECT_GE(test::evidence(found[0], "min_speed_kmh"), StopSignConfig{}.sparse_min_speed_kmh);
    EXPECT_LE(test::evidence(found[0], "min_speed_kmh"), 60);
    EXPECT_EQ(test::evidence(found[0], "fix_gap_s"), 5);
  }
}

TEST_F(StopSign, sparseRollingStopsAt12To25KmhStayUndecided) {
  // The simulator's rolling stops (12-25 km/h at the line, from 30-50 km/h): with fixes 5 s apart a
  // car braking at 6 and pulling away at 4 m/s^2 could have stopped between them, so the bound
  // proves no violation (a limit of the rule, measured: docs/BENCHMARKS.md); it must not call them
  // stops either (the rule of thumb for a slowest fix did, lowering it by 2.5 m/s^2 x 2.5 s).
  for (double approach : {30.0, 40.0, 50.0}) {
    for (double line : {12.0, 20.0, 25.0}) {
      const PhaseCount c = over_phases(s_, approach, line, 0);
      EXPECT_EQ(c.stopped, 0) << approach << " -> " << line;
      EXPECT_EQ(c.violations, 0) << approach << " -> " << line;
    }
  }
}

TEST_F(StopSign, sparseFixesOnlyDecideWithTheSparseRule) {
  // The same drive with the rule off (sparse_max_gap_s at max_gap_s) is undecided, as before.
  DetectConfig off;
  off.stop_sign.sparse_max_gap_s = off.stop_sign.max_gap_s;
  Drive d(s_, 0.2, 63);
  d.noise(1).start_at('A').wait(3).to("SB", 60);
  EXPECT_EQ(analyse(s_, d).of(ViolationType::stop_sign).size(), 1u);
  const auto out = analyse(s_, d, off);
  EXPECT_TRUE(out.of(ViolationType::stop_sign).empty());
  EXPECT_EQ(out.detections.stop_signs.undecided, 1u);
}

TEST_F(StopSign, sparseFixesWithoutSpeedsStayUndecided) {
  // Without reported speeds only the fixes' times bound the car, and a car may brake to a stop and
  // pull away again within 5 s over far more road than a rolling stop covers: undecided.
  for (uint32_t seed = 1; seed <= 5; ++seed) {
    Drive d(s_, 0.2, seed);
    d.report_speed(false).noise(3).start_at('A').wait(seed * 0.5).to("SB", 50);
    const auto out = analyse(s_, d);
    EXPECT_TRUE(out.of(ViolationType::stop_sign).empty()) << "seed " << seed;
  }
}

TEST_F(StopSign, aThirtySecondGapAtTheLineStaysUndecided) {
  // 1 Hz at 20 km/h, the receiver silent for 30 s from 50 m before the line (over sparse_max_gap_s):
  // the car may have stood at the line all that time.
  Drive d(s_, 1, 31);
  d.noise(3).start_at('A').toward('S', 0.75, 20).gap_next(30).to("SB", 20);
  const auto out = analyse(s_, d);
  EXPECT_TRUE(out.of(ViolationType::stop_sign).empty());
  EXPECT_EQ(out.detections.stop_signs.undecided, 1u);
}

}  // namespace drivelog::detect
