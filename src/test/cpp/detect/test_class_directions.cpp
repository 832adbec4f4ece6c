// Direction-specific plain access and per-class one-way keys end to end (docs/CONDITIONAL.md,
// "Directions"): class_directions.osm is built into a map (Asia/Tokyo), drives are matched and
// judged for each vehicle class. Each entry against a direction closed to the class is exactly one
// finding: a no_entry where an access key closes that direction, a wrong_way where the class's
// one-way forbids it; none where the class's own key allows it.
#include <gtest/gtest.h>

#include <memory>
#include <utility>

#include "detect/detector.hpp"
#include "detect/rules.hpp"
#include "map/map_info_json.hpp"
#include "match/matcher.hpp"
#include "osm/osm_import.hpp"
#include "timed_drive.hpp"
#include "tokyo_map.hpp"

namespace drivelog::detect {
namespace {

using test::kMonday;

class ClassDirections : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    built_ = std::make_unique<test::TokyoMap>("class_directions.osm", "classdir");
    map_ = &built_->map;
  }
  static void TearDownTestSuite() { built_.reset(); }

  // The street of class_directions.osm at row `street` (0 = lat 35.6600), driven through all three
  // ways westbound (against the way under test's direction) or eastbound, at 10 m/s from `local_start`.
  static std::vector<match::TracePoint> along(int street, bool westbound, double local_start = kMonday + 12 * 3600) {
    const double lat = 35.6600 + 0.002 * street;
    std::vector<std::pair<double, double>> waypoints{{lat, 139.7001}, {lat, 139.7044}};
    if (westbound) std::swap(waypoints[0], waypoints[1]);
    return test::timed_drive(waypoints, 10, local_start);
  }

  // The no_entry and wrong_way findings of a drive, as "type class_tag" strings (the tag empty where
  // the edge's flags decided).
  static std::vector<std::string> findings(const std::vector<match::TracePoint>& points, VehicleClass vehicle) {
    std::vector<std::string> out;
    for (const ViolationType type : {ViolationType::no_entry, ViolationType::wrong_way}) {
      for (const Violation& v : test::found_for(*map_, points, type, vehicle)) {
        std::string tag = test::evidence_text(v, "class_tag");
        if (tag.starts_with("(missing")) tag.clear();  // decided by the edge's flags
        out.push_back(std::string(type == ViolationType::no_entry ? "no_entry" : "wrong_way") + " " + tag);
      }
    }
    return out;
  }

  static inline std::unique_ptr<test::TokyoMap> built_;
  static inline const map::MapView* map_ = nullptr;
};

using Found = std::vector<std::string>;
constexpr VehicleClass kCar = VehicleClass::car, kHgv = VehicleClass::hgv, kBus = VehicleClass::bus;

// motor_vehicle:backward=no: no entry westbound for every class, one finding each, none eastbound.
TEST_F(ClassDirections, ADirectionClosedByAccessIsOneNoEntryForEveryClass) {
  for (const VehicleClass vehicle : {kCar, kHgv, kBus, VehicleClass::motorcycle}) {
    EXPECT_EQ(findings(along(0, true), vehicle), (Found{"no_entry motor_vehicle:backward=no"})) << static_cast<int>(vehicle);
    EXPECT_EQ(findings(along(0, false), vehicle), Found{}) << static_cast<int>(vehicle);
  }
  // The car's direction is off the edge's flags (the matcher prices it as a one-way's).
  const map::EdgeRecord& closed = map_->edge(built_->edge_of(1001));
  EXPECT_TRUE(closed.has(map::edge_flags::kForwardAllowed));
  EXPECT_FALSE(closed.has(map::edge_flags::kBackwardAllowed));
  EXPECT_FALSE(closed.has(map::edge_flags::kClosed));
}

// oneway=yes + hgv:backward=no: the one-way decides for a lorry too (one wrong_way, not also a no_entry).
TEST_F(ClassDirections, AOneWayAlsoClosedByAccessIsOneWrongWay) {
  EXPECT_EQ(findings(along(1, true), kHgv), (Found{"wrong_way "}));
  EXPECT_EQ(findings(along(1, true), kCar), (Found{"wrong_way "}));
  // oneway=yes + motor_vehicle:backward=no likewise, for the car.
  EXPECT_EQ(findings(along(7, true), kCar), (Found{"wrong_way "}));
  EXPECT_EQ(findings(along(7, true), kBus), (Found{"wrong_way "}));
}

