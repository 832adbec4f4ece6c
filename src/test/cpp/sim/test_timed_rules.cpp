// The simulator judges conditional restrictions as the engine does (conditional_town.osm: a Tokyo
// town with streets closed at night, open on weekday days only, one-way in the rush hour): legal
// drives use such a street only while it is open to them, injected conditional violations happen
// where a rule in force forbids the move, and the truth names the rule.
#include "sim/timed_rules.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "detect/detector.hpp"
#include "osm/osm_import.hpp"
#include "sim/drive.hpp"
#include "sim/simulator.hpp"
#include "sim/truth.hpp"

namespace drivelog::sim {
namespace {

const std::string kFixtures = std::string(DRIVELOG_TEST_DATA_DIR) + "/osm/";
constexpr double kMondayTokyo = 1795359600;  // 2026-11-23T00:00 in Tokyo (2026-11-22T15:00Z), a Monday
constexpr double kHour = 3600;
const std::set<int64_t> kTimeDependentWays{1011, 1021, 2011, 2002, 2013, 1031};

class ConditionalTown : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    osm::ImportOptions options;
    options.time_zones_file = kFixtures + "japan_dates.time-zones";
    osm::import_osm(kFixtures + "conditional_town.osm", path(), options);
    map_ = std::make_unique<map::MapView>(map::MapView::open(path()));
  }
  static void TearDownTestSuite() {
    map_.reset();
    std::filesystem::remove(path());
  }
  static std::string path() {
    return (std::filesystem::temp_directory_path() / ("drivelog-sim-conditional-town-" + std::to_string(::getpid()) + ".dlmap")).string();
  }
  static const map::MapView& town() { return *map_; }
  static DirectedEdge on_way(int64_t way, bool reversed) {
    for (uint32_t e = 0; e < map_->edge_count(); ++e) {
      if (map_->edge(e).osm_way_id == way) return DirectedEdge{e, reversed};
    }
    ADD_FAILURE() << "no edge of way " << way;
    return {};
  }
  // Every truth violation of `trips` trips starting each hour from Monday 00:00 in Tokyo.
  static std::vector<TruthViolation> truth_of(const SimConfig& config, uint32_t trips, std::set<int64_t>* ways_driven = nullptr) {
    std::vector<TruthViolation> all;
    for (uint32_t k = 1; k <= trips; ++k) {
      const auto trip = simulate_trip(town(), config, k);
      EXPECT_TRUE(trip.has_value()) << "trip " << k;
      if (!trip) continue;
      all.insert(all.end(), trip->truth.violations.begin(), trip->truth.violations.end());
      if (ways_driven != nullptr) {
        for (const auto& entry : trip->truth.route) ways_driven->insert(entry.osm_way_id);
      }
    }
    return all;
  }
  static SimConfig hourly_from_monday() {
    SimConfig config;
    config.rates = ViolationRates{0, 0, 0, 0, 0};
    config.start_time_ms = static_cast<int64_t>(kMondayTokyo) * 1000;
    config.route.min_length_m = 600;
    config.route.max_length_m = 1500;
    return config;
  }
  static std::unique_ptr<map::MapView> map_;
};
std::unique_ptr<map::MapView> ConditionalTown::map_;

std::string evidence(const TruthViolation& v, const std::string& key) {
  for (const auto& e : v.evidence) {
    if (e.key == key) return e.text;
  }
  return {};
}

TEST_F(ConditionalTown, ClosedAtNightOpenByDay) {
  TimedRules rules(town());
  const DirectedEdge street = on_way(1011, false);
  const EdgeRulesAt at16 = rules.at(street, kMondayTokyo + 16 * kHour);
  EXPECT_TRUE(at16.closed_by_conditional());
  ASSERT_EQ(at16.access.state, detect::ConditionalVerdict::State::holds);
  EXPECT_EQ(town().string_at(at16.access.key), "motor_vehicle:conditional");
  EXPECT_EQ(at16.access.local_time, "2026-11-23T16:00");
  EXPECT_TRUE(rules.at(street, kMondayTokyo + 10 * kHour).legal());
}

