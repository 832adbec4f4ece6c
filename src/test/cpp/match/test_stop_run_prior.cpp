#include "match/stop_run_prior.hpp"

#include <gtest/gtest.h>

#include <cmath>

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
  EXPECT_TRUE(StopRunPrior::cannot_have_stopped(14, 14, 1, 5));
  // Standing at either fix, or slow enough to have stopped between: no check.
  EXPECT_FALSE(StopRunPrior::cannot_have_stopped(0, 14, 1, 5));
  EXPECT_FALSE(StopRunPrior::cannot_have_stopped(4, 14, 1, 5));
  // A long gap may hide a stop; a fix without a speed tells nothing.
  EXPECT_FALSE(StopRunPrior::cannot_have_stopped(14, 14, 6, 5));
  EXPECT_FALSE(StopRunPrior::cannot_have_stopped(14, std::nan(""), 1, 5));
  EXPECT_FALSE(StopRunPrior::cannot_have_stopped(std::nan(""), 14, 1, 5));
}

TEST(StopRunPrior, countsTheStopLinesAtBothEndsOfTheRoute) {
  // A stop sign at B for traffic along AB, and one at C for traffic along BC (the ways' direction).
  const Scenario s("A----B----C----D", 10, {way("AB", 1), way("BC", 2), way("CD", 3)},
                   {scenario::StopSpec{'B', map::StopDirection::forward}, scenario::StopSpec{'C', map::StopDirection::forward}});
  const uint32_t ab = edge_of(s, 1), bc = edge_of(s, 2), cd = edge_of(s, 3);
  const uint32_t b = node_of(s, 'B'), c = node_of(s, 'C'), d = node_of(s, 'D');
  EXPECT_TRUE(StopRunPrior::stop_line_at(s.map(), ab, b));
  EXPECT_FALSE(StopRunPrior::stop_line_at(s.map(), ab, node_of(s, 'A')));  // the other direction
  EXPECT_FALSE(StopRunPrior::stop_line_at(s.map(), cd, d));
  // From B through BC to C: BC's stop at C is passed.
  EXPECT_EQ(StopRunPrior::on_route(s.map(), bc, bc, b, c, kNone), 1);
  // From C back through BC to B: driven against the sign's direction.
  EXPECT_EQ(StopRunPrior::on_route(s.map(), bc, bc, c, b, kNone), 0);
  // From A through AB and BC to C: both.
  EXPECT_EQ(StopRunPrior::on_route(s.map(), ab, bc, node_of(s, 'A'), c, kNone), 2);
  // No route between (the exit node is the entry node).
  EXPECT_EQ(StopRunPrior::on_route(s.map(), kNone, kNone, b, b, kNone), 0);
}

}  // namespace drivelog::match
