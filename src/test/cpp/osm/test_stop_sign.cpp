#include <gtest/gtest.h>

#include "osm/stop_sign.hpp"

namespace drivelog::osm {
namespace {

using map::StopDirection;

TEST(StopSign, OnlyHighwayStopNodes) {
  EXPECT_FALSE(interpret_stop_sign(Tags{{"highway", "give_way"}}).has_value());
  EXPECT_FALSE(interpret_stop_sign(Tags{{"traffic_sign", "stop"}}).has_value());
  EXPECT_TRUE(interpret_stop_sign(Tags{{"highway", "stop"}}).has_value());
}

TEST(StopSign, DirectionsFromEitherKey) {
  EXPECT_EQ(interpret_stop_sign(Tags{{"highway", "stop"}, {"direction", "forward"}})->direction, StopDirection::forward);
  EXPECT_EQ(interpret_stop_sign(Tags{{"highway", "stop"}, {"direction", "backward"}})->direction, StopDirection::backward);
  EXPECT_EQ(interpret_stop_sign(Tags{{"highway", "stop"}, {"stop:direction", "backward"}})->direction,
            StopDirection::backward);
  // stop:direction is the more specific of the two
  EXPECT_EQ(interpret_stop_sign(Tags{{"highway", "stop"}, {"direction", "forward"}, {"stop:direction", "backward"}})
                ->direction,
            StopDirection::backward);
}

TEST(StopSign, NoDirectionOrBothLeavesTheRuleToTheBuilder) {
  const auto none = interpret_stop_sign(Tags{{"highway", "stop"}});
  EXPECT_EQ(none->direction, StopDirection::all);
  EXPECT_FALSE(none->unread.has_value());
  EXPECT_EQ(interpret_stop_sign(Tags{{"highway", "stop"}, {"direction", "both"}})->direction, StopDirection::all);
}

TEST(StopSign, AllWayStop) {
  EXPECT_EQ(interpret_stop_sign(Tags{{"highway", "stop"}, {"stop", "all"}})->direction, StopDirection::all_way);
}

TEST(StopSign, CompassDirectionsAreReportedAndUseTheRule) {
  const auto s = interpret_stop_sign(Tags{{"highway", "stop"}, {"direction", "NE"}});
  EXPECT_EQ(s->direction, StopDirection::all);
  ASSERT_TRUE(s->unread.has_value());
  EXPECT_EQ(s->unread->second, "NE");
}

}  // namespace
}  // namespace drivelog::osm