TEST_F(ConditionalTown, ClosedByItsPlainTagOpenOnWeekdayDays) {
  TimedRules rules(town());
  const DirectedEdge street = on_way(2011, false);
  EXPECT_TRUE(rules.at(street, kMondayTokyo + 9 * kHour).legal());
  EXPECT_TRUE(rules.at(street, kMondayTokyo + 19 * kHour).closed);
  EXPECT_TRUE(rules.at(street, kMondayTokyo - 2 * 24 * kHour + 9 * kHour).closed);  // Saturday
}

TEST_F(ConditionalTown, OneWayInTheRushHourOnly) {
  TimedRules rules(town());
  EXPECT_TRUE(rules.at(on_way(1021, true), kMondayTokyo + 8 * kHour).against_by_conditional());
  EXPECT_TRUE(rules.at(on_way(1021, false), kMondayTokyo + 8 * kHour).legal());
  EXPECT_TRUE(rules.at(on_way(1021, true), kMondayTokyo + 12 * kHour).legal());
  EXPECT_TRUE(rules.at(on_way(2013, false), kMondayTokyo + 18 * kHour).against_by_conditional());  // -1: northwards only
}

TEST_F(ConditionalTown, TheSameRulesThroughoutAWindowOrNothing) {
  TimedRules rules(town());
  const DirectedEdge street = on_way(1011, false);
  EXPECT_FALSE(rules.throughout(street, kMondayTokyo + 14.5 * kHour, kMondayTokyo + 15.5 * kHour).has_value());
  const auto morning = rules.throughout(street, kMondayTokyo + 9 * kHour, kMondayTokyo + 11 * kHour);
  ASSERT_TRUE(morning.has_value());
  EXPECT_TRUE(morning->legal());
  // A road without conditional records: its plain flags, whatever the window.
  EXPECT_TRUE(rules.throughout(on_way(1000, false), 0, 1e9)->legal());
}

TEST_F(ConditionalTown, TheVehicleIsTheConfiguredOne) {
  TimedRules car(town());
  TimedRules bus(town(), detect::vehicle_profile(detect::VehicleClass::bus));
  // motor_vehicle:conditional applies to a bus as to a car; the verdict names the same tag.
  EXPECT_EQ(car.at(on_way(1011, false), kMondayTokyo + 16 * kHour).closed, bus.at(on_way(1011, false), kMondayTokyo + 16 * kHour).closed);
}

TEST_F(ConditionalTown, LegalDrivesUseTimeDependentStreetsOnlyWhileOpen) {
  std::set<int64_t> driven;
  const auto violations = truth_of(hourly_from_monday(), 48, &driven);
  EXPECT_TRUE(violations.empty()) << violations.size() << " violations on legal drives, the first " << violations[0].type
                                  << " on way " << violations[0].osm_way_ids[0];
  std::vector<int64_t> time_dependent_driven;
  std::set_intersection(driven.begin(), driven.end(), kTimeDependentWays.begin(), kTimeDependentWays.end(),
                        std::back_inserter(time_dependent_driven));
  EXPECT_GE(time_dependent_driven.size(), 3u) << "legal drives avoid the time-dependent streets";
}

