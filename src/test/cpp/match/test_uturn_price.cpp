// uturn_price_m(): turning round priced by what the headings and speeds show.
#include "match/uturn_price.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace drivelog::match {
namespace {

constexpr double kBrakeMps2 = 5;

TracePoint fix(double time_s, float speed_mps) {
  TracePoint p;
  p.time_s = time_s;
  p.speed_mps = speed_mps;
  return p;
}

}  // namespace

TEST(UturnPrice, aTurnTheHeadingsShowCostsLessThanOneTheyDoNot) {
  const MatchConfig config;
  ASSERT_LT(config.uturn_seen_penalty_m, config.uturn_penalty_m);
  // Even seen, dearer than the forbidden turn, closed road or one-way it could explain away.
  EXPECT_GT(config.uturn_seen_penalty_m, config.restricted_turn_penalty_m);
  EXPECT_GT(config.uturn_seen_penalty_m, config.closed_penalty_m);
  EXPECT_GT(config.uturn_seen_penalty_m, config.wrong_way_penalty_m);
  EXPECT_EQ(uturn_price_m(config, true, true, kBrakeMps2, fix(0, 0.5F), fix(1, 3)), config.uturn_seen_penalty_m);
  EXPECT_EQ(uturn_price_m(config, false, true, kBrakeMps2, fix(0, 0.5F), fix(1, 3)), config.uturn_penalty_m);
  // Without trusted or reported speeds, the headings alone decide.
  EXPECT_EQ(uturn_price_m(config, true, false, kBrakeMps2, fix(0, 20), fix(1, 20)), config.uturn_seen_penalty_m);
  EXPECT_EQ(uturn_price_m(config, false, true, kBrakeMps2, fix(0, NAN), fix(1, 20)), config.uturn_penalty_m);
}

TEST(UturnPrice, slowEnoughToTurnRoundAddsNothing) {
  const MatchConfig config;
  // 8 m/s at both fixes a second apart: it may have braked to 5.5 m/s between them, and a half
  // circle of 5 m at 5.5 m/s needs 6.05 m/s^2, a hair over the grip allowed: a few millimetres more.
  EXPECT_NEAR(uturn_price_m(config, true, true, kBrakeMps2, fix(0, 8), fix(1, 8)), config.uturn_seen_penalty_m, 1);
  // Far apart in time the car may have slowed to a stop in between, whatever the two fixes say.
  EXPECT_EQ(uturn_price_m(config, true, true, kBrakeMps2, fix(0, 12), fix(5, 12)), config.uturn_seen_penalty_m);
  MatchConfig no_grip;
  no_grip.max_lateral_accel_mps2 = 0;  // turn speeds not judged at all
  EXPECT_EQ(uturn_price_m(no_grip, false, true, kBrakeMps2, fix(0, 30), fix(1, 30)), no_grip.uturn_penalty_m);
}

TEST(UturnPrice, tooFastToTurnRoundPaysForTheGripToo) {
  const MatchConfig config;
  const double at_36_kmh = uturn_price_m(config, false, true, kBrakeMps2, fix(0, 10), fix(1, 10));
  const double at_45_kmh = uturn_price_m(config, false, true, kBrakeMps2, fix(0, 12.5F), fix(1, 12.5F));
  EXPECT_GT(at_36_kmh, config.uturn_penalty_m + 20);
  EXPECT_GT(at_45_kmh, at_36_kmh);
  // Headings that say it turned round do not make a turn at speed cheap.
  EXPECT_GT(uturn_price_m(config, true, true, kBrakeMps2, fix(0, 12.5F), fix(1, 12.5F)), config.uturn_penalty_m);
  // Capped as every turn-speed prior is (HmmProbabilities::kMaxTurnLog): very fast is not infinitely dear.
  EXPECT_EQ(uturn_price_m(config, false, true, kBrakeMps2, fix(0, 40), fix(1, 40)),
            config.uturn_penalty_m + HmmProbabilities::kMaxTurnLog * config.beta_m);
}

}  // namespace drivelog::match
