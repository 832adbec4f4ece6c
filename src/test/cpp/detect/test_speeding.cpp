#include <gtest/gtest.h>

#include <optional>

#include "detect/conditional_rules.hpp"
#include "detect_scenario.hpp"

namespace drivelog::detect {
namespace {

using scenario::Drive;
using scenario::Scenario;
using scenario::way;
using test::analyse;
using test::evidence;
using test::kLongRoad;

}  // namespace

TEST(Speeding, sustainedEpisodeOverTheAllowanceIsOneViolation) {
  const Scenario s(kLongRoad, 10, {way("AB", 7, "Long Road").maxspeed(50)});
  Drive d(s, 1, 1);
  d.noise(3).start_at('A').toward('B', 0.2, 45).toward('B', 0.3, 72).to("B", 45);
  const auto found = analyse(s, d).of(ViolationType::speeding);
  ASSERT_EQ(found.size(), 1u);
  const Violation& v = found[0];
  EXPECT_EQ(v.osm_way_ids, std::vector<int64_t>({7}));
  EXPECT_EQ(v.road_name, "Long Road");
  EXPECT_NEAR(evidence(v, "limit_kmh"), 50, 1e-9);
  EXPECT_NEAR(evidence(v, "max_speed_kmh"), 72, 1.0);
  EXPECT_GT(evidence(v, "duration_s"), 20);
  EXPECT_GT(v.confidence, 0.5);
  EXPECT_EQ(test::evidence_text(v, "limit_source"), "tag");
  // 72 km/h held on a 50 limit: 22 km/h and 44 % over, heavy (severe needs 30 km/h).
  EXPECT_EQ(v.severity, Severity::heavy);
}

// detect_speeding asks ConditionalRules::plain_limit() first and limit_at() only where it declines:
// on ways with a tagged limit and no legal rule or conditional it answers, in both directions, with
// what limit_at() says at any time (the rest of limit_at()'s answer at its defaults).
TEST(Speeding, aPlainLimitIsTheLimitAtEveryTime) {
  const Scenario s(kLongRoad, 10, {way("AB", 7, "Long Road").maxspeed(50)});
  ConditionalRules rules(s.map());
  ASSERT_GT(s.map().edge_count(), 0u);
  for (uint32_t edge = 0; edge < s.map().edge_count(); ++edge) {
    for (const bool forward : {true, false}) {
      for (const double t : {1.7e9, 1.7e9 + 8 * 3600, 1.8e9}) {
        const std::optional<ConditionalRules::PlainLimit> limit = rules.plain_limit(edge, forward, t);
        ASSERT_TRUE(limit.has_value()) << edge;
        EXPECT_EQ(limit->limit.tenths_kmh, 500);
        EXPECT_EQ(limit->local_day, 0);
        const VehicleLimit at = rules.limit_at(edge, forward, t);
        EXPECT_EQ(at.limit.tenths_kmh, limit->limit.tenths_kmh);
        EXPECT_EQ(at.limit.source, limit->limit.source);
        EXPECT_EQ(at.limit.rule, limit->limit.rule);
        EXPECT_EQ(at.local_day, 0);
        EXPECT_TRUE(at.lowered_by.tag.empty() && at.lowered_by.condition.empty() && at.local_time.empty());
        EXPECT_EQ(at.way_conditional.state, ConditionalVerdict::State::none);
      }
    }
  }
}

TEST(Speeding, speedingOnThroughATunnelGapIsOneEpisode) {
  // 10 s without fixes in the middle of a 72 km/h stretch: the road covered in the gap says the
  // car was over the allowance throughout, so the gap does not split the episode in two.
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed(50)});
  Drive d(s, 1, 4);
  // 8 s over, 10 s of gap and 8.5 s over: two episodes of under 10 s each without the merge.
  d.noise(3).start_at('A').toward('B', 0.2, 45).toward('B', 0.1, 72).gap_next(10).toward('B', 0.3, 72).to("B", 45);
  const auto found = analyse(s, d).of(ViolationType::speeding);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_GT(evidence(found[0], "duration_s"), 20);
}

