// Conditional speed limits, turn restrictions and per-class / per-direction access end to end:
// conditional_rules.osm is built into a map (Asia/Tokyo from japan_dates.time-zones), a drive is
// matched and judged at its local time for the analysed vehicle.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <utility>

#include "detect/detector.hpp"
#include "detect/rules.hpp"
#include "match/matcher.hpp"
#include "osm/osm_import.hpp"
#include "timed_drive.hpp"
#include "tokyo_map.hpp"

namespace drivelog::detect {
namespace {

using test::kMonday;
using test::kTokyo;

class ConditionalRulesEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    built_ = std::make_unique<test::TokyoMap>("conditional_rules.osm", "condrules");
    map_ = &built_->map;
    report_ = &built_->report;
  }
  static void TearDownTestSuite() { built_.reset(); }

  static std::vector<match::TracePoint> drive(const std::vector<std::pair<double, double>>& waypoints, double speed_mps,
                                              double local_start) {
    return test::timed_drive(waypoints, speed_mps, local_start);
  }

  static std::vector<Violation> found(const std::vector<match::TracePoint>& points, ViolationType type,
                                      VehicleClass vehicle = VehicleClass::car) {
    return test::found_for(*map_, points, type, vehicle);
  }

  static std::vector<Violation> speeding_for(const std::vector<match::TracePoint>& points, const legal::VehicleProfile& vehicle) {
    return test::speeding_for(*map_, points, vehicle);
  }
  static std::string text(const Violation& v, const std::string& key) { return test::evidence_text(v, key); }
  static double number(const Violation& v, const std::string& key) { return test::evidence_number(v, key); }

  static uint32_t edge_of(int64_t way) { return built_->edge_of(way); }

  static inline std::unique_ptr<test::TokyoMap> built_;
  static inline const osm::ImportReport* report_ = nullptr;
  static inline const map::MapView* map_ = nullptr;
};

const std::vector<std::pair<double, double>> kWeightAvenue{{35.6600, 139.7002}, {35.6600, 139.7078}};
const std::vector<std::pair<double, double>> kSchoolStreet{{35.6620, 139.7002}, {35.6620, 139.7078}};
const std::vector<std::pair<double, double>> kLeftTurn{{35.6640, 139.7002}, {35.6640, 139.7020}, {35.6658, 139.7020}};

// detect_speeding asks plain_limit() first and limit_at() only where it declines: where it answers
// (here: ways under a legal rule whose own limits do not bind a car), it answers what limit_at()
// does, at any time; it declines on the ways with conditional limits.
TEST_F(ConditionalRulesEndToEnd, APlainLimitIsTheLimitAtWhereOneIsGiven) {
  ConditionalRules rules(*map_);
  int plain = 0, declined = 0;
  for (uint32_t edge = 0; edge < map_->edge_count(); ++edge) {
    for (const bool forward : {true, false}) {
      for (const double hour : {3.0, 8.0, 13.0, 22.0, -24.0 * 120}) {
        const double t = kMonday + hour * 3600;
        const std::optional<ConditionalRules::PlainLimit> limit = rules.plain_limit(edge, forward, t);
        if (!limit) {
          ++declined;
          continue;
        }
        ++plain;
        const VehicleLimit at = ConditionalRules(*map_).limit_at(edge, forward, t);
        EXPECT_EQ(at.limit.tenths_kmh, limit->limit.tenths_kmh) << edge;
        EXPECT_EQ(at.limit.source, limit->limit.source) << edge;
        EXPECT_EQ(at.limit.rule, limit->limit.rule) << edge;
        EXPECT_EQ(at.local_day, limit->local_day) << edge;
        EXPECT_TRUE(at.lowered_by.tag.empty() && at.lowered_by.condition.empty() && at.local_time.empty()) << edge;
        EXPECT_EQ(at.way_conditional.state, ConditionalVerdict::State::none) << edge;
      }
    }
  }
  EXPECT_GT(plain, 0);
  EXPECT_GT(declined, 0);
}

