#include "match/stop_run_prior.hpp"

#include <gtest/gtest.h>

#include "scenario.hpp"

namespace drivelog::match {
namespace {

using scenario::Scenario;
using scenario::way;

constexpr uint32_t kNone = UINT32_MAX;

uint32_t edge_of(const Scenario& s, int64_t way_id) {
  for (uint32_t e = 0; e < s.map().edge_count(); ++e) {
    if (s.map().edge(e).osm_way_id == way_id) return e;
  }
  return kNone;
}

uint32_t node_of(const Scenario& s, char letter) {
  for (uint32_t n = 0; n < s.map().node_count(); ++n) {
    if (s.map().node_osm_id(n) == scenario::node_id(letter)) return n;
  }
  return kNone;
}

}  // namespace

TEST(StopRunPrior, onlyACarTooFastToHaveStoppedBetweenTwoFixesIsChecked) {
  // 14 m/s at both fixes 1 s apart: at least 11.5 m/s between them.
  EXPECT_NEAR(StopRunPrior::check_speed_mps(14, 14, 1, 5), 11.5, 1e-9);
  // Standing at either fix, or slow enough to have stopped between: no check.
  EXPECT_EQ(StopRunPrior::check_speed_mps(0, 14, 1, 5), 0);
  EXPECT_EQ(StopRunPrior::check_speed_mps(4, 14, 1, 5), 0);
  // A long gap may hide a stop.
  EXPECT_EQ(StopRunPrior::check_speed_mps(14, 14, 6, 5), 0);
}

TEST(StopRunPrior, countsTheStopLinesAtTheExitAndAtBothEndsOfTheRoute) {
  // A stop sign at B for traffic along AB, and one at C for traffic along BC (the ways' direction).
  const Scenario s("A----B----C----D", 10, {way("AB", 1), way("BC", 2), way("CD", 3)},
                   {scenario::StopSpec{'B', map::StopDirection::forward}, scenario::StopSpec{'C', map::StopDirection::forward}});
  const uint32_t ab = edge_of(s, 1), bc = edge_of(s, 2), cd = edge_of(s, 3);
  const uint32_t b = node_of(s, 'B'), c = node_of(s, 'C'), d = node_of(s, 'D');
  EXPECT_TRUE(StopRunPrior::stop_line_at(s.map(), ab, b));
  EXPECT_FALSE(StopRunPrior::stop_line_at(s.map(), ab, node_of(s, 'A')));  // the other direction
  EXPECT_FALSE(StopRunPrior::stop_line_at(s.map(), cd, d));

  StopRunPrior prior;
  prior.begin_step(2, 3);
  EXPECT_EQ(prior.at_exit(s.map(), 0, ab, b), 1);
  EXPECT_EQ(prior.at_exit(s.map(), 1, cd, d), 0);
  // From B through BC to C: BC's stop at C is passed.
  EXPECT_EQ(prior.on_route(s.map(), 0, bc, bc, b, c, kNone), 1);
  // From C back through BC to B: driven against the sign's direction.
  EXPECT_EQ(prior.on_route(s.map(), 1, bc, bc, c, b, kNone), 0);
  // No route between (the exit node is the entry node): only the exit counts.
  EXPECT_EQ(prior.on_route(s.map(), 2, kNone, kNone, b, b, kNone), 0);
}

}  // namespace drivelog::match