// oneway=yes + oneway:bus=no: buses both ways, the others one way.
TEST_F(ClassDirections, OnewayBusNoLetsABusDriveBothWays) {
  EXPECT_EQ(findings(along(2, true), kBus), Found{});
  EXPECT_EQ(findings(along(2, true), kCar), (Found{"wrong_way "}));
  EXPECT_EQ(findings(along(2, true), kHgv), (Found{"wrong_way "}));
}

// oneway:hgv=yes on a two-way street: a lorry against it is a wrong_way, named by the key; a car is free.
TEST_F(ClassDirections, AOneWayForLorriesBindsLorriesOnly) {
  EXPECT_EQ(findings(along(3, true), kHgv), (Found{"wrong_way oneway:hgv=yes"}));
  EXPECT_EQ(findings(along(3, false), kHgv), Found{});
  EXPECT_EQ(findings(along(3, true), kCar), Found{});
  EXPECT_EQ(findings(along(3, true), kBus), Found{});
}

// oneway=yes + psv:backward=yes (a contraflow bus lane): a bus may drive against the one-way.
TEST_F(ClassDirections, APsvDirectionalPermissionLiftsTheOneWayForABus) {
  EXPECT_EQ(findings(along(4, true), kBus), Found{});
  EXPECT_EQ(findings(along(4, true), kCar), (Found{"wrong_way "}));
}

// oneway:motorcar=yes binds cars only: a lorry and a bus drive both ways.
TEST_F(ClassDirections, AOneWayForCarsLeavesTheOthersTwoWay) {
  EXPECT_EQ(findings(along(5, true), kCar), (Found{"wrong_way "}));
  EXPECT_EQ(findings(along(5, true), kHgv), Found{});
  EXPECT_EQ(findings(along(5, true), kBus), Found{});
}

// oneway=yes + oneway:conditional=no @ (22:00-06:00) + oneway:bus=no: the conditional binds the car
// (two-way at night), not the bus, whose own key makes it two-way at every time.
TEST_F(ClassDirections, OnewayConditionalCombinesWithAClassOnewayKey) {
  EXPECT_EQ(findings(along(6, true), kCar), (Found{"wrong_way "}));
  EXPECT_EQ(findings(along(6, true, kMonday + 23 * 3600), kCar), Found{});
  EXPECT_EQ(findings(along(6, true), kBus), Found{});
  EXPECT_EQ(findings(along(6, true, kMonday + 23 * 3600), kBus), Found{});
}

// oneway=yes + oneway:conditional=no @ (22:00-06:00) + hgv:backward=no: a lorry driving west is
// against the one-way by day (one wrong_way) and enters a direction closed to it at night, when the
// street is two-way (one no_entry); a car is free at night.
TEST_F(ClassDirections, AOneWayLiftedAtNightLeavesTheLorriesClosedDirectionANoEntry) {
  const double night = kMonday + 23 * 3600;
  EXPECT_EQ(findings(along(8, true), kHgv), (Found{"wrong_way "}));
  EXPECT_EQ(findings(along(8, true, night), kHgv), (Found{"no_entry hgv:backward=no"}));
  EXPECT_EQ(findings(along(8, true), kCar), (Found{"wrong_way "}));
  EXPECT_EQ(findings(along(8, true, night), kCar), Found{});
  EXPECT_EQ(findings(along(8, false, night), kHgv), Found{});
  // motor_vehicle:backward=no likewise, for every class.
  for (const VehicleClass vehicle : {kCar, kHgv, kBus, VehicleClass::motorcycle}) {
    EXPECT_EQ(findings(along(9, true), vehicle), (Found{"wrong_way "})) << static_cast<int>(vehicle);
    EXPECT_EQ(findings(along(9, true, night), vehicle), (Found{"no_entry motor_vehicle:backward=no"})) << static_cast<int>(vehicle);
  }
}

// Only the class's most specific directional key, and only a permission, lifts its one-way:
// hgv:backward=destination lets no lorry drive against it, bus:backward=no decides over psv:backward=yes.
TEST_F(ClassDirections, ARestrictedOrOverriddenDirectionalKeyLeavesTheOneWay) {
  EXPECT_EQ(findings(along(10, true), kHgv), (Found{"wrong_way "}));
  EXPECT_EQ(findings(along(11, true), kBus), (Found{"wrong_way "}));
}