TEST_F(ConditionalRulesEndToEnd, TheBuildStoresEveryKindAndReportsIt) {
  EXPECT_EQ(report_->conditionals_stored.at("maxspeed:conditional"), 2U);
  EXPECT_EQ(report_->conditionals_stored.at("restriction:conditional"), 1U);
  EXPECT_EQ(report_->conditionals_stored.at("hgv:conditional"), 1U);
  EXPECT_EQ(report_->conditionals_stored.at("motor_vehicle:forward:conditional"), 1U);
  EXPECT_EQ(map_->info().turn_conditionals, 1U);
  EXPECT_NE(map_->info().conditional_summary.find("\"maxspeed:conditional\":2"), std::string::npos)
      << map_->info().conditional_summary;

  const auto school = map_->conditionals_on(edge_of(110));
  ASSERT_EQ(school.size(), 1U);
  EXPECT_EQ(school[0].kind, map::ConditionalKind::maxspeed);
  EXPECT_EQ(map_->string_at(school[0].rules), "30 @ (Mo-Fr 07:00-09:00)");
  // Closed to lorries by day: stored for the hgv only, and not flagged closed (the matcher prices a car).
  const auto lorries = map_->conditionals_on(edge_of(131));
  ASSERT_EQ(lorries.size(), 1U);
  EXPECT_EQ(lorries[0].vehicles, map::vehicle_bit(map::VehicleClass::hgv));
  EXPECT_EQ(map_->string_at(lorries[0].rules), "open @ (24/7); closed @ (07:00-19:00)");
  EXPECT_FALSE(map_->edge(edge_of(131)).has(map::edge_flags::kClosed));
  const auto eastbound = map_->conditionals_on(edge_of(141));
  ASSERT_EQ(eastbound.size(), 1U);
  EXPECT_EQ(eastbound[0].direction, map::ConditionalDirection::forward);
  EXPECT_TRUE(map_->edge(edge_of(141)).has(map::edge_flags::kClosed));  // closed to cars at times
}

// maxspeed:conditional=60 @ (weight>7.5) on an 80 road: a 12 t lorry at 72 km/h is speeding, a car is not.
TEST_F(ConditionalRulesEndToEnd, AWeightConditionalLimitBindsAHeavyLorryAndNotACar) {
  const auto points = drive(kWeightAvenue, 20, kMonday + 10 * 3600);
  legal::VehicleProfile lorry = vehicle_profile(VehicleClass::hgv);
  lorry.weight_t = 12;
  const auto for_lorry = speeding_for(points, lorry);
  ASSERT_EQ(for_lorry.size(), 1U);
  EXPECT_DOUBLE_EQ(number(for_lorry[0], "limit_kmh"), 60);
  EXPECT_EQ(text(for_lorry[0], "limit_source"), "conditional");
  EXPECT_EQ(text(for_lorry[0], "conditional_tag"), "maxspeed:conditional=60 @ (weight>7.5)");
  EXPECT_EQ(text(for_lorry[0], "condition"), "weight>7.5");
  EXPECT_EQ(text(for_lorry[0], "local_time"), "2026-12-07T10:00");
  EXPECT_TRUE(speeding_for(points, vehicle_profile(VehicleClass::car)).empty());
  legal::VehicleProfile light_van = vehicle_profile(VehicleClass::hgv);
  light_van.weight_t = 7;  // an hgv class vehicle under the weight: the plain 80 applies
  EXPECT_TRUE(speeding_for(points, light_van).empty());
}

