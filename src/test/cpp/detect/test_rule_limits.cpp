// The legal default limits of vehicle classes end to end (detect/rule_limits.hpp): class_limits.osm
// built as Japan (from its position) and as Germany, a drive matched and judged for a lorry, a bus,
// a light lorry and a car.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "detect/conditional_rules.hpp"
#include "detect/detector.hpp"
#include "osm/osm_import.hpp"
#include "timed_drive.hpp"

namespace drivelog::detect {
namespace {

using test::evidence_number;
using test::evidence_text;
using test::kMonday;
using test::speeding_for;
using test::timed_drive;

const std::string kFixtures = std::string(DRIVELOG_TEST_DATA_DIR) + "/osm/";

class RuleLimitsEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    japan_ = build("JP", "");
    germany_ = build("DE", "DE");
  }
  static void TearDownTestSuite() {
    japan_.reset();
    germany_.reset();
    for (const char* name : {"JP", "DE"}) std::filesystem::remove(path(name));
  }
  static std::string path(const std::string& name) {
    return (std::filesystem::temp_directory_path() /
            ("drivelog-rulelimits-" + name + "-" + std::to_string(::getpid()) + ".dlmap")).string();
  }
  static std::unique_ptr<map::MapView> build(const std::string& name, const std::string& country) {
    osm::ImportOptions options;
    options.time_zones_file = kFixtures + "japan_dates.time-zones";
    options.country = country;
    osm::import_osm(kFixtures + "class_limits.osm", path(name), options);
    return std::make_unique<map::MapView>(map::MapView::open(path(name)));
  }
  static legal::VehicleProfile of(VehicleClass c, double weight_t = 0) {
    legal::VehicleProfile v = vehicle_profile(c);
    if (weight_t > 0) v.weight_t = weight_t;
    return v;
  }

  static inline std::unique_ptr<map::MapView> japan_, germany_;
};

const std::vector<std::pair<double, double>> kUntaggedMotorway{{35.6600, 139.7000}, {35.6600, 139.7300}};
const std::vector<std::pair<double, double>> kSignedMotorway{{35.6650, 139.7000}, {35.6650, 139.7300}};
const std::vector<std::pair<double, double>> kThirtyStreet{{35.6700, 139.7000}, {35.6700, 139.7080}};
const std::vector<std::pair<double, double>> kCountryRoad{{35.6750, 139.7000}, {35.6750, 139.7200}};
constexpr double kAtTen = kMonday + 10 * 3600;