TEST(Speeding, slowingDownInATunnelGapEndsTheEpisode) {
  // The same gap, but the car crawls through it: two separate episodes.
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed(50)});
  Drive d(s, 1, 5);
  d.noise(3).start_at('A').toward('B', 0.2, 45).toward('B', 0.1, 72).gap_next(30).toward('B', 0.1, 20)
      .toward('B', 0.3, 72).to("B", 45);
  EXPECT_EQ(analyse(s, d).of(ViolationType::speeding).size(), 2u);
}

TEST(Speeding, withinToleranceIsNoViolation) {
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed(50)});
  Drive d(s, 1, 2);
  d.noise(3).start_at('A').to("B", 54);  // allowance: max(5 km/h, 5 %) = 5 km/h
  EXPECT_TRUE(analyse(s, d).of(ViolationType::speeding).empty());
  DetectConfig strict;
  strict.speeding.tolerance_kmh = 2;
  EXPECT_EQ(analyse(s, d, strict).of(ViolationType::speeding).size(), 1u);
}

TEST(Speeding, shorterThanMinimumDurationIsNoViolation) {
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed(50)});
  Drive d(s, 1, 3);
  d.start_at('A').toward('B', 0.2, 45).toward('B', 0.04, 75).to("B", 45);  // ~3 s at 75 km/h
  DetectConfig config;
  config.speeding.smoothing_s = 0;
  EXPECT_TRUE(analyse(s, d, config).of(ViolationType::speeding).empty());
  config.speeding.min_duration_s = 1;
  EXPECT_EQ(analyse(s, d, config).of(ViolationType::speeding).size(), 1u);
}

TEST(Speeding, episodeJustOverTheMinimumHeldByFewerFixesIsStillReported) {
  // 33.3 s at 45 km/h, then 5.5 s at 75 km/h: only the five 1 Hz fixes at 34..38 s are over, 4 s
  // apart, but the episode (where the speed crosses the allowance) lasts 5.5 s > min_duration_s.
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed(50)});
  Drive d(s, 1, 8);
  const double slow_m = 45 / 3.6 * 33.3, fast_m = 75 / 3.6 * 5.5;
  d.start_at('A').toward('B', slow_m / 2000, 45).toward('B', fast_m / (2000 - slow_m), 75).to("B", 45);
  DetectConfig config;
  config.speeding.smoothing_s = 0;
  const auto found = analyse(s, d, config).of(ViolationType::speeding);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(evidence(found[0], "duration_s"), 5.5, 1.0);
}

TEST(Speeding, smoothingDoesNotStretchAShortExcursionOverTheMinimum) {
  // 4 s at 75 km/h with the default 3 s smoothing: the smoothed speed is over the allowance for
  // about 5 s, the reported speeds for 4. Not a violation; 6 s over is.
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed(50)});
  const double slow_m = 45 / 3.6 * 32.3;
  Drive short_excursion(s, 1, 10);
  short_excursion.start_at('A').toward('B', slow_m / 2000, 45).toward('B', 75 / 3.6 * 4 / (2000 - slow_m), 75).to("B", 45);
  EXPECT_TRUE(analyse(s, short_excursion).of(ViolationType::speeding).empty());
  Drive long_excursion(s, 1, 10);
  long_excursion.start_at('A').toward('B', slow_m / 2000, 45).toward('B', 75 / 3.6 * 6 / (2000 - slow_m), 75).to("B", 45);
  const auto found = analyse(s, long_excursion).of(ViolationType::speeding);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(evidence(found[0], "duration_s"), 6, 1.0);
}