// maxspeed:conditional=30 @ (Mo-Fr 07:00-09:00) on a 50 road, driven at 45 km/h.
TEST_F(ConditionalRulesEndToEnd, ASchoolTimeLimitHoldsInsideItsWindowOnly) {
  const auto at8 = found(drive(kSchoolStreet, 12.5, kMonday + 8 * 3600), ViolationType::speeding);
  ASSERT_EQ(at8.size(), 1U);
  EXPECT_DOUBLE_EQ(number(at8[0], "limit_kmh"), 30);
  EXPECT_EQ(text(at8[0], "limit_source"), "conditional");
  EXPECT_EQ(text(at8[0], "conditional_tag"), "maxspeed:conditional=30 @ (Mo-Fr 07:00-09:00)");
  EXPECT_EQ(text(at8[0], "condition"), "Mo-Fr 07:00-09:00");
  EXPECT_EQ(text(at8[0], "local_time"), "2026-12-07T08:00");
  EXPECT_TRUE(found(drive(kSchoolStreet, 12.5, kMonday + 12 * 3600), ViolationType::speeding).empty());
  EXPECT_TRUE(found(drive(kSchoolStreet, 12.5, kMonday - 86400 + 8 * 3600), ViolationType::speeding).empty());  // Sunday
  // Outside the window the plain limit still binds: 65 km/h on the 50 road.
  const auto fast = found(drive(kSchoolStreet, 18, kMonday + 12 * 3600), ViolationType::speeding);
  ASSERT_EQ(fast.size(), 1U);
  EXPECT_DOUBLE_EQ(number(fast[0], "limit_kmh"), 50);
  EXPECT_EQ(text(fast[0], "limit_source"), "tag");
  EXPECT_EQ(text(fast[0], "conditional_tag"), "(missing conditional_tag)");
}

// restriction:conditional=no_left_turn @ (Mo-Fr 07:00-09:00): the left turn at 08:00 is a violation, at 12:00 not.
TEST_F(ConditionalRulesEndToEnd, AConditionalTurnRestrictionIsBrokenInsideItsWindowOnly) {
  const auto at8 = found(drive(kLeftTurn, 8, kMonday + 8 * 3600), ViolationType::turn_restriction);
  ASSERT_EQ(at8.size(), 1U);
  EXPECT_EQ(text(at8[0], "restriction"), "no_left_turn");
  EXPECT_EQ(text(at8[0], "conditional_tag"), "restriction:conditional=no_left_turn @ (Mo-Fr 07:00-09:00)");
  EXPECT_EQ(text(at8[0], "condition"), "Mo-Fr 07:00-09:00");
  EXPECT_EQ(text(at8[0], "local_time").substr(0, 14), "2026-12-07T08:");
  EXPECT_TRUE(found(drive(kLeftTurn, 8, kMonday + 12 * 3600), ViolationType::turn_restriction).empty());
  EXPECT_TRUE(found(drive(kLeftTurn, 8, kMonday - 86400 + 8 * 3600), ViolationType::turn_restriction).empty());
}

// hgv:conditional=no @ (07:00-19:00) binds a lorry, not a car.
TEST_F(ConditionalRulesEndToEnd, AVehicleClassKeyBindsItsClassOnly) {
  const auto points = drive({{35.6700, 139.7002}, {35.6700, 139.7028}}, 8, kMonday + 10 * 3600);
  EXPECT_TRUE(found(points, ViolationType::no_entry, VehicleClass::car).empty());
  const auto lorry = found(points, ViolationType::no_entry, VehicleClass::hgv);
  ASSERT_EQ(lorry.size(), 1U);
  EXPECT_EQ(lorry[0].osm_way_ids, std::vector<int64_t>({131}));
  EXPECT_EQ(text(lorry[0], "conditional_tag"), "hgv:conditional=no @ (07:00-19:00)");
  EXPECT_TRUE(found(drive({{35.6700, 139.7002}, {35.6700, 139.7028}}, 8, kMonday + 20 * 3600), ViolationType::no_entry,
                    VehicleClass::hgv)
                  .empty());
}