TEST_F(ConditionalTown, InjectedConditionalViolationsBreakTheRuleInForce) {
  SimConfig config = hourly_from_monday();
  config.rates.conditional = 1;
  const auto violations = truth_of(config, 48);
  int no_entry = 0, wrong_way = 0, by_plain_tags = 0;
  for (const TruthViolation& v : violations) {
    const std::string tag = evidence(v, "conditional_tag");
    ASSERT_TRUE(v.type == "no_entry" || v.type == "wrong_way") << v.type;
    (v.type == "no_entry" ? no_entry : wrong_way)++;
    if (tag.empty()) {
      // No conditional rule in force: the plain tags of a time-dependent road decided, when its
      // conditional did not hold (weekday days on 2011, night on 1031).
      ++by_plain_tags;
      ASSERT_EQ(v.osm_way_ids.size(), 1u);
      EXPECT_TRUE((v.type == "no_entry" && v.osm_way_ids[0] == 2011) || (v.type == "wrong_way" && v.osm_way_ids[0] == 1031))
          << v.type << " on way " << v.osm_way_ids[0];
      continue;
    }
    const std::string local_time = evidence(v, "local_time");
    ASSERT_EQ(local_time.size(), 16u) << local_time;
    const int hour = std::stoi(local_time.substr(11, 2));
    if (tag.starts_with("motor_vehicle:conditional=no")) {
      EXPECT_TRUE(hour >= 15 || hour < 5) << local_time;  // Monday and Tuesday: no Sunday rule
    } else if (tag.starts_with("access:conditional=no")) {
      EXPECT_TRUE(hour >= 20 || hour < 6) << local_time;
    } else if (tag.starts_with("oneway:conditional=yes")) {
      EXPECT_TRUE(hour >= 7 && hour < 10) << local_time;
    } else {
      EXPECT_TRUE(tag.starts_with("oneway:conditional=-1")) << tag;
      EXPECT_TRUE(hour >= 17 && hour < 20) << local_time;
    }
  }
  EXPECT_GE(no_entry, 5);
  EXPECT_GE(wrong_way, 3);
  EXPECT_GE(by_plain_tags, 1);
  EXPECT_GE(static_cast<int>(violations.size()) - by_plain_tags, 5);
}

// Plain per-class keys and turn restrictions as the engine judges them (conditional_rules.osm,
// Asia/Tokyo): way 151 `hgv=no`; relation 900
// `restriction:conditional=no_left_turn @ (Mo-Fr 07:00-09:00)` (120 -> 122), relation 901
// `restriction:hgv=no_left_turn` (180 -> 182), relation 902 `restriction=no_left_turn` with
// `except=bus` (190 -> 192).
class ClassAndTurnRules : public ::testing::Test {
 protected:
  static constexpr double kMondayTokyo = 1796569200;  // 2026-12-07T00:00 in Tokyo, a Monday
  static void SetUpTestSuite() {
    osm::ImportOptions options;
    options.time_zones_file = kFixtures + "japan_dates.time-zones";
    osm::import_osm(kFixtures + "conditional_rules.osm", path(), options);
    map_ = std::make_unique<map::MapView>(map::MapView::open(path()));
  }
  static void TearDownTestSuite() {
    map_.reset();
    std::filesystem::remove(path());
  }
  static std::string path() {
    return (std::filesystem::temp_directory_path() / ("drivelog-sim-turns-" + std::to_string(::getpid()) + ".dlmap")).string();
  }
  static DirectedEdge on_way(int64_t way) {
    for (uint32_t e = 0; e < map_->edge_count(); ++e) {
      if (map_->edge(e).osm_way_id == way) return DirectedEdge{e, false};
    }
    ADD_FAILURE() << "no edge of way " << way;
    return {};
  }
  // The truth's turn violations of driving `from` then `to`, starting at `utc_s`, for `vehicle`.
  static std::vector<TruthViolation> turns(int64_t from, int64_t to, double utc_s, detect::VehicleClass vehicle) {
    SimConfig config;
    Rng rng(7), extra(8);
    const Drive drive = plan_drive(*map_, config, {on_way(from), on_way(to)}, rng, extra);
    TimedRules rules(*map_, detect::vehicle_profile(vehicle));
    std::vector<TruthViolation> out;
    for (const TruthViolation& v : derive_truth(*map_, drive, TruthThresholds{}, utc_s, &rules).violations) {
      if (v.type == "turn_restriction") out.push_back(v);
    }
    return out;
  }
  static inline std::unique_ptr<map::MapView> map_;
};

