// Date-effective legal limits through the real import and the real engine: a Japanese residential
// street without a centre line is 60 km/h until 2026-08-31 and 30 km/h from 2026-09-01, judged by
// the local date of each fix, in the zone where the fix is (japan_dates.osm, japan_dates.time-zones).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "capi/trip_analyzer.hpp"
#include "json_check.hpp"
#include "map/map_view.hpp"
#include "osm/osm_import.hpp"

namespace drivelog::capi {
namespace {

const std::string kFixtures = std::string(DRIVELOG_TEST_DATA_DIR) + "/osm/";
constexpr double kAug31Utc = 1788134400.0;  // 2026-08-31T00:00:00Z

// A drive from the west end to the east end at 45 km/h, 1 Hz, starting at `start_utc_s`.
struct Drive {
  std::vector<double> time_s, lat, lon;
  std::vector<float> speed, heading, accuracy;
  explicit Drive(double start_utc_s) {
    const double metres_per_degree = 111'320.0 * std::cos(35.66 * 3.14159265358979 / 180.0);
    for (double x = 5; x < 0.011 * metres_per_degree - 5; x += 12.5) {
      time_s.push_back(start_utc_s + static_cast<double>(time_s.size()));
      lat.push_back(35.66);
      lon.push_back(139.70 + x / metres_per_degree);
      speed.push_back(12.5F);
      heading.push_back(90.0F);
      accuracy.push_back(4.0F);
    }
  }
  [[nodiscard]] match::TraceColumns columns() const {
    return match::TraceColumns{time_s.size(), time_s.data(), lat.data(), lon.data(), speed.data(), heading.data(),
                               accuracy.data()};
  }
};

class LegalDates : public ::testing::Test {
 protected:
  void SetUp() override {
    osm::ImportOptions options;
    options.time_zones_file = kFixtures + "japan_dates.time-zones";
    const osm::ImportReport report = osm::import_osm(kFixtures + "japan_dates.osm", path_, options);
    ASSERT_EQ(report.country, "JP");
    map_ = std::make_unique<map::MapView>(map::MapView::open(path_));
  }
  void TearDown() override {
    map_.reset();
    std::filesystem::remove(path_);
  }
  std::string analyze(double start_utc_s) {
    TripAnalyzer analyzer(*map_, AnalysisConfig{});
    const Drive drive(start_utc_s);
    const std::string json = analyzer.analyze("t", drive.columns());
    EXPECT_EQ(test::json_syntax_error(json), "") << json;
    return json;
  }

  std::string path_ = (std::filesystem::temp_directory_path() / ("drivelog-dates-" + std::to_string(::getpid()) + ".dlmap")).string();
  std::unique_ptr<map::MapView> map_;
};

TEST_F(LegalDates, the31stOfAugustIsStill60) {
  // 10:00 UTC: 19:00 on the 31st in Tokyo, 10:00 on the 31st in the UTC cell: 45 km/h is legal.
  const std::string json = analyze(kAug31Utc + 10 * 3600);
  EXPECT_EQ(json.find(R"("type":"speeding")"), std::string::npos) << json;
}

TEST_F(LegalDates, the2ndOfSeptemberIs30) {
  const std::string json = analyze(kAug31Utc + 2 * 86400 + 10 * 3600);
  EXPECT_NE(json.find(R"("type":"speeding")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("limit_kmh":30)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"x("limit_source":"legal default (inferred)")x"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("limit_rule":"JP 2026-09-01 road without centre line")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("local_date":"2026-09-02")"), std::string::npos) << json;
}

TEST_F(LegalDates, EachFixIsJudgedByTheDateOfItsOwnZone) {
  // 20:00 UTC on the 31st: already 05:00 on the 1st in Tokyo (the first fixes, west way: 30), still
  // the 31st in the UTC cell (east way: 60). One episode on the west way only.
  const std::string json = analyze(kAug31Utc + 20 * 3600);
  EXPECT_NE(json.find(R"("local_date":"2026-09-01")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("osm_way_ids":[1])"), std::string::npos) << json;
  EXPECT_EQ(json.find(R"("osm_way_ids":[1,2])"), std::string::npos) << json;
  EXPECT_EQ(json.find(R"("local_date":"2026-08-31")"), std::string::npos) << json;
}

TEST_F(LegalDates, TheMapKnowsBothZones) {
  ASSERT_EQ(map_->time_zones().size(), 2u);
  const uint16_t west = map_->time_zone_at(map::Coord::from_degrees(35.66, 139.701));
  const uint16_t east = map_->time_zone_at(map::Coord::from_degrees(35.66, 139.709));
  EXPECT_EQ(map_->string_at(map_->time_zones()[west].name), "Asia/Tokyo");
  EXPECT_EQ(map_->string_at(map_->time_zones()[east].name), "Etc/UTC");
  EXPECT_EQ(map_->utc_offset_seconds(west, kAug31Utc), 32400);
}

}  // namespace
}  // namespace drivelog::capi
