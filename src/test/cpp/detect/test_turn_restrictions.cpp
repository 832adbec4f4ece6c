#include <gtest/gtest.h>

#include "detect_scenario.hpp"

namespace drivelog::detect {
namespace {

using scenario::Drive;
using scenario::RestrictionSpec;
using scenario::Scenario;
using scenario::way;
using test::analyse;

constexpr const char* kCrossing = R"(
                    N
                    |
                    |
                    |
                    |
W-------------------X-------------------E
                    |
                    |
                    |
                    |
                    S
)";

std::vector<scenario::WaySpec> crossing_ways() {
  return {way("WX", 1, "West"), way("XE", 2, "East"), way("NX", 3, "North"), way("XS", 4, "South")};
}

}  // namespace

TEST(TurnRestriction, forbiddenLeftTurnIsAViolation) {
  const Scenario s(kCrossing, 10, crossing_ways(), {}, {RestrictionSpec{900, map::RestrictionKind::no, 4, 'X', 1}});
  Drive d(s, 1, 1);
  d.noise(3).start_at('S').to("XW", 30);
  const auto found = analyse(s, d).of(ViolationType::turn_restriction);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(test::evidence_text(found[0], "restriction"), "no_left_turn");
  EXPECT_EQ(test::evidence(found[0], "relation_id"), 900);
  EXPECT_EQ(test::evidence(found[0], "from_osm_way_id"), 4);
  EXPECT_EQ(test::evidence(found[0], "to_osm_way_id"), 1);
  EXPECT_EQ(test::evidence(found[0], "via_osm_node_id"), scenario::node_id('X'));
  EXPECT_EQ(found[0].osm_way_ids, std::vector<int64_t>({4, 1}));
}

TEST(TurnRestriction, allowedTurnsAtARestrictedJunctionAreNoViolation) {
  const Scenario s(kCrossing, 10, crossing_ways(), {}, {RestrictionSpec{900, map::RestrictionKind::no, 4, 'X', 1}});
  Drive straight(s, 1, 2);
  straight.noise(3).start_at('S').to("XN", 30);
  EXPECT_TRUE(analyse(s, straight).of(ViolationType::turn_restriction).empty());
  Drive right(s, 1, 3);
  right.noise(3).start_at('S').to("XE", 30);
  EXPECT_TRUE(analyse(s, right).of(ViolationType::turn_restriction).empty());
  Drive other_approach(s, 1, 4);  // from the north into West: not from way 4
  other_approach.noise(3).start_at('N').to("XW", 30);
  EXPECT_TRUE(analyse(s, other_approach).of(ViolationType::turn_restriction).empty());
}

TEST(TurnRestriction, onlyStraightOnForbidsTurning) {
  const Scenario s(kCrossing, 10, crossing_ways(), {}, {RestrictionSpec{901, map::RestrictionKind::only, 4, 'X', 3}});
  Drive right(s, 1, 5);
  right.noise(3).start_at('S').to("XE", 30);
  const auto found = analyse(s, right).of(ViolationType::turn_restriction);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(test::evidence_text(found[0], "restriction"), "only_straight_on");
  EXPECT_EQ(test::evidence(found[0], "to_osm_way_id"), 2);
  Drive straight(s, 1, 6);
  straight.noise(3).start_at('S').to("XN", 30);
  EXPECT_TRUE(analyse(s, straight).of(ViolationType::turn_restriction).empty());
}

TEST(TurnRestriction, pathEndingAtTheJunctionIsNoViolation) {
  const Scenario s(kCrossing, 10, crossing_ways(), {}, {RestrictionSpec{900, map::RestrictionKind::no, 4, 'X', 1}});
  Drive d(s, 1, 7);
  d.start_at('S').to("X", 30).toward('W', 0.05, 10);
  EXPECT_TRUE(analyse(s, d).of(ViolationType::turn_restriction).empty());
}

}  // namespace drivelog::detect