TEST_F(ClassAndTurnRules, AConditionalTurnRestrictionIsInForceInsideItsWindowOnly) {
  TimedRules car(*map_);
  detect::ConditionalVerdict verdict;
  ASSERT_NE(car.turn_at(on_way(120), on_way(122), kMondayTokyo + 8 * kHour, &verdict), nullptr);
  EXPECT_EQ(verdict.state, detect::ConditionalVerdict::State::holds);
  EXPECT_EQ(map_->string_at(verdict.key), "restriction:conditional");
  EXPECT_EQ(car.turn_at(on_way(120), on_way(122), kMondayTokyo + 12 * kHour), nullptr);
  EXPECT_EQ(car.turn_at(on_way(120), on_way(122), kMondayTokyo - 24 * kHour + 8 * kHour), nullptr);  // Sunday
  EXPECT_EQ(car.turn_at(on_way(120), on_way(121), kMondayTokyo + 8 * kHour), nullptr);  // straight on
  // Over a window: forbidden throughout 07:10-08:50, not throughout 08:30-09:30.
  EXPECT_TRUE(car.turn_forbidden_throughout(on_way(120), on_way(122), kMondayTokyo + 7.17 * kHour, kMondayTokyo + 8.83 * kHour));
  EXPECT_FALSE(car.turn_forbidden_throughout(on_way(120), on_way(122), kMondayTokyo + 8.5 * kHour, kMondayTokyo + 9.5 * kHour));
}

TEST_F(ClassAndTurnRules, TheTruthJudgesATurnAtTheTimeItWasMade) {
  const auto at8 = turns(120, 122, kMondayTokyo + 8 * kHour, detect::VehicleClass::car);
  ASSERT_EQ(at8.size(), 1U);
  EXPECT_EQ(evidence(at8[0], "conditional_tag"), "restriction:conditional=no_left_turn @ (Mo-Fr 07:00-09:00)");
  EXPECT_EQ(evidence(at8[0], "restriction"), "no");
  EXPECT_TRUE(turns(120, 122, kMondayTokyo + 12 * kHour, detect::VehicleClass::car).empty());
}

TEST_F(ClassAndTurnRules, ATurnRestrictionBindsTheClassesItNames) {
  TimedRules car(*map_);
  TimedRules lorry(*map_, detect::vehicle_profile(detect::VehicleClass::hgv));
  TimedRules bus(*map_, detect::vehicle_profile(detect::VehicleClass::bus));
  const double noon = kMondayTokyo + 12 * kHour;
  EXPECT_EQ(car.turn_at(on_way(180), on_way(182), noon), nullptr);
  EXPECT_NE(lorry.turn_at(on_way(180), on_way(182), noon), nullptr);
  EXPECT_TRUE(lorry.turn_forbidden_throughout(on_way(180), on_way(182), noon, noon + 24 * kHour));
  EXPECT_NE(car.turn_at(on_way(190), on_way(192), noon), nullptr);
  EXPECT_EQ(bus.turn_at(on_way(190), on_way(192), noon), nullptr);
  EXPECT_EQ(turns(180, 182, noon, detect::VehicleClass::hgv).size(), 1U);
  EXPECT_TRUE(turns(180, 182, noon, detect::VehicleClass::car).empty());
  EXPECT_TRUE(turns(190, 192, noon, detect::VehicleClass::bus).empty());
  EXPECT_EQ(turns(190, 192, noon, detect::VehicleClass::car).size(), 1U);
}

TEST_F(ClassAndTurnRules, APlainClassKeyClosesARoadToItsClassOnly) {
  TimedRules car(*map_);
  TimedRules lorry(*map_, detect::vehicle_profile(detect::VehicleClass::hgv));
  const DirectedEdge no_lorries = on_way(151);
  const double noon = kMondayTokyo + 12 * kHour;
  EXPECT_FALSE(time_dependent(*map_, no_lorries));  // the same at every time
  EXPECT_FALSE(car.class_dependent(no_lorries));
  EXPECT_TRUE(car.at(no_lorries, noon).legal());
  ASSERT_TRUE(lorry.class_dependent(no_lorries));
  const EdgeRulesAt for_lorry = lorry.at(no_lorries, noon);
  EXPECT_TRUE(for_lorry.closed);
  EXPECT_EQ(map_->string_at(for_lorry.access.key), "hgv");
  // Route planning: a lorry's legal leg does not enter it, a car's may.
  EXPECT_FALSE(PlanningClock(lorry, noon).legal_to_enter(*map_, no_lorries, 100));
  EXPECT_TRUE(PlanningClock(car, noon).legal_to_enter(*map_, no_lorries, 100));
}

