// Matcher: logs without speeds or headings, where only the fixes' own course shows the car turning
// round (match/position_reversals.hpp), beside a road the car may not enter.
#include "match/matcher.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "scenario.hpp"

namespace drivelog::match {
namespace {

using scenario::matched_ways;
using scenario::RecordedFix;
using scenario::replay;
using scenario::Scenario;
using scenario::way;

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// Via Calatafimi (A-B-C-D, two-way) in Rome, the contraflow bus lane of Via Volturno (H-B-F-J,
// closed to cars) crossing it at B and running 4-5 m beside Via Volturno (K-G-A-I, one-way south
// east), Via Montebello (L-E-F-G) back to Via Calatafimi's short end (E-C). From the suite's map,
// 2.5 m a character.
constexpr const char* kCalatafimiBesideTheBusLane = R"(
                                                   L



                                              E

K


       J


                                                                D







                                                      C







                       F
                      G









                                  B
          N                     A















                                                 H
                                               I
)";

Scenario calatafimi() {
  return Scenario(kCalatafimiBesideTheBusLane, 2.5,
                  {way("ABCD", 33569151, "Via Calatafimi"), way("EC", 33569150, "Via Calatafimi"),
                   way("KGAI", 22886233, "Via Volturno").oneway(),
                   way("HBFJ", 201204009, "Via Volturno").oneway().closed(),
                   way("LEFG", 212430475, "Via Montebello"), way("GN", 205327369, "Via Montebello")});
}

bool drives(const std::vector<int64_t>& ways, int64_t id) { return std::find(ways.begin(), ways.end(), id) != ways.end(); }

// The ways along the path with their direction (true: in the way's order), consecutive repeats
// collapsed.
using Driven = std::vector<std::pair<int64_t, bool>>;
Driven driven(const Scenario& s, const MatchResult& r) {
  Driven out;
  for (const Traversal& t : r.traversals) {
    const std::pair<int64_t, bool> d{s.map().edge(t.edge).osm_way_id, t.forward};
    if (out.empty() || out.back() != d) out.push_back(d);
  }
  return out;
}

// Down Via Calatafimi from its short end, round, and back up: what both drives did.
const Driven kRoundOnCalatafimi = {{33569150, true}, {33569151, false}, {33569151, true}, {33569150, false}};

// Replays `fixes` (seconds, metres east and north of A, no speed, no heading, accuracy) on the drawn
// map and expects the path down Via Calatafimi, round and back up, never into the bus lane.
void expectRoundOnCalatafimi(const std::vector<RecordedFix>& fixes) {
  const Scenario s = calatafimi();
  Matcher matcher(s.map(), MatchConfig{});
  MatchResult r;
  matcher.match(replay(s, 'A', fixes), r);
  EXPECT_FALSE(drives(matched_ways(s.map(), r), 201204009));
  EXPECT_EQ(driven(s, r), kRoundOnCalatafimi);
}

}  // namespace

TEST(MatcherBareUTurns, uTurnTheFixesShowIsPricedAsSeenNotLappedThroughTheBusLane) {
  // A legal drive of the suite (legal-realistic-bare, trip 162): down Via Calatafimi to the bus
  // lane's crossing, round (t = 14 s) and back up. Without headings a U-turn cost uturn_penalty_m
  // (100), and the lap B-F-G-A through 38 m of the bus lane (closed_penalty_m 40 + 0.2 a metre)
  // was cheaper: a false no_entry. The fixes' course reverses within seconds, which is the
  // evidence a reversed heading would be: the U-turn pays uturn_seen_penalty_m (70).
  const std::vector<RecordedFix> fixes = {
      {0, 44.9, 82.0, kNone, kNone, 4.1}, {1, 46.0, 75.2, kNone, kNone, 6.0}, {2, 53.5, 71.2, kNone, kNone, 5.8}, {3, 58.8, 59.2, kNone, kNone, 6.5},
      {4, 55.6, 49.5, kNone, kNone, 5.6}, {5, 49.7, 45.2, kNone, kNone, 6.3}, {6, 48.4, 39.6, kNone, kNone, 4.1}, {7, 40.5, 32.2, kNone, kNone, 5.4},
      {8, 31.5, 25.4, kNone, kNone, 5.7}, {9, 25.8, 19.6, kNone, kNone, 4.7}, {10, 17.7, 11.2, kNone, kNone, 4.3}, {11, 11.9, 3.7, kNone, kNone, 4.1},
      {12, 10.1, 1.3, kNone, kNone, 6.2}, {13, 1.6, -0.7, kNone, kNone, 6.2}, {14, -7.0, 4.6, kNone, kNone, 4.3}, {15, -7.1, 6.9, kNone, kNone, 6.0},
      {16, -3.9, 11.3, kNone, kNone, 4.9}, {17, -3.8, 15.8, kNone, kNone, 5.1}, {18, 3.3, 21.1, kNone, kNone, 4.7}, {19, 7.3, 25.7, kNone, kNone, 5.3},
      {20, 16.9, 31.3, kNone, kNone, 6.1}, {21, 26.3, 39.9, kNone, kNone, 6.3}, {22, 37.0, 45.5, kNone, kNone, 4.7}, {23, 40.8, 55.8, kNone, kNone, 4.9},
      {24, 40.0, 58.4, kNone, kNone, 6.2}, {25, 34.2, 66.7, kNone, kNone, 4.1}, {26, 25.0, 72.5, kNone, kNone, 6.4}, {27, 21.0, 80.5, kNone, kNone, 5.5},
      {28, 17.9, 89.4, kNone, kNone, 6.2}};
  expectRoundOnCalatafimi(fixes);
}