// oneway=yes + access=no + bus=yes (a one-way bus street): closed to a car or lorry either way, so
// entering it is one no_entry, not also a wrong_way; a bus against it is a wrong_way.
TEST_F(ClassDirections, AClosedOneWayIsOneNoEntry_aBusOnItOneWrongWay) {
  for (const VehicleClass vehicle : {kCar, kHgv}) {
    EXPECT_EQ(findings(along(12, true), vehicle), (Found{"no_entry "})) << static_cast<int>(vehicle);
    EXPECT_EQ(findings(along(12, false), vehicle), (Found{"no_entry "})) << static_cast<int>(vehicle);
  }
  EXPECT_EQ(findings(along(12, true), kBus), (Found{"wrong_way "}));
  EXPECT_EQ(findings(along(12, false), kBus), Found{});
}

// oneway=yes + motorcar:backward=yes: a car may drive both ways, and the edge's direction flags
// say so, so the matcher prices its legal direction as legal; the other classes keep the one-way.
TEST_F(ClassDirections, ACarsOwnDirectionalPermissionIsOnTheFlags) {
  const map::EdgeRecord& edge = map_->edge(built_->edge_of(1131));
  EXPECT_TRUE(edge.has(map::edge_flags::kForwardAllowed));
  EXPECT_TRUE(edge.has(map::edge_flags::kBackwardAllowed));
  EXPECT_EQ(findings(along(13, true), kCar), Found{});
  EXPECT_EQ(findings(along(13, true), kHgv), (Found{"wrong_way oneway=yes"}));
  EXPECT_EQ(findings(along(13, true), kBus), (Found{"wrong_way oneway=yes"}));
  EXPECT_EQ(findings(along(13, false), kHgv), Found{});
}

// oneway=yes + oneway:bus:conditional=no @ (06:00-20:00): a bus may drive against the one-way by day
// and not at night; a car and a lorry are bound by the plain one-way at all times.
TEST_F(ClassDirections, ABusOnewayConditionalLiftsTheOneWayForBusesByDay) {
  const double night = kMonday + 23 * 3600;
  EXPECT_EQ(findings(along(14, true), kBus), Found{});
  EXPECT_EQ(findings(along(14, true, night), kBus), (Found{"wrong_way "}));
  EXPECT_EQ(findings(along(14, false, night), kBus), Found{});
  for (const VehicleClass vehicle : {kCar, kHgv}) {
    EXPECT_EQ(findings(along(14, true), vehicle), (Found{"wrong_way "})) << static_cast<int>(vehicle);
    EXPECT_EQ(findings(along(14, true, night), vehicle), (Found{"wrong_way "})) << static_cast<int>(vehicle);
  }
}

// oneway:hgv:conditional=yes @ (07:00-09:00) on a two-way street: a lorry against it in the morning
// is a wrong_way named by the conditional; at noon, and for a car, nothing. The street's
// `oneway:psv:conditional=maybe @ (Mo-Fr)` is not understood: absent, a bus is free.
TEST_F(ClassDirections, ALorryOnewayConditionalBindsLorriesWhileItHolds) {
  const double morning = kMonday + 8 * 3600;
  const auto lorry = test::found_for(*map_, along(16, true, morning), ViolationType::wrong_way, kHgv);
  ASSERT_EQ(lorry.size(), 1U);
  EXPECT_EQ(test::evidence_text(lorry[0], "conditional_tag"), "oneway:hgv:conditional=yes @ (07:00-09:00)");
  EXPECT_EQ(test::evidence_text(lorry[0], "condition"), "07:00-09:00");
  EXPECT_EQ(test::evidence_text(lorry[0], "local_time"), "2026-12-07T08:00");
  EXPECT_EQ(findings(along(16, false, morning), kHgv), Found{});
  EXPECT_EQ(findings(along(16, true), kHgv), Found{});
  EXPECT_EQ(findings(along(16, true, morning), kCar), Found{});
  EXPECT_EQ(findings(along(16, true, morning), kBus), Found{});
}