// The simulated vehicle's legal limits are the engine's (class_limits.osm in Japan: an expressway
// of 100 for a car, 80 for a lorry, 80 for a bus over 8 t; a signed 100 capped likewise; a street
// signed 30 for everyone).
class ClassLimits : public ::testing::Test {
 protected:
  static constexpr double kNoonTokyo = 1796569200 + 12 * 3600;  // 2026-12-07T12:00 in Tokyo, a Monday
  static void SetUpTestSuite() {
    osm::ImportOptions options;
    options.time_zones_file = kFixtures + "japan_dates.time-zones";
    osm::import_osm(kFixtures + "class_limits.osm", path(), options);
    map_ = std::make_unique<map::MapView>(map::MapView::open(path()));
  }
  static void TearDownTestSuite() {
    map_.reset();
    std::filesystem::remove(path());
  }
  static std::string path() {
    return (std::filesystem::temp_directory_path() / ("drivelog-sim-class-limits-" + std::to_string(::getpid()) + ".dlmap")).string();
  }
  static std::vector<DirectedEdge> ways(std::initializer_list<int64_t> ids) {
    std::vector<DirectedEdge> out;
    for (const int64_t way : ids) {
      for (uint32_t e = 0; e < map_->edge_count(); ++e) {
        if (map_->edge(e).osm_way_id == way) out.push_back(DirectedEdge{e, false});
      }
    }
    EXPECT_EQ(out.size(), ids.size());
    return out;
  }
  static std::vector<double> limits(detect::VehicleClass vehicle, const std::vector<DirectedEdge>& route) {
    return TimedRules(*map_, detect::vehicle_profile(vehicle)).limits_kmh(route, kNoonTokyo);
  }
  static inline std::unique_ptr<map::MapView> map_;
};

TEST_F(ClassLimits, EachClassGetsItsLegalLimit) {
  const auto route = ways({300, 310, 320});
  EXPECT_EQ(limits(detect::VehicleClass::car, route), (std::vector<double>{100, 100, 30}));
  EXPECT_EQ(limits(detect::VehicleClass::hgv, route), (std::vector<double>{80, 80, 30}));
  EXPECT_EQ(limits(detect::VehicleClass::bus, route), (std::vector<double>{80, 80, 30}));
  EXPECT_EQ(limits(detect::VehicleClass::motorcycle, route), (std::vector<double>{100, 100, 30}));
  // The car's are the map's limits, as the simulator always drove them.
  for (std::size_t i = 0; i < route.size(); ++i) EXPECT_EQ(limits(detect::VehicleClass::car, route)[i], limit_kmh(*map_, route[i]));
}

TEST_F(ClassLimits, ALorryIsDrivenAndJudgedAtItsOwnLimit) {
  SimConfig config;
  config.rates.speeding = 0;  // a legal drive: the driver keeps under the limit it knows
  Rng rng(7), extra(8);
  const auto route = ways({300});
  const Drive drive = plan_drive(*map_, config, route, rng, extra, INT32_MIN, limits(detect::VehicleClass::hgv, route));
  double fastest_kmh = 0;
  for (const auto& p : drive.profile.points()) fastest_kmh = std::max(fastest_kmh, p.speed_mps * 3.6);
  EXPECT_GT(fastest_kmh, 60);
  EXPECT_LE(fastest_kmh, 80 * config.driver.max_speed_factor + 0.01);
  EXPECT_TRUE(derive_truth(*map_, drive, TruthThresholds{}, kNoonTokyo).violations.empty());
}