// motor_vehicle:forward:conditional=no @ (07:00-19:00): eastbound (the way's direction) is closed by day, westbound not.
TEST_F(ConditionalRulesEndToEnd, ADirectionalKeyBindsItsDirectionOnly) {
  const auto east = found(drive({{35.6720, 139.7002}, {35.6720, 139.7043}}, 8, kMonday + 10 * 3600), ViolationType::no_entry);
  ASSERT_EQ(east.size(), 1U);
  EXPECT_EQ(east[0].osm_way_ids, std::vector<int64_t>({141}));
  EXPECT_EQ(text(east[0], "conditional_tag"), "motor_vehicle:forward:conditional=no @ (07:00-19:00)");
  EXPECT_TRUE(found(drive({{35.6720, 139.7043}, {35.6720, 139.7002}}, 8, kMonday + 10 * 3600), ViolationType::no_entry).empty());
}

// Plain per-class keys (docs/CONDITIONAL.md): stored as records that always hold, for the classes
// whose rule differs from the car's plain tags, and reported.
TEST_F(ConditionalRulesEndToEnd, PlainClassKeysAreStoredForTheClassesTheyChange) {
  EXPECT_EQ(report_->class_keys_stored.at("hgv"), 2U);  // hgv=no; hgv=yes under motorcar=no
  EXPECT_EQ(report_->class_keys_stored.at("maxspeed:hgv"), 1U);
  EXPECT_EQ(report_->class_keys_stored.at("restriction:hgv"), 1U);
  EXPECT_EQ(report_->class_keys_stored.at("except"), 1U);
  const auto no_lorries = map_->conditionals_on(edge_of(151));
  ASSERT_EQ(no_lorries.size(), 1U);
  EXPECT_TRUE(no_lorries[0].plain());
  EXPECT_EQ(no_lorries[0].vehicles, map::vehicle_bit(map::VehicleClass::hgv));
  EXPECT_EQ(no_lorries[0].direction, map::ConditionalDirection::both);
  EXPECT_EQ(map_->string_at(no_lorries[0].rules), "closed @ (24/7)");
  EXPECT_FALSE(map_->edge(edge_of(151)).has(map::edge_flags::kClosed));  // the matcher prices a car
  // motorcar=no opens nothing for a bus or a motorcycle either: no key of theirs closes it.
  const auto lorries_only = map_->conditionals_on(edge_of(161));
  ASSERT_EQ(lorries_only.size(), 2U);
  EXPECT_EQ(map_->string_at(lorries_only[0].rules), "open @ (24/7)");
  EXPECT_TRUE(map_->edge(edge_of(161)).has(map::edge_flags::kClosed));
  EXPECT_TRUE(map_->conditionals_on(edge_of(150)).empty());
}

// hgv=no: a no_entry for a lorry, not for a car.
TEST_F(ConditionalRulesEndToEnd, APlainClassClosureIsANoEntryForThatClassOnly) {
  const auto points = drive({{35.6740, 139.7002}, {35.6740, 139.7028}}, 8, kMonday + 10 * 3600);
  EXPECT_TRUE(found(points, ViolationType::no_entry, VehicleClass::car).empty());
  EXPECT_TRUE(found(points, ViolationType::no_entry, VehicleClass::bus).empty());
  const auto lorry = found(points, ViolationType::no_entry, VehicleClass::hgv);
  ASSERT_EQ(lorry.size(), 1U);
  EXPECT_EQ(lorry[0].osm_way_ids, std::vector<int64_t>({151}));
  EXPECT_EQ(text(lorry[0], "class_tag"), "hgv=no");
  EXPECT_EQ(text(lorry[0], "conditional_tag"), "(missing conditional_tag)");
}

