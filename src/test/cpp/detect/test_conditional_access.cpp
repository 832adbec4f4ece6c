// Conditional access and one-way restrictions end to end: an OSM file with `*:conditional` tags
// is built into a map (Asia/Tokyo from japan_dates.time-zones), a drive is matched and judged at
// the local time of each road it entered (conditional_access.osm draws the streets).
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "detect/detector.hpp"
#include "detect/trip_closures.hpp"
#include "detect/vehicle_types.hpp"
#include "match/matcher.hpp"
#include "osm/osm_import.hpp"
#include "tokyo_map.hpp"

namespace drivelog::detect {
namespace {

constexpr double kMonday = 1796601600;  // 2026-12-07T00:00:00Z, a Monday
constexpr double kSunday = kMonday - 86400;
constexpr double kTokyo = 9 * 3600;     // UTC+9

class ConditionalAccess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    built_ = std::make_unique<test::TokyoMap>("conditional_access.osm", "conditional");
    map_ = &built_->map;
    report_ = &built_->report;
  }
  static void TearDownTestSuite() { built_.reset(); }

  // Drives along latitude `lat` from `from_lon` to `to_lon` at 8 m/s, 1 Hz, starting at local
  // time `local_start` (seconds since the epoch, Tokyo time).
  static std::vector<match::TracePoint> drive(double lat, double from_lon, double to_lon, double local_start) {
    const double metres_per_degree = 111320 * std::cos(lat * M_PI / 180);
    const double length = std::abs(to_lon - from_lon) * metres_per_degree;
    std::vector<match::TracePoint> points;
    for (double s = 0; s <= length; s += 8) {
      match::TracePoint p;
      p.time_s = local_start - kTokyo + s / 8;
      p.lat = lat;
      p.lon = from_lon + (to_lon > from_lon ? 1 : -1) * s / metres_per_degree;
      p.speed_mps = 8;
      p.heading_deg = to_lon > from_lon ? 90 : 270;
      p.accuracy_m = 4;
      points.push_back(p);
    }
    return points;
  }

  static std::vector<Violation> found(const std::vector<match::TracePoint>& points, ViolationType type) {
    match::MatchResult matched;
    match::Matcher matcher(*map_, match::MatchConfig{});
    matcher.match(points, matched);
    Detections detections;
    Detector detector(*map_, DetectConfig{});
    detector.detect(points, matched, detections);
    std::vector<Violation> out;
    for (const Violation& v : detections.violations) {
      if (v.type == type) out.push_back(v);
    }
    return out;
  }

  static std::string text(const Violation& v, const std::string& key) {
    for (const EvidenceItem& e : v.evidence) {
      if (key == e.key) return e.text;
    }
    return "(missing " + key + ")";
  }

  // The (first) edge of OSM way `way`.
  static uint32_t edge_of(int64_t way) { return built_->edge_of(way); }

  static inline std::unique_ptr<test::TokyoMap> built_;
  static inline const osm::ImportReport* report_ = nullptr;
  static inline const map::MapView* map_ = nullptr;
};

TEST_F(ConditionalAccess, BuildStoresUnderstoodValuesAndReportsTheOthers) {
  EXPECT_EQ(report_->conditionals_stored.at("motor_vehicle:conditional"), 2U);
  EXPECT_EQ(report_->conditionals_stored.at("oneway:conditional"), 1U);
  EXPECT_EQ(report_->conditionals_not_understood.at("access:conditional"), 1U);  // sunrise-sunset
  EXPECT_EQ(report_->skipped.at("access:conditional under a more specific plain key"), 1U);
  EXPECT_EQ(map_->info().conditionals, 3U);
}

TEST_F(ConditionalAccess, RoadsClosedAtSomeTimeAreFlaggedClosedForTheMatcher) {
  // Way 11 (open by its plain tags, closed 15:00-05:00): flagged closed, and its stored rules open
  // it outside the window.
  const uint32_t afternoon = edge_of(11);
  EXPECT_TRUE(map_->edge(afternoon).has(map::edge_flags::kClosed));
  ASSERT_EQ(map_->conditionals_on(afternoon).size(), 1U);
  EXPECT_EQ(map_->string_at(map_->conditionals_on(afternoon)[0].rules),
            "open @ (24/7); closed @ (15:00-05:00; Su 12:00-05:00)");
  // Way 21 (closed by its plain tags, opened in a window): stored as normalised.
  EXPECT_EQ(map_->string_at(map_->conditionals_on(edge_of(21))[0].rules), "open @ (Mo-Fr 08:00-11:00)");
  EXPECT_FALSE(map_->edge(edge_of(10)).has(map::edge_flags::kClosed));  // its conditional was not understood
}

TEST_F(ConditionalAccess, TheMatcherIsToldWhichClosedRoadsAreOpenForTheWholeTrip) {
  ConditionalTripClosures closures(*map_, legal::VehicleProfile{});
  const auto closed = [&](int64_t way, double local_start, double minutes) {
    closures.start_trip(local_start - kTokyo, local_start - kTokyo + minutes * 60);
    return closures.closed_during_trip(edge_of(way), true);
  };
  // Way 11, closed 15:00-05:00: open for a trip 10:00-10:40, closed for one that runs into 15:00.
  EXPECT_FALSE(closed(11, kMonday + 10 * 3600, 40));
  EXPECT_TRUE(closed(11, kMonday + 14 * 3600 + 40 * 60, 30));
  EXPECT_TRUE(closed(11, kMonday + 16 * 3600, 10));
  // Way 21, closed by its plain tags but open Mo-Fr 08:00-11:00.
  EXPECT_FALSE(closed(21, kMonday + 9 * 3600, 30));
  EXPECT_TRUE(closed(21, kMonday + 10 * 3600 + 50 * 60, 30));  // runs past 11:00
  EXPECT_TRUE(closed(21, kSunday + 9 * 3600, 30));
}