// A towing car is driven and judged at the law's trailer limit: class_limits.osm built as Germany,
// whose rural default is 100 with maxspeed:conditional=80 @ (trailer) (way 330, a country road).
TEST(SimulatedVehicle, ACarTowingATrailerKeepsTheTrailersLimit) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("drivelog-sim-trailer-" + std::to_string(::getpid()) + ".dlmap")).string();
  osm::ImportOptions options;
  options.time_zones_file = kFixtures + "japan_dates.time-zones";
  options.country = "DE";
  osm::import_osm(kFixtures + "class_limits.osm", path, options);
  {
    const map::MapView map = map::MapView::open(path);
    std::vector<DirectedEdge> country_road;
    for (uint32_t e = 0; e < map.edge_count(); ++e) {
      if (map.edge(e).osm_way_id == 330) country_road.push_back(DirectedEdge{e, false});
    }
    ASSERT_FALSE(country_road.empty());
    constexpr double kNoon = 1796569200 + 12 * 3600;
    SimConfig config;
    EXPECT_EQ(TimedRules(map, simulated_vehicle(config)).limits_kmh(country_road, kNoon)[0], 100);
    config.vehicle_trailers = 1;
    EXPECT_DOUBLE_EQ(simulated_vehicle(config).trailers, 1);
    EXPECT_EQ(TimedRules(map, simulated_vehicle(config)).limits_kmh(country_road, kNoon)[0], 80);
  }
  std::filesystem::remove(path);
}

// Direction-specific access and per-class one-way keys as the engine judges them
// (class_directions.osm, Asia/Tokyo): way 1001 `motor_vehicle:backward=no`, 1021 `oneway=yes` +
// `oneway:bus=no`, 1031 `oneway:hgv=yes`. A simulated bus drives against the one-way where its key
// allows it, a simulated lorry does not, and a car entering a direction closed by access is one
// no_entry in the truth, as in the engine's findings.
class ClassDirectionRules : public ::testing::Test {
 protected:
  static constexpr double kNoonTokyo = 1796569200 + 12 * kHour;  // 2026-12-07T12:00 in Tokyo, a Monday
  static void SetUpTestSuite() {
    osm::ImportOptions options;
    options.time_zones_file = kFixtures + "japan_dates.time-zones";
    osm::import_osm(kFixtures + "class_directions.osm", path(), options);
    map_ = std::make_unique<map::MapView>(map::MapView::open(path()));
  }
  static void TearDownTestSuite() {
    map_.reset();
    std::filesystem::remove(path());
  }
  static std::string path() {
    return (std::filesystem::temp_directory_path() / ("drivelog-sim-classdir-" + std::to_string(::getpid()) + ".dlmap")).string();
  }
  // The way driven westbound, against its direction.
  static DirectedEdge westbound(int64_t way) {
    for (uint32_t e = 0; e < map_->edge_count(); ++e) {
      if (map_->edge(e).osm_way_id == way) return DirectedEdge{e, true};
    }
    ADD_FAILURE() << "no edge of way " << way;
    return {};
  }
  // The truth of a car driving `ways` westbound (in that order) at noon.
  static auto car_truth_westbound(std::initializer_list<int64_t> ways) {
    TimedRules car(*map_);
    std::vector<DirectedEdge> route;
    for (const int64_t way : ways) route.push_back(westbound(way));
    SimConfig config;
    Rng rng(7), extra(8);
    const Drive drive = plan_drive(*map_, config, route, rng, extra);
    return derive_truth(*map_, drive, TruthThresholds{}, kNoonTokyo, &car).violations;
  }
  static inline std::unique_ptr<map::MapView> map_;
};

