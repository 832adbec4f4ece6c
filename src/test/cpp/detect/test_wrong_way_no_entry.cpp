#include <gtest/gtest.h>

#include "detect_scenario.hpp"
#include "map/geo.hpp"

namespace drivelog::detect {
namespace {

using scenario::Drive;
using scenario::Scenario;
using scenario::way;
using test::analyse;

}  // namespace

TEST(WrongWay, drivingAgainstAOnewayIsAViolation) {
  const Scenario s(R"(
A----------B--------------------C
)", 10, {way("AB", 1, "Two Way"), way("BC", 2, "One Way").oneway()});
  Drive d(s, 1, 1);
  d.noise(3).start_at('C').to("BA", 30);
  const auto found = analyse(s, d).of(ViolationType::wrong_way);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].osm_way_ids, std::vector<int64_t>({2}));
  EXPECT_EQ(found[0].road_name, "One Way");
  EXPECT_NEAR(test::evidence(found[0], "distance_m"), 200, 15);
  EXPECT_LT(found[0].start_time_s, found[0].end_time_s);
}

TEST(WrongWay, drivingWithTheOnewayIsNoViolation) {
  const Scenario s("A----------B--------------------C", 10, {way("AB", 1), way("BC", 2).oneway()});
  Drive d(s, 1, 2);
  d.noise(3).start_at('A').to("BC", 30);
  EXPECT_TRUE(analyse(s, d).of(ViolationType::wrong_way).empty());
}

TEST(WrongWay, pathFasterThanTheReceiverSaysIsMatchingNoiseNotAViolation) {
  // The receiver reports a fifth of the speed the matched path needs over the one-way road: the
  // path cannot be what was driven, so the wrong-way run is not reported (unless the check is off).
  const Scenario s("A----------B--------------------C", 10, {way("AB", 1), way("BC", 2).oneway()});
  Drive d(s, 1, 4);
  d.noise(3).start_at('C').to("BA", 50);
  std::vector<match::TracePoint> slow = d.points();
  for (match::TracePoint& p : slow) p.speed_mps *= 0.2F;
  EXPECT_TRUE(analyse(s, slow).of(ViolationType::wrong_way).empty());
  DetectConfig unchecked;
  unchecked.path_check.max_speed_factor = 0;
  EXPECT_EQ(analyse(s, slow, unchecked).of(ViolationType::wrong_way).size(), 1u);
  EXPECT_EQ(analyse(s, d).of(ViolationType::wrong_way).size(), 1u);  // speeds that fit: reported
}

TEST(WrongWay, pathLongerThanTheReportedSpeedsCoverIsMatchingNoiseNotAViolation) {
  // A trip's first seconds: the receiver reports a car pulling away (0.3, 2, 3.8 m/s) while the
  // fixes, pushed along by their error, cover the 30 m one-way stub C-B against its direction in
  // under 3 s. The fastest speed around the stretch (11 m/s right after) excuses that path; the
  // distance the reported speeds cover in its time (some 9 m) does not: no finding.
  const Scenario s("C--B--------------------A", 10, {way("BC", 1, "Stub").oneway(), way("BA", 2)});
  Drive d(s, 1, 4);
  d.noise(1).start_at('C').to("BA", 40);
  std::vector<match::TracePoint> pulling_away = d.points();
  const float crawl[] = {0.3F, 2.0F, 3.8F};
  for (std::size_t k = 0; k < 3; ++k) pulling_away[k].speed_mps = crawl[k];
  EXPECT_TRUE(analyse(s, pulling_away).of(ViolationType::wrong_way).empty());
  DetectConfig unchecked;
  unchecked.path_check.max_speed_factor = 0;
  EXPECT_EQ(analyse(s, pulling_away, unchecked).of(ViolationType::wrong_way).size(), 1u);
  EXPECT_EQ(analyse(s, d).of(ViolationType::wrong_way).size(), 1u);  // speeds that fit: reported
}

TEST(WrongWay, runTheFixesHeadingsContradictIsNoViolation) {
  // The path runs 30 m against the one-way stub C-B, but the fixes there report a course at right
  // angles to it (as where a bias put a car turning round on the road beside onto the stub): the
  // receiver saw another motion than the path's. The headings elsewhere agree, so they are trusted.
  const Scenario s("A--------------------B---C", 10, {way("BC", 1, "Stub").oneway(), way("BA", 2)});
  Drive d(s, 1, 6);
  d.noise(1).report_heading(true).start_at('C').to("BA", 40);
  std::vector<match::TracePoint> across = d.points();
  std::size_t on_stub = 0;
  for (match::TracePoint& p : across) {
    if (map::geo::distance_m(p.lat, p.lon, s.coord('C').lat(), s.coord('C').lon()) < 30) {
      p.heading_deg = 0;  // north; the stub runs east-west
      ++on_stub;
    }
  }
  ASSERT_GE(on_stub, 2u);
  EXPECT_TRUE(analyse(s, across).of(ViolationType::wrong_way).empty());
  DetectConfig unchecked;
  unchecked.path_check.max_heading_off_deg = 0;
  EXPECT_EQ(analyse(s, across, unchecked).of(ViolationType::wrong_way).size(), 1u);
  EXPECT_EQ(analyse(s, d).of(ViolationType::wrong_way).size(), 1u);  // headings along the stub: reported
}