// limit_at() remembers what the last edge direction and local day decided (ConditionalRules::LawMemo):
// asked in any order, one instance answers every question as a fresh one does, for every class and
// weight the law's limits tell apart, on days before and after Japan's 2026-09-01 change (a street
// without a centre line, japan_dates.osm: 60 km/h until 2026-08-31, 30 from 2026-09-01).
TEST_F(RuleLimitsEndToEnd, LimitAtAnswersAsAFreshInstanceWhateverWasAskedBefore) {
  osm::ImportOptions options;
  options.time_zones_file = kFixtures + "japan_dates.time-zones";
  osm::import_osm(kFixtures + "japan_dates.osm", path("JPdates"), options);
  const auto dates = std::make_unique<map::MapView>(map::MapView::open(path("JPdates")));
  // Days and hours back and forth on each edge direction in turn (2026-08-31 23:00 and 2026-09-01
  // 19:00 in Tokyo among them).
  const std::vector<double> hours{10, 10, 3, 22, 10 + 24, 10, -24 * 97 - 10, -24 * 97 + 10, -24 * 97 - 10, 10, 7.5};
  int lowered = 0, changed_by_day = 0, plain_answers = 0;
  for (const map::MapView* map : {japan_.get(), germany_.get(), dates.get()}) {
    for (const legal::VehicleProfile& vehicle : {of(VehicleClass::car), of(VehicleClass::hgv, 12), of(VehicleClass::hgv, 3),
                                                 of(VehicleClass::bus, 14)}) {
      ConditionalRules shared(*map, vehicle);
      for (uint32_t edge = 0; edge < map->edge_count(); ++edge) {
        for (const bool forward : {true, false}) {
          uint16_t first = 0;
          for (const double hour : hours) {
            const double t = kMonday + hour * 3600;
            const VehicleLimit got = shared.limit_at(edge, forward, t);
            const VehicleLimit want = ConditionalRules(*map, vehicle).limit_at(edge, forward, t);
            EXPECT_EQ(got.limit.tenths_kmh, want.limit.tenths_kmh) << edge << " " << hour;
            EXPECT_EQ(got.limit.source, want.limit.source) << edge << " " << hour;
            EXPECT_EQ(got.limit.rule, want.limit.rule) << edge << " " << hour;
            EXPECT_EQ(got.local_day, want.local_day) << edge << " " << hour;
            EXPECT_EQ(got.lowered_by.tenths_kmh, want.lowered_by.tenths_kmh) << edge << " " << hour;
            EXPECT_EQ(got.lowered_by.tag, want.lowered_by.tag) << edge << " " << hour;
            EXPECT_EQ(got.lowered_by.condition, want.lowered_by.condition) << edge << " " << hour;
            EXPECT_EQ(got.local_time, want.local_time) << edge << " " << hour;
            if (!want.lowered_by.tag.empty()) ++lowered;
            // plain_limit(), where it answers, answers the same (asked on the shared instance too).
            if (const auto plain = shared.plain_limit(edge, forward, t)) {
              EXPECT_EQ(plain->limit.tenths_kmh, want.limit.tenths_kmh) << edge << " " << hour;
              EXPECT_EQ(plain->limit.source, want.limit.source) << edge << " " << hour;
              EXPECT_EQ(plain->limit.rule, want.limit.rule) << edge << " " << hour;
              EXPECT_EQ(plain->local_day, want.local_day) << edge << " " << hour;
              EXPECT_TRUE(want.lowered_by.tag.empty() && want.local_time.empty()) << edge << " " << hour;
              ++plain_answers;
            }
            if (first == 0) first = want.limit.tenths_kmh;
            if (want.limit.tenths_kmh != first) ++changed_by_day;
          }
        }
      }
    }
  }
  std::filesystem::remove(path("JPdates"));
  EXPECT_GT(lowered, 0);         // the rules' own limits for the vehicle were asked
  EXPECT_GT(changed_by_day, 0);  // and a limit that the local day changes
  EXPECT_GT(plain_answers, 0);
}

// limit_at() remembers, where the rule's own limits may bind, its last answer by edge direction,
// local day and local minute (ConditionalRules::LoweredMemo): one instance asked second by second
// across minute boundaries, and through two days, answers as a fresh one at every instant.
TEST_F(RuleLimitsEndToEnd, LimitAtAnswersAsAFreshInstanceSecondBySecond) {
  std::vector<double> instants;
  for (const double around : {kAtTen, kAtTen + 7 * 3600 + 30}) {
    for (double t = around - 90; t <= around + 90; t += 1) instants.push_back(t);
    for (double t = around + 90; t >= around - 90; t -= 0.7) instants.push_back(t);
  }
  for (double t = kMonday - 86400; t <= kMonday + 86400; t += 293) instants.push_back(t);
  int lowered = 0, with_condition = 0;
  for (const map::MapView* map : {japan_.get(), germany_.get()}) {
    for (const legal::VehicleProfile& vehicle : {of(VehicleClass::car), of(VehicleClass::hgv, 12), of(VehicleClass::bus, 14)}) {
      for (uint32_t edge = 0; edge < map->edge_count(); ++edge) {
        for (const bool forward : {true, false}) {
          ConditionalRules shared(*map, vehicle);
          for (const double t : instants) {
            const VehicleLimit got = shared.limit_at(edge, forward, t);
            const VehicleLimit want = ConditionalRules(*map, vehicle).limit_at(edge, forward, t);
            ASSERT_EQ(got.limit.tenths_kmh, want.limit.tenths_kmh) << edge << " " << t;
            ASSERT_EQ(got.limit.source, want.limit.source) << edge << " " << t;
            ASSERT_EQ(got.limit.rule, want.limit.rule) << edge << " " << t;
            ASSERT_EQ(got.local_day, want.local_day) << edge << " " << t;
            ASSERT_EQ(got.lowered_by.tenths_kmh, want.lowered_by.tenths_kmh) << edge << " " << t;
            ASSERT_EQ(got.lowered_by.tag, want.lowered_by.tag) << edge << " " << t;
            ASSERT_EQ(got.lowered_by.condition, want.lowered_by.condition) << edge << " " << t;
            ASSERT_EQ(got.local_time, want.local_time) << edge << " " << t;
            if (!want.lowered_by.tag.empty()) ++lowered;
            if (!want.local_time.empty()) ++with_condition;
          }
        }
      }
    }
  }
  EXPECT_GT(lowered, 0);
  EXPECT_GT(with_condition, 0);  // the local time, which changes every minute, was part of answers
}