TEST(Speeding, singleSparseFixOverTheAllowanceIsNoViolation) {
  // Fixes every 5 s; 4 s at 75 km/h (32.5 to 36.5 s) holds only the fix at 35 s.
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed(50)});
  Drive d(s, 0.2, 9);
  const double slow_m = 45 / 3.6 * 32.5, fast_m = 75 / 3.6 * 4;
  d.start_at('A').toward('B', slow_m / 2000, 45).toward('B', fast_m / (2000 - slow_m), 75).to("B", 45);
  DetectConfig config;
  config.speeding.smoothing_s = 0;
  EXPECT_TRUE(analyse(s, d, config).of(ViolationType::speeding).empty());
}

TEST(Speeding, positionsDriftingAlongTheRoadAreNoSpeedingWithoutReportedSpeeds) {
  // No speed column: speeds come from the fixes' places along the road. A receiver error that
  // drifts 15 m along the road over 8 s makes a car at 30 km/h read 37 km/h for 8 s on a 30 limit
  // (allowance 35 km/h): no more than two placements' errors explain, so no finding. 45 km/h for
  // 10 s is one, drift or not.
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed(30)});
  const double east_deg_per_m = (s.coord('B').lon() - s.coord('A').lon()) / 2000;
  const auto drift_along_the_road = [&](std::vector<match::TracePoint> trace) {
    for (std::size_t i = 60; i < trace.size(); ++i) trace[i].lon += east_deg_per_m * std::min(15.0, 15.0 * static_cast<double>(i - 60) / 8.0);
    return trace;
  };
  Drive legal(s, 1, 11);
  legal.report_speed(false).start_at('A').to("B", 30);
  EXPECT_TRUE(analyse(s, drift_along_the_road(legal.points())).of(ViolationType::speeding).empty());
  DetectConfig no_margin;
  no_margin.speeding.derived_distance_margin_m = 0;
  EXPECT_EQ(analyse(s, drift_along_the_road(legal.points()), no_margin).of(ViolationType::speeding).size(), 1u);
  Drive fast(s, 1, 12);
  const double slow_m = 30 / 3.6 * 50;
  fast.report_speed(false).start_at('A').toward('B', slow_m / 2000, 30).toward('B', 45 / 3.6 * 10 / (2000 - slow_m), 45)
      .to("B", 30);
  EXPECT_EQ(analyse(s, drift_along_the_road(fast.points())).of(ViolationType::speeding).size(), 1u);
}

TEST(Speeding, twoEpisodesSeparatedByLegalDrivingAreTwoViolations) {
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed(50)});
  Drive d(s, 1, 4);
  d.start_at('A').toward('B', 0.2, 70).toward('B', 0.2, 40).toward('B', 0.3, 70).to("B", 40);
  EXPECT_EQ(analyse(s, d).of(ViolationType::speeding).size(), 2u);
}

TEST(Speeding, mphLimitIsComparedInTheSameUnits) {
  // 25 mph = 40.2 km/h; 48 km/h (30 mph) is over the limit plus 5 km/h.
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed_mph(25)});
  Drive d(s, 1, 5);
  d.noise(2).start_at('A').to("B", 48);
  const auto found = analyse(s, d).of(ViolationType::speeding);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(evidence(found[0], "limit_kmh"), 40.2, 0.05);
  Drive legal(s, 1, 6);
  legal.noise(2).start_at('A').to("B", 43);
  EXPECT_TRUE(analyse(s, legal).of(ViolationType::speeding).empty());
}

TEST(Speeding, derivedSpeedIsUsedWhenNoneIsReported) {
  const Scenario s(kLongRoad, 10, {way("AB", 7).maxspeed(50)});
  Drive d(s, 1, 7);
  d.report_speed(false).noise(2).start_at('A').toward('B', 0.5, 80).to("B", 40);
  const auto found = analyse(s, d).of(ViolationType::speeding);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(evidence(found[0], "mean_speed_kmh"), 80, 6);
}

TEST(Speeding, unknownLimitIsNeverSpeeding) {
  const Scenario s(kLongRoad, 10, {way("AB", 7)});
  Drive d(s, 1, 8);
  d.start_at('A').to("B", 150);
  EXPECT_TRUE(analyse(s, d).of(ViolationType::speeding).empty());
}

}  // namespace drivelog::detect