TEST(WrongWay, headingsJudgeTheWholeRunNotItsFirstFixes) {
  // The check of the fixes' headings may stop once the rest of the run cannot change its verdict,
  // never before: along the one-way B-C the first third of the fixes report the road's course and
  // the rest a course at right angles (no finding), or the other way round (a finding).
  // (A-B long enough that the trip's headings, mostly true, are trusted.)
  const Scenario s("A------------------------------------------------------------B--------------------C", 10,
                   {way("AB", 1), way("BC", 2).oneway()});
  Drive d(s, 1, 6);
  d.noise(1).report_heading(true).start_at('C').to("BA", 30);
  const double b_lon = s.coord('B').lon(), c_lon = s.coord('C').lon();
  for (const bool first_third_across : {false, true}) {
    std::vector<match::TracePoint> points = d.points();
    std::size_t across = 0, along = 0;
    for (match::TracePoint& p : points) {
      if (p.lon <= b_lon + 0.0001 || p.lon > c_lon) continue;  // on the one-way, short of B
      const bool in_first_third = p.lon > c_lon - (c_lon - b_lon) / 3;
      if (in_first_third == first_third_across) {
        p.heading_deg = 0;  // north; the road runs east-west
        ++across;
      } else {
        ++along;
      }
    }
    ASSERT_GE(across + along, 6u);
    EXPECT_EQ(analyse(s, points).of(ViolationType::wrong_way).size(), first_third_across ? 1u : 0u)
        << across << " across, " << along << " along";
  }
}

namespace {

// The car takes the long way round B-D-E-C while the receiver is silent (a tunnel, a car park),
// and the matcher, having nothing else, takes the short cut B-C against its one-way direction.
const Scenario& short_cut_town() {
  static const Scenario s(R"(
A----B------------C----F
     |            |
     |            |
     |            |
     |            |
     D------------E
)", 10, {way("AB", 1), way("CB", 2, "Short Cut").oneway(), way("BDEC", 3, "Long Way"), way("CF", 4)});
  return s;
}

// No fix saw the short cut: not a finding; without the check (the trap) it is one.
void expect_guessed_short_cut_is_no_finding(const Drive& d) {
  EXPECT_TRUE(analyse(short_cut_town(), d).of(ViolationType::wrong_way).empty());
  DetectConfig unchecked;
  unchecked.path_check.max_unseen_s = 0;
  EXPECT_EQ(analyse(short_cut_town(), d, unchecked).of(ViolationType::wrong_way).size(), 1u);
}

}  // namespace

TEST(WrongWay, oneWayShortcutInsideAReceiverGapIsNoViolation) {
  // The fixes either side of the gap are at B and C.
  Drive d(short_cut_town(), 1, 5);
  d.noise(2).start_at('A').to("B", 30).gap_next(28).to("DEC", 30).to("F", 30);
  expect_guessed_short_cut_is_no_finding(d);
}

TEST(WrongWay, oneWayShortcutGuessedThroughAGapIsNoViolationThoughAFixLiesAtItsEnd) {
  // The receiver comes back while the car waits at C, the short cut's end: its fixes lie on the
  // guessed short cut's last metre. They saw C, not the short cut (Heidelberg: a 27 s gap, a 50 m
  // one-way short cut, the first fix after the gap at its end).
  Drive d(short_cut_town(), 1, 5);
  d.start_at('A').to("B", 30).gap_next(40).to("DEC", 30).wait(30).to("F", 30);
  expect_guessed_short_cut_is_no_finding(d);
}

TEST(WrongWay, drivingAgainstAOnewayAcrossAShortGapIsStillAViolation) {
  // Fixes on the one-way road itself, a 5 s gap among them: seen, and reported.
  const Scenario s("A----------B--------------------C", 10, {way("AB", 1), way("BC", 2).oneway()});
  Drive d(s, 1, 6);
  d.noise(3).start_at('C').toward('B', 0.3, 30).gap_next(5).to("BA", 30);
  EXPECT_EQ(analyse(s, d).of(ViolationType::wrong_way).size(), 1u);
}

