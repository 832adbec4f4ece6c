#include "match/over_limit_prior.hpp"

#include <gtest/gtest.h>

#include "scenario.hpp"

namespace drivelog::match {

using scenario::Scenario;
using scenario::way;

TEST(OverLimitPrior, onlySpeedsFarOverTheLimitArePriced) {
  // 1.6 x the limit and at least 15 km/h over it.
  EXPECT_TRUE(OverLimitPrior::grossly_over(56, 30, 1.6));
  EXPECT_FALSE(OverLimitPrior::grossly_over(47, 30, 1.6));  // 1.57 x: ordinary speeding
  EXPECT_FALSE(OverLimitPrior::grossly_over(20, 10, 1.6));  // 2 x but only 10 km/h over
  EXPECT_TRUE(OverLimitPrior::grossly_over(26, 10, 1.6));
  EXPECT_FALSE(OverLimitPrior::grossly_over(200, 0, 1.6));  // unknown limit: never
}

TEST(OverLimitPrior, limitIsTheEdgesInItsDirection) {
  const Scenario s("A----------B", 10, {way("AB", 1).maxspeed(30)});
  ASSERT_EQ(s.map().edge_count(), 1u);
  EXPECT_DOUBLE_EQ(OverLimitPrior::limit_kmh(s.map(), 0, true, 20000), 30);
  EXPECT_DOUBLE_EQ(OverLimitPrior::limit_kmh(s.map(), 0, false, 20000), 30);
  const Scenario unknown("A----------B", 10, {way("AB", 1)});
  EXPECT_DOUBLE_EQ(OverLimitPrior::limit_kmh(unknown.map(), 0, true, 20000), 0);
}

TEST(OverLimitPrior, localDayFollowsTheMapsTimeZone) {
  // A drawn map has no time zones: local time is UTC.
  const Scenario s("A----------B", 10, {way("AB", 1)});
  const uint16_t zone = s.map().time_zone_at(s.coord('A'));
  const OverLimitPrior::LocalDay day = OverLimitPrior::local_day(s.map(), zone, 86400.0 * 20000 + 3600);
  EXPECT_EQ(day.day, 20000);
  EXPECT_TRUE(day.holds(86400.0 * 20000));
  EXPECT_TRUE(day.holds(86400.0 * 20001 - 1));
  EXPECT_FALSE(day.holds(86400.0 * 20001));
  EXPECT_EQ(OverLimitPrior::local_day(s.map(), zone, 86400.0 * 20000 - 1).day, 19999);
  EXPECT_FALSE(OverLimitPrior::LocalDay{}.holds(0));  // an unset day holds no time
}

}  // namespace drivelog::match