// Japan's expressway: 100 for a car, 80 for a lorry (maxspeed:hgv); 95 km/h is speeding for the lorry only.
TEST_F(RuleLimitsEndToEnd, ALorryOnAJapaneseExpresswayGetsItsClassLimit) {
  const auto points = timed_drive(kUntaggedMotorway, 95 / 3.6, kAtTen);
  const auto lorry = speeding_for(*japan_, points, of(VehicleClass::hgv));
  ASSERT_EQ(lorry.size(), 1U);
  EXPECT_DOUBLE_EQ(evidence_number(lorry[0], "limit_kmh"), 80);
  EXPECT_EQ(evidence_text(lorry[0], "limit_source"), "legal default");
  EXPECT_EQ(evidence_text(lorry[0], "limit_rule"), "JP: motorway (exact)");
  EXPECT_EQ(evidence_text(lorry[0], "class_tag"), "maxspeed:hgv=80");
  EXPECT_TRUE(speeding_for(*japan_, points, of(VehicleClass::car)).empty());
  EXPECT_TRUE(speeding_for(*japan_, points, of(VehicleClass::motorcycle)).empty());  // no class limit: as the car
}

// A car at 110 on the same road: judged at the car's 100, with no class evidence (as before).
TEST_F(RuleLimitsEndToEnd, ACarKeepsTheCarLimit) {
  const auto car = speeding_for(*japan_, timed_drive(kUntaggedMotorway, 110 / 3.6, kAtTen), of(VehicleClass::car));
  ASSERT_EQ(car.size(), 1U);
  EXPECT_DOUBLE_EQ(evidence_number(car[0], "limit_kmh"), 100);
  EXPECT_EQ(evidence_text(car[0], "class_tag"), "(missing class_tag)");
}

// maxspeed:bus=100 with maxspeed:bus:conditional=80 @ (weightrating>8): a 15 t bus gets 80.
TEST_F(RuleLimitsEndToEnd, AHeavyBusGetsTheDatasetsConditionalLimit) {
  const auto bus = speeding_for(*japan_, timed_drive(kUntaggedMotorway, 95 / 3.6, kAtTen), of(VehicleClass::bus));
  ASSERT_EQ(bus.size(), 1U);
  EXPECT_DOUBLE_EQ(evidence_number(bus[0], "limit_kmh"), 80);
  EXPECT_EQ(evidence_text(bus[0], "limit_source"), "legal default");
  EXPECT_EQ(evidence_text(bus[0], "conditional_tag"), "maxspeed:bus:conditional=80 @ (weightrating>8)");
  EXPECT_EQ(evidence_text(bus[0], "condition"), "weightrating>8");
  EXPECT_EQ(evidence_text(bus[0], "local_time"), "2026-12-07T10:00");
  // A minibus of 5 t: the condition does not hold, the bus limit (as the car's) does.
  EXPECT_TRUE(speeding_for(*japan_, timed_drive(kUntaggedMotorway, 95 / 3.6, kAtTen), of(VehicleClass::bus, 5)).empty());
}

// A sign of 100 on the expressway: the lorry's legal 80 still caps it (limit from the law, not the tag).
TEST_F(RuleLimitsEndToEnd, ALorrysClassLimitCapsASignedLimit) {
  const auto points = timed_drive(kSignedMotorway, 95 / 3.6, kAtTen);
  const auto lorry = speeding_for(*japan_, points, of(VehicleClass::hgv));
  ASSERT_EQ(lorry.size(), 1U);
  EXPECT_DOUBLE_EQ(evidence_number(lorry[0], "limit_kmh"), 80);
  EXPECT_EQ(evidence_text(lorry[0], "limit_source"), "legal default");
  EXPECT_EQ(evidence_text(lorry[0], "class_tag"), "maxspeed:hgv=80");
  EXPECT_TRUE(speeding_for(*japan_, points, of(VehicleClass::car)).empty());
}