TEST(WrongWay, shorterThanMinimumDistanceIsNoViolation) {
  const Scenario s("A----------B--------------------C", 10, {way("AB", 1), way("BC", 2).oneway()});
  Drive d(s, 1, 3);
  d.start_at('C').to("BA", 30);
  DetectConfig config;
  config.wrong_way.min_distance_m = 250;
  EXPECT_TRUE(analyse(s, d, config).of(ViolationType::wrong_way).empty());
}

TEST(NoEntry, enteringAClosedRoadIsAViolation) {
  const Scenario s("A--------------------B--------------------C", 10,
                   {way("AB", 1, "Open Road"), way("BC", 2, "Bus Only").closed()});
  Drive d(s, 1, 4);
  d.noise(3).start_at('A').to("BC", 30);
  const auto found = analyse(s, d).of(ViolationType::no_entry);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].osm_way_ids, std::vector<int64_t>({2}));
  EXPECT_EQ(test::evidence(found[0], "entry_from_osm_way_id"), 1);
  EXPECT_NEAR(found[0].lon, s.coord('B').lon(), 2e-4);
}

TEST(NoEntry, aClosedOnewayEnteredAgainstItsDirectionIsOneFinding_theNoEntry) {
  // `access=no` + `oneway=yes` driven backward: closed either way, so entering it is the finding;
  // a wrong_way for the same stretch would count one entry twice.
  const Scenario s("A--------------------B--------------------C", 10,
                   {way("AB", 1, "Open Road"), way("CB", 2, "Closed One Way").closed().oneway()});
  Drive d(s, 1, 4);
  d.noise(3).start_at('A').to("BC", 30);
  const test::Outcome analysis = analyse(s, d);
  ASSERT_EQ(analysis.of(ViolationType::no_entry).size(), 1u);
  EXPECT_EQ(analysis.of(ViolationType::no_entry)[0].osm_way_ids, std::vector<int64_t>({2}));
  EXPECT_TRUE(analysis.of(ViolationType::wrong_way).empty());
}

TEST(NoEntry, startingOnAClosedRoadIsNoViolation) {
  const Scenario s("A--------------------B--------------------C", 10, {way("AB", 1), way("BC", 2).closed()});
  Drive d(s, 1, 5);
  d.noise(3).start_at('C').to("BA", 30);
  EXPECT_TRUE(analyse(s, d).of(ViolationType::no_entry).empty());
}

TEST(NoEntry, closedRoadBesideTheDrivenOneIsNotEntered) {
  const Scenario s(R"(
A--------------------B--------------------C
                     |
                     D
)", 10, {way("ABC", 1), way("BD", 2).closed()});
  Drive d(s, 1, 6);
  d.noise(4).start_at('A').to("BC", 40);
  EXPECT_TRUE(analyse(s, d).of(ViolationType::no_entry).empty());
}

TEST(NoEntry, drivingThroughAShortClosedLinkIsAViolation) {
  // 8 m of bollarded street between two open stretches, driven through: shorter than
  // min_distance_m, but entered from one open road and left onto another.
  const Scenario s("A------------------------------B-C------------------------------D", 4,
                   {way("AB", 1), way("BC", 2, "Bollards").closed(), way("CD", 3)});
  Drive d(s, 1, 7);
  d.noise(2).start_at('A').to("BCD", 30);
  const auto found = analyse(s, d).of(ViolationType::no_entry);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].osm_way_ids, std::vector<int64_t>({2}));
}

}  // namespace drivelog::detect

namespace drivelog::detect {

TEST(WrongWay, headingsThatContradictTheMotionAreIgnored) {
  // Driving legally east along a one-way road while the receiver claims to head west.
  const scenario::Scenario s("A------------------------------------------B", 10, {scenario::way("AB", 1).oneway()});
  scenario::Drive d(s, 1, 9);
  d.noise(3).report_heading(true).start_at('A').to("B", 40);
  std::vector<match::TracePoint> lying = d.points();
  for (match::TracePoint& p : lying) p.heading_deg = 270;
  match::Matcher matcher(s.map(), match::MatchConfig{});
  match::MatchResult r;
  matcher.match(lying, r);
  EXPECT_TRUE(r.stats.headings_ignored);
  Detector detector(s.map(), DetectConfig{});
  Detections found;
  detector.detect(lying, r, found);
  for (const Violation& v : found.violations) EXPECT_NE(v.type, ViolationType::wrong_way);
  // Honest headings are used.
  matcher.match(d.points(), r);
  EXPECT_FALSE(r.stats.headings_ignored);
}

}  // namespace drivelog::detect