// motorcar=no with hgv=yes: a no_entry for a car, not for a lorry.
TEST_F(ConditionalRulesEndToEnd, APlainClassKeyOpensARoadClosedToCars) {
  const auto points = drive({{35.6760, 139.7002}, {35.6760, 139.7028}}, 8, kMonday + 10 * 3600);
  const auto car = found(points, ViolationType::no_entry, VehicleClass::car);
  ASSERT_EQ(car.size(), 1U);
  EXPECT_EQ(car[0].osm_way_ids, std::vector<int64_t>({161}));
  EXPECT_EQ(text(car[0], "class_tag"), "(missing class_tag)");
  EXPECT_TRUE(found(points, ViolationType::no_entry, VehicleClass::hgv).empty());
}

// maxspeed:hgv=60 on an 80 road: 72 km/h is speeding for a lorry (a tagged limit), not for a car.
TEST_F(ConditionalRulesEndToEnd, APlainClassLimitBindsThatClassOnly) {
  const std::vector<std::pair<double, double>> avenue{{35.6780, 139.7002}, {35.6780, 139.7078}};
  const auto points = drive(avenue, 20, kMonday + 10 * 3600);
  const auto lorry = found(points, ViolationType::speeding, VehicleClass::hgv);
  ASSERT_EQ(lorry.size(), 1U);
  EXPECT_DOUBLE_EQ(number(lorry[0], "limit_kmh"), 60);
  EXPECT_EQ(text(lorry[0], "limit_source"), "tag");
  EXPECT_EQ(text(lorry[0], "class_tag"), "maxspeed:hgv=60");
  EXPECT_TRUE(found(points, ViolationType::speeding, VehicleClass::car).empty());
  EXPECT_TRUE(found(points, ViolationType::speeding, VehicleClass::bus).empty());
}

// restriction:hgv=no_left_turn: a turn finding for a lorry only.
TEST_F(ConditionalRulesEndToEnd, APlainClassTurnRestrictionBindsThatClassOnly) {
  const std::vector<std::pair<double, double>> left{{35.6800, 139.7002}, {35.6800, 139.7020}, {35.6818, 139.7020}};
  const auto points = drive(left, 8, kMonday + 10 * 3600);
  const auto lorry = found(points, ViolationType::turn_restriction, VehicleClass::hgv);
  ASSERT_EQ(lorry.size(), 1U);
  EXPECT_EQ(text(lorry[0], "restriction"), "no_left_turn");
  EXPECT_TRUE(found(points, ViolationType::turn_restriction, VehicleClass::car).empty());
}

// restriction=no_left_turn with except=bus: a turn finding for a car, not for a bus.
TEST_F(ConditionalRulesEndToEnd, ExceptExemptsTheClassesItNames) {
  const std::vector<std::pair<double, double>> left{{35.6860, 139.7002}, {35.6860, 139.7020}, {35.6878, 139.7020}};
  const auto points = drive(left, 8, kMonday + 10 * 3600);
  EXPECT_EQ(found(points, ViolationType::turn_restriction, VehicleClass::car).size(), 1U);
  EXPECT_EQ(found(points, ViolationType::turn_restriction, VehicleClass::hgv).size(), 1U);
  EXPECT_TRUE(found(points, ViolationType::turn_restriction, VehicleClass::bus).empty());
}

// access:conditional=no @ (Nov-Mar): closed in December, open in June.
TEST_F(ConditionalRulesEndToEnd, ASeasonalClosureHoldsInItsMonthsOnly) {
  const std::vector<std::pair<double, double>> pass{{35.6900, 139.7002}, {35.6900, 139.7028}};
  const auto december = found(drive(pass, 8, kMonday + 10 * 3600), ViolationType::no_entry);
  ASSERT_EQ(december.size(), 1U);
  EXPECT_EQ(december[0].osm_way_ids, std::vector<int64_t>({201}));
  EXPECT_EQ(text(december[0], "condition"), "Nov-Mar");
  EXPECT_EQ(text(december[0], "local_time"), "2026-12-07T10:00");
  EXPECT_TRUE(found(drive(pass, 8, kMonday - 180 * 86400 + 10 * 3600), ViolationType::no_entry).empty());  // 2026-06-10
}

}  // namespace
}  // namespace drivelog::detect