TEST_F(ClassDirectionRules, AClassOnewayKeyDecidesForItsClass) {
  TimedRules car(*map_);
  TimedRules bus(*map_, detect::vehicle_profile(detect::VehicleClass::bus));
  TimedRules lorry(*map_, detect::vehicle_profile(detect::VehicleClass::hgv));
  const DirectedEdge except_buses = westbound(1021);
  EXPECT_TRUE(car.at(except_buses, kNoonTokyo).against);
  EXPECT_TRUE(lorry.at(except_buses, kNoonTokyo).against);
  EXPECT_TRUE(bus.at(except_buses, kNoonTokyo).legal());
  EXPECT_TRUE(PlanningClock(bus, kNoonTokyo).legal_to_enter(*map_, except_buses, 100));
  EXPECT_FALSE(PlanningClock(car, kNoonTokyo).legal_to_enter(*map_, except_buses, 100));
  const DirectedEdge lorries_one_way = westbound(1031);
  EXPECT_TRUE(lorry.at(lorries_one_way, kNoonTokyo).against);
  EXPECT_EQ(map_->string_at(lorry.at(lorries_one_way, kNoonTokyo).oneway.key), "oneway:hgv");
  EXPECT_TRUE(car.at(lorries_one_way, kNoonTokyo).legal());
  EXPECT_FALSE(PlanningClock(lorry, kNoonTokyo).legal_to_enter(*map_, lorries_one_way, 100));
}

// Way 1081: `oneway=yes` + `oneway:conditional=no @ (22:00-06:00)` + `hgv:backward=no`. A lorry
// against it is against the one-way by day and in a closed direction at night, as the engine says:
// one kind at a time, never neither.
TEST_F(ClassDirectionRules, AOneWayLiftedAtNightLeavesTheLorriesDirectionClosed) {
  TimedRules lorry(*map_, detect::vehicle_profile(detect::VehicleClass::hgv));
  const DirectedEdge back = westbound(1081);
  const EdgeRulesAt noon = lorry.at(back, kNoonTokyo);
  EXPECT_TRUE(noon.against);
  EXPECT_FALSE(noon.closed);
  const EdgeRulesAt night = lorry.at(back, kNoonTokyo + 11 * kHour);
  EXPECT_FALSE(night.against);
  EXPECT_TRUE(night.closed);
  EXPECT_EQ(map_->string_at(night.access.key), "hgv:backward");
  TimedRules car(*map_);
  EXPECT_TRUE(car.at(back, kNoonTokyo + 11 * kHour).legal());
}

// Way 1141: `oneway=yes` + `oneway:bus:conditional=no @ (06:00-20:00)`. The simulator's verdicts
// are the engine's: a bus may drive it westbound by day, not at night, a car never; a bus's legal
// leg may use it only within the window, and the truth of a bus there at night is the one-way's.
TEST_F(ClassDirectionRules, ABusOnewayConditionalDecidesForBusesAtItsTimes) {
  TimedRules car(*map_);
  TimedRules bus(*map_, detect::vehicle_profile(detect::VehicleClass::bus));
  const DirectedEdge back = westbound(1141);
  const double night = kNoonTokyo + 11 * kHour;
  const EdgeRulesAt noon = bus.at(back, kNoonTokyo);
  EXPECT_TRUE(noon.legal());
  EXPECT_EQ(map_->string_at(noon.oneway.key), "oneway:bus:conditional");
  EXPECT_TRUE(bus.at(back, night).against);
  EXPECT_TRUE(car.at(back, kNoonTokyo).against);
  EXPECT_TRUE(car.at(back, night).against);
  ASSERT_TRUE(bus.throughout(back, kNoonTokyo, kNoonTokyo + kHour).has_value());
  EXPECT_TRUE(bus.throughout(back, kNoonTokyo, kNoonTokyo + kHour)->legal());
  EXPECT_FALSE(bus.throughout(back, kNoonTokyo + 7.5 * kHour, kNoonTokyo + 8.5 * kHour).has_value());  // 20:00
  EXPECT_TRUE(PlanningClock(bus, kNoonTokyo).legal_to_enter(*map_, back, 100));
  EXPECT_FALSE(PlanningClock(bus, night).legal_to_enter(*map_, back, 100));
  EXPECT_FALSE(PlanningClock(car, kNoonTokyo).legal_to_enter(*map_, back, 100));
  SimConfig config;
  Rng rng(7), extra(8);
  const Drive drive = plan_drive(*map_, config, {westbound(1142), back, westbound(1140)}, rng, extra);
  EXPECT_TRUE(derive_truth(*map_, drive, TruthThresholds{}, kNoonTokyo, &bus).violations.empty());
  const auto at_night = derive_truth(*map_, drive, TruthThresholds{}, night, &bus).violations;
  ASSERT_EQ(at_night.size(), 1U);
  EXPECT_EQ(at_night[0].type, "wrong_way");
  ASSERT_EQ(derive_truth(*map_, drive, TruthThresholds{}, kNoonTokyo, &car).violations.size(), 1U);
}