// A direction an access key closes while a one-way conditional lifts the one-way (`oneway=yes` +
// `oneway:conditional=no @ (22:00-06:00)` + `hgv:backward=no`): the no_entry a time decided names
// the access key, the conditional it follows, the condition and the local time, as every
// conditional finding does; by day it is the one-way's wrong_way.
TEST_F(ClassDirections, ANoEntryAOnewayConditionalDecidedNamesItsConditionAndTime) {
  const double night = kMonday + 23 * 3600;
  struct Case {
    int street;
    const char* conditional_tag;
  };
  for (const Case c : {Case{8, "oneway:conditional=no @ (22:00-06:00)"}, Case{15, "oneway:hgv:conditional=no @ (22:00-06:00)"}}) {
    const auto lorry = test::found_for(*map_, along(c.street, true, night), ViolationType::no_entry, kHgv);
    ASSERT_EQ(lorry.size(), 1U) << c.street;
    EXPECT_EQ(test::evidence_text(lorry[0], "class_tag"), "hgv:backward=no");
    EXPECT_EQ(test::evidence_text(lorry[0], "conditional_tag"), c.conditional_tag);
    EXPECT_EQ(test::evidence_text(lorry[0], "condition"), "22:00-06:00");
    EXPECT_EQ(test::evidence_text(lorry[0], "local_time"), "2026-12-07T23:00");
    EXPECT_EQ(findings(along(c.street, true), kHgv), (Found{"wrong_way "})) << c.street;
    EXPECT_EQ(findings(along(c.street, false, night), kHgv), Found{}) << c.street;
  }
  // The lorry's own conditional leaves the car bound by the one-way at night too.
  EXPECT_EQ(findings(along(15, true, night), kCar), (Found{"wrong_way "}));
  // A two-way street one-way in the morning: closed to a lorry westbound at other times, by the
  // access key while no rule of the conditional holds (`24/7`), named with it and the time.
  const auto noon = test::found_for(*map_, along(17, true), ViolationType::no_entry, kHgv);
  ASSERT_EQ(noon.size(), 1U);
  EXPECT_EQ(test::evidence_text(noon[0], "class_tag"), "hgv:backward=no");
  EXPECT_EQ(test::evidence_text(noon[0], "conditional_tag"), "oneway:conditional=yes @ (07:00-09:00)");
  EXPECT_EQ(test::evidence_text(noon[0], "condition"), "24/7");
  EXPECT_EQ(test::evidence_text(noon[0], "local_time"), "2026-12-07T12:00");
  const auto morning = test::found_for(*map_, along(17, true, kMonday + 8 * 3600), ViolationType::wrong_way, kHgv);
  ASSERT_EQ(morning.size(), 1U);
  EXPECT_EQ(test::evidence_text(morning[0], "conditional_tag"), "oneway:conditional=yes @ (07:00-09:00)");
  EXPECT_EQ(findings(along(17, true, kMonday + 8 * 3600), kHgv).size(), 1U);  // not also a no_entry
}

// The build report counts the class one-way conditionals like the others, and a value not understood.
TEST_F(ClassDirections, TheBuildReportsClassOnewayConditionals) {
  const osm::ImportReport& report = built_->report;
  EXPECT_EQ(report.conditionals_stored.at("oneway:bus:conditional"), 1U);
  EXPECT_EQ(report.conditionals_stored.at("oneway:hgv:conditional"), 2U);
  EXPECT_EQ(report.conditionals_stored.at("oneway:conditional"), 4U);
  EXPECT_EQ(report.conditionals_not_understood.at("oneway:psv:conditional"), 1U);
  EXPECT_EQ(report.conditionals_stored.count("oneway:psv:conditional"), 0U);
  const std::string info = map::map_info_json(*map_);
  EXPECT_NE(info.find("\"oneway:hgv:conditional\":2"), std::string::npos) << info;
  EXPECT_NE(info.find("\"oneway:psv:conditional\":1"), std::string::npos) << info;
}

// What the map holds for each class, per kind of rule, in the build report and in `map info`.
TEST_F(ClassDirections, TheBuildCountsEachClassesOwnRules) {
  const std::string expected =
      "{\"car\":{\"access\":2,\"oneway\":1,\"maxspeed\":0,\"turn\":0},"
      "\"hgv\":{\"access\":5,\"oneway\":4,\"maxspeed\":0,\"turn\":0},"
      "\"bus\":{\"access\":3,\"oneway\":6,\"maxspeed\":0,\"turn\":0},"
      "\"motorcycle\":{\"access\":2,\"oneway\":3,\"maxspeed\":0,\"turn\":0}}";
  EXPECT_EQ(osm::class_rules_json(built_->report), expected);
  EXPECT_NE(map::map_info_json(*map_).find("\"class_rules\":" + expected), std::string::npos) << map::map_info_json(*map_);
}

}  // namespace
}  // namespace drivelog::detect