TEST(MatcherBareUTurns, uTurnFollowedByAWaitIsSeenAcrossTheWait) {
  // Trip 37 of the same row: down Via Calatafimi, round at the crossing (t = 15 s), 38 s waiting
  // there, then back up. Within 6 s of the turn the waiting car's fixes make no course, so the
  // positions showed no turn round: on the suite's map the wait went into the bus lane beside and
  // round the block (no_entry for 39 s); on this drawn one the path never came back up. The course
  // after a wait is the one the car leaves by (PositionReversals::kStandS).
  const std::vector<RecordedFix> fixes = {
      {0, 28.3, 84.8, kNone, kNone, 6.1}, {1, 31.3, 82.2, kNone, kNone, 4.1}, {2, 32.4, 80.4, kNone, kNone, 6.0}, {3, 33.9, 77.0, kNone, kNone, 5.2},
      {4, 34.4, 69.0, kNone, kNone, 5.4}, {5, 39.6, 62.6, kNone, kNone, 6.1}, {6, 47.2, 51.6, kNone, kNone, 6.2}, {7, 50.9, 45.4, kNone, kNone, 4.1},
      {8, 43.8, 40.0, kNone, kNone, 6.3}, {9, 38.2, 36.4, kNone, kNone, 6.2}, {10, 30.9, 27.3, kNone, kNone, 4.1}, {11, 21.2, 21.2, kNone, kNone, 6.3},
      {12, 13.5, 14.9, kNone, kNone, 5.7}, {13, 4.8, 9.7, kNone, kNone, 5.6}, {14, 0.0, 5.9, kNone, kNone, 5.9}, {15, 0.0, 2.5, kNone, kNone, 5.2},
      {16, 2.0, 1.3, kNone, kNone, 5.3}, {17, 5.5, 6.4, kNone, kNone, 5.3}, {18, 8.6, 7.9, kNone, kNone, 6.4}, {19, 10.5, 10.7, kNone, kNone, 4.3},
      {20, 8.2, 11.8, kNone, kNone, 5.8}, {21, 10.5, 10.8, kNone, kNone, 4.1}, {22, 9.6, 12.4, kNone, kNone, 5.8}, {23, 10.0, 11.2, kNone, kNone, 4.6},
      {24, 9.2, 12.0, kNone, kNone, 5.9}, {25, 8.9, 11.3, kNone, kNone, 6.1}, {26, 3.4, 9.4, kNone, kNone, 4.7}, {27, 3.8, 9.0, kNone, kNone, 5.1},
      {28, 6.1, 6.3, kNone, kNone, 5.4}, {29, 7.0, 10.4, kNone, kNone, 6.3}, {30, 6.5, 11.8, kNone, kNone, 6.4}, {31, 2.1, 13.7, kNone, kNone, 4.8},
      {32, 4.3, 6.2, kNone, kNone, 4.4}, {33, 5.5, 13.8, kNone, kNone, 6.4}, {34, 5.7, 12.2, kNone, kNone, 4.9}, {35, 1.2, 14.4, kNone, kNone, 6.1},
      {36, 0.8, 14.0, kNone, kNone, 5.1}, {37, -0.8, 14.9, kNone, kNone, 4.2}, {38, 3.8, 16.1, kNone, kNone, 6.5}, {39, 3.9, 15.1, kNone, kNone, 6.1},
      {40, 5.7, 14.0, kNone, kNone, 5.2}, {41, 3.8, 13.9, kNone, kNone, 5.2}, {42, 4.6, 13.6, kNone, kNone, 5.3}, {43, 0.7, 18.2, kNone, kNone, 5.0},
      {44, 1.7, 19.1, kNone, kNone, 5.6}, {45, 2.2, 20.2, kNone, kNone, 4.2}, {46, 1.1, 22.0, kNone, kNone, 6.3}, {47, 2.9, 21.3, kNone, kNone, 5.4},
      {48, 1.7, 20.9, kNone, kNone, 6.1}, {49, -1.2, 21.4, kNone, kNone, 4.6}, {50, 0.5, 22.7, kNone, kNone, 4.2}, {51, -0.5, 16.2, kNone, kNone, 4.0},
      {52, 4.3, 17.9, kNone, kNone, 6.2}, {53, 2.8, 20.0, kNone, kNone, 4.7}, {54, 7.3, 23.6, kNone, kNone, 6.5}, {55, 11.1, 29.9, kNone, kNone, 5.0},
      {56, 16.3, 34.5, kNone, kNone, 5.8}, {57, 23.4, 38.8, kNone, kNone, 5.2}, {58, 41.0, 46.6, kNone, kNone, 4.1}, {59, 47.8, 52.4, kNone, kNone, 6.3},
      {60, 53.3, 54.6, kNone, kNone, 6.4}, {61, 47.4, 61.2, kNone, kNone, 5.4}, {62, 43.1, 73.3, kNone, kNone, 5.7}};
  expectRoundOnCalatafimi(fixes);
}

}  // namespace drivelog::match