// Way 1151: `oneway=yes` + `oneway:hgv:conditional=no @ (22:00-06:00)` + `hgv:backward=no`. A lorry
// westbound at night enters a direction closed to it: a no_entry in the truth that names the access
// key, the conditional, its condition and the local time, as the engine's finding does.
TEST_F(ClassDirectionRules, ANoEntryAOnewayConditionalDecidedNamesItInTheTruth) {
  TimedRules lorry(*map_, detect::vehicle_profile(detect::VehicleClass::hgv));
  const DirectedEdge back = westbound(1151);
  EXPECT_TRUE(lorry.at(back, kNoonTokyo).against);
  EXPECT_TRUE(lorry.at(back, kNoonTokyo + 11 * kHour).closed);
  EXPECT_FALSE(lorry.at(back, kNoonTokyo + 11 * kHour).against);
  SimConfig config;
  Rng rng(7), extra(8);
  const Drive drive = plan_drive(*map_, config, {westbound(1152), back, westbound(1150)}, rng, extra);
  const auto truth = derive_truth(*map_, drive, TruthThresholds{}, kNoonTokyo + 11 * kHour, &lorry).violations;
  ASSERT_EQ(truth.size(), 1U);
  EXPECT_EQ(truth[0].type, "no_entry");
  const auto text = [&](const std::string& key) {
    const auto it = std::find_if(truth[0].evidence.begin(), truth[0].evidence.end(), [&](const EvidenceField& e) { return e.key == key; });
    return it == truth[0].evidence.end() ? std::string("(missing)") : it->text;
  };
  EXPECT_EQ(text("class_tag"), "hgv:backward=no");
  EXPECT_EQ(text("conditional_tag"), "oneway:hgv:conditional=no @ (22:00-06:00)");
  EXPECT_EQ(text("condition"), "22:00-06:00");
  EXPECT_EQ(text("local_time").substr(0, 13), "2026-12-07T23");
}

TEST_F(ClassDirectionRules, ADirectionClosedByAccessIsOneNoEntryInTheTruth) {
  TimedRules car(*map_);
  const DirectedEdge closed = westbound(1001);
  const EdgeRulesAt rules = car.at(closed, kNoonTokyo);
  EXPECT_TRUE(rules.closed);
  EXPECT_FALSE(rules.against);
  EXPECT_FALSE(PlanningClock(car, kNoonTokyo).legal_to_enter(*map_, closed, 100));
  const auto truth = car_truth_westbound({1002, 1001, 1000});
  ASSERT_EQ(truth.size(), 1U);
  EXPECT_EQ(truth[0].type, "no_entry");
  const auto tag = std::find_if(truth[0].evidence.begin(), truth[0].evidence.end(),
                                [](const EvidenceField& e) { return e.key == "class_tag"; });
  ASSERT_NE(tag, truth[0].evidence.end());
  EXPECT_EQ(tag->text, "motor_vehicle:backward=no");
}

// Way 1121: `oneway=yes` + `access=no` + `bus=yes`. A car driving it westbound is closed out and
// against the one-way: one no_entry in the truth, as the engine finds it (no wrong_way as well).
TEST_F(ClassDirectionRules, AClosedOneWayDrivenAgainstItIsOneNoEntryInTheTruth) {
  TimedRules car(*map_);
  const DirectedEdge closed = westbound(1121);
  const EdgeRulesAt rules = car.at(closed, kNoonTokyo);
  EXPECT_TRUE(rules.closed);
  EXPECT_TRUE(rules.against);
  const auto truth = car_truth_westbound({1122, 1121, 1120});
  ASSERT_EQ(truth.size(), 1U);
  EXPECT_EQ(truth[0].type, "no_entry");
}

}  // namespace
}  // namespace drivelog::sim
