#include "match/over_limit_prior.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(OverLimitPrior, limitCacheAnswersAsTheMapDoes) {
  // Five edges, each direction its own limit (one unknown), looked up in an order that revisits
  // edges and days; two slots, so that edges keep evicting one another.
  std::vector<scenario::WaySpec> ways;
  for (int k = 0; k < 5; ++k) {
    scenario::WaySpec w = way(std::string{static_cast<char>('A' + k), static_cast<char>('B' + k)}, k + 1);
    w.maxspeed_forward_kmh = 20 + 10 * k;
    w.maxspeed_backward_kmh = k == 3 ? 0 : 25 + 10 * k;
    ways.push_back(w);
  }
  const Scenario s("A--B--C--D--E--F", 10, ways);
  ASSERT_EQ(s.map().edge_count(), 5u);
  OverLimitPrior::LimitCache cache(2);
  OverLimitPrior::LimitCache roomy;
  for (const int32_t day : {20000, 20000, 20001, 20000}) {
    for (const uint32_t edge : {0u, 1u, 0u, 4u, 2u, 2u, 3u, 1u}) {
      for (const bool forward : {true, false, true}) {
        const double direct = OverLimitPrior::limit_kmh(s.map(), edge, forward, day);
        EXPECT_EQ(cache.limit_kmh(s.map(), edge, forward, day), direct) << edge << forward << day;
        EXPECT_EQ(roomy.limit_kmh(s.map(), edge, forward, day), direct) << edge << forward << day;
      }
      // Both directions from one lookup, as each alone.
      const OverLimitPrior::BothWays both = cache.both_kmh(s.map(), edge, day);
      EXPECT_EQ(both.forward_kmh, OverLimitPrior::limit_kmh(s.map(), edge, true, day)) << edge << day;
      EXPECT_EQ(both.backward_kmh, OverLimitPrior::limit_kmh(s.map(), edge, false, day)) << edge << day;
    }
  }
  EXPECT_EQ(roomy.limit_kmh(s.map(), 3, false, 20000), 0);
  EXPECT_EQ(roomy.limit_kmh(s.map(), 3, true, 20000), 50);
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