TEST_F(ConditionalAccess, EnteringAStreetClosedAt16LocalIsANoEntry) {
  const auto at16 = found(drive(35.6600, 139.7000, 139.7030, kMonday + 16 * 3600 - 10), ViolationType::no_entry);
  ASSERT_EQ(at16.size(), 1U);
  EXPECT_EQ(at16[0].osm_way_ids, std::vector<int64_t>({11}));
  EXPECT_EQ(text(at16[0], "conditional_tag"), "motor_vehicle:conditional=no @ (15:00-05:00; Su 12:00-05:00)");
  EXPECT_EQ(text(at16[0], "condition"), "15:00-05:00; Su 12:00-05:00");
  EXPECT_EQ(text(at16[0], "local_time"), "2026-12-07T16:00");
}

TEST_F(ConditionalAccess, TheSameDriveAt10LocalIsNot) {
  EXPECT_TRUE(found(drive(35.6600, 139.7000, 139.7030, kMonday + 10 * 3600), ViolationType::no_entry).empty());
}

TEST_F(ConditionalAccess, SundayExceptionClosesFromNoon) {
  EXPECT_EQ(found(drive(35.6600, 139.7000, 139.7030, kSunday + 13 * 3600), ViolationType::no_entry).size(), 1U);
  EXPECT_TRUE(found(drive(35.6600, 139.7000, 139.7030, kMonday + 13 * 3600), ViolationType::no_entry).empty());
}

TEST_F(ConditionalAccess, AStreetClosedByItsPlainTagIsOpenInItsWindow) {
  EXPECT_TRUE(found(drive(35.6620, 139.7000, 139.7030, kMonday + 9 * 3600), ViolationType::no_entry).empty());
  const auto evening = found(drive(35.6620, 139.7000, 139.7030, kMonday + 18 * 3600), ViolationType::no_entry);
  ASSERT_EQ(evening.size(), 1U);
  EXPECT_EQ(evening[0].osm_way_ids, std::vector<int64_t>({21}));
  EXPECT_EQ(text(evening[0], "conditional_tag"), "(missing conditional_tag)");  // the plain tag decided
}

TEST_F(ConditionalAccess, AConditionalOnewayIsWrongWayOnlyInItsWindow) {
  const auto at8 = found(drive(35.6640, 139.7030, 139.7000, kMonday + 8 * 3600), ViolationType::wrong_way);
  ASSERT_EQ(at8.size(), 1U);
  EXPECT_EQ(at8[0].osm_way_ids, std::vector<int64_t>({31}));
  EXPECT_EQ(text(at8[0], "conditional_tag"), "oneway:conditional=yes @ (07:00-09:00)");
  EXPECT_TRUE(found(drive(35.6640, 139.7030, 139.7000, kMonday + 12 * 3600), ViolationType::wrong_way).empty());
}

// The configured vehicle class is the vehicle conditions are judged for: a street closed over 7.5 t
// is open to a car and closed to a truck.
TEST(VehicleClassConditional, AWeightLimitClosesAStreetToAnHgvAndNotToACar) {
  const test::TokyoMap built("vehicle_conditional.osm", "vehicle");
  {
    const map::MapView& map = built.map;
    const double metres_per_degree = 111320 * std::cos(35.66 * M_PI / 180);
    std::vector<match::TracePoint> points;
    for (double s = 0; s <= 0.003 * metres_per_degree; s += 8) {
      match::TracePoint p;
      p.time_s = kMonday + 10 * 3600 - kTokyo + s / 8;
      p.lat = 35.66;
      p.lon = 139.7 + s / metres_per_degree;
      p.speed_mps = 8;
      p.heading_deg = 90;
      p.accuracy_m = 4;
      points.push_back(p);
    }
    match::MatchResult matched;
    match::Matcher(map, match::MatchConfig{}).match(points, matched);
    const auto no_entries = [&](std::string_view vehicle) {
      DetectConfig config;
      const VehicleType* type = find_vehicle_type(vehicle);
      config.vehicle_class = type->vehicle_class;
      config.vehicle_type = static_cast<uint8_t>(type - vehicle_types().data());
      Detections detections;
      Detector(map, config).detect(points, matched, detections);
      std::size_t n = 0;
      for (const Violation& v : detections.violations) n += v.type == ViolationType::no_entry ? 1 : 0;
      return n;
    };
    EXPECT_EQ(no_entries("car"), 0U);
    EXPECT_EQ(no_entries("hgv"), 1U);
    // Japan's types by their weight: a 中型 truck (7.5-8 t) is no hgv for OSM Japan, but the
    // weight limit binds it; a 準中型 (below 7.5 t) passes.
    EXPECT_EQ(no_entries("jp_large_goods"), 1U);
    EXPECT_EQ(no_entries("jp_medium_goods"), 1U);
    EXPECT_EQ(no_entries("jp_semi_medium_goods"), 0U);
    EXPECT_EQ(no_entries("jp_kei"), 0U);
  }
}

}  // namespace
}  // namespace drivelog::detect