// maxspeed=30 on a street where the law allows a lorry more: the tag holds for every class.
TEST_F(RuleLimitsEndToEnd, ATaggedLimitBelowTheClassLimitHoldsForEveryClass) {
  const auto points = timed_drive(kThirtyStreet, 40 / 3.6, kAtTen);
  for (const VehicleClass c : {VehicleClass::car, VehicleClass::hgv, VehicleClass::bus, VehicleClass::motorcycle}) {
    const auto found = speeding_for(*japan_, points, of(c));
    ASSERT_EQ(found.size(), 1U) << vehicle_class_name(c);
    EXPECT_DOUBLE_EQ(evidence_number(found[0], "limit_kmh"), 30) << vehicle_class_name(c);
    EXPECT_EQ(evidence_text(found[0], "limit_source"), "tag") << vehicle_class_name(c);
    EXPECT_EQ(evidence_text(found[0], "class_tag"), "(missing class_tag)") << vehicle_class_name(c);
  }
}

// Japan's other roads list maxspeed:hgv=80 beside a car's 60: a class limit never raises the car's.
TEST_F(RuleLimitsEndToEnd, AClassLimitAboveTheCarsDoesNotApply) {
  const auto lorry = speeding_for(*japan_, timed_drive(kCountryRoad, 72 / 3.6, kAtTen), of(VehicleClass::hgv));
  ASSERT_EQ(lorry.size(), 1U);
  EXPECT_DOUBLE_EQ(evidence_number(lorry[0], "limit_kmh"), 60);
  EXPECT_EQ(evidence_text(lorry[0], "class_tag"), "(missing class_tag)");
}

// Germany outside built-up areas: 100 for a car, maxspeed:hgv=80, maxspeed:hgv:conditional=60 @
// (weightrating>7.5). At 72 km/h an 18 t lorry speeds (60), a 3 t lorry and a car do not.
TEST_F(RuleLimitsEndToEnd, AWeightConditionalFromTheLawBindsAHeavyLorryOnly) {
  const auto points = timed_drive(kCountryRoad, 72 / 3.6, kAtTen);
  const auto heavy = speeding_for(*germany_, points, of(VehicleClass::hgv));
  ASSERT_EQ(heavy.size(), 1U);
  EXPECT_DOUBLE_EQ(evidence_number(heavy[0], "limit_kmh"), 60);
  EXPECT_EQ(evidence_text(heavy[0], "conditional_tag"), "maxspeed:hgv:conditional=60 @ (weightrating>7.5)");
  EXPECT_EQ(evidence_text(heavy[0], "condition"), "weightrating>7.5");
  EXPECT_TRUE(speeding_for(*germany_, points, of(VehicleClass::hgv, 3)).empty());
  EXPECT_TRUE(speeding_for(*germany_, points, of(VehicleClass::car)).empty());
  // The 3 t lorry at 90: over its class's 80, not the car's 100.
  const auto light = speeding_for(*germany_, timed_drive(kCountryRoad, 90 / 3.6, kAtTen), of(VehicleClass::hgv, 3));
  ASSERT_EQ(light.size(), 1U);
  EXPECT_DOUBLE_EQ(evidence_number(light[0], "limit_kmh"), 80);
  EXPECT_EQ(evidence_text(light[0], "class_tag"), "maxspeed:hgv=80");
}

// The same road's maxspeed:conditional=80 @ (trailer): a car towing a trailer (analysis.vehicle.trailers)
// at 90 km/h speeds against 80; without one it does not (100).
TEST_F(RuleLimitsEndToEnd, ACarTowingATrailerGetsTheLawsTrailerLimit) {
  const auto points = timed_drive(kCountryRoad, 90 / 3.6, kAtTen);
  EXPECT_TRUE(speeding_for(*germany_, points, of(VehicleClass::car)).empty());
  DetectConfig towing;
  towing.vehicle_trailers = 1;
  const auto found = speeding_for(*germany_, points, vehicle_profile(towing));
  ASSERT_EQ(found.size(), 1U);
  EXPECT_DOUBLE_EQ(evidence_number(found[0], "limit_kmh"), 80);
  EXPECT_EQ(evidence_text(found[0], "condition"), "trailer");
}

}  // namespace
}  // namespace drivelog::detect
