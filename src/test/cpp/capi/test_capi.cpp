// The C ABI as the JVM sees it: status codes and messages for every kind of bad input.
#include "capi/drivelog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cmath>
#include <limits>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "capi/drivelog_csv.h"
#include "capi/drivelog_gpx.h"
#include "capi/drivelog_jsonl.h"
#include "capi/drivelog_nmea.h"
#include "capi/drivelog_roads.h"
#include "json_check.hpp"
#include "map/map_format.hpp"
#include "patched_map.hpp"
#include "scenario.hpp"
#include "trace_columns.hpp"

namespace {

using drivelog::scenario::Drive;
using drivelog::scenario::Scenario;
using drivelog::scenario::way;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A map and one analyzer on it, closed in the right order.
class CapiTrip : public ::testing::Test {
 protected:
  CapiTrip()
      : scenario_("A--------------------B--------------------C", 10,
                  {way("AB", 1, "Main").maxspeed(30), way("BC", 2, "One Way").oneway()}) {
    char error[512] = "";
    EXPECT_EQ(drivelog_map_open(scenario_.path().c_str(), &map_, error, sizeof error), DRIVELOG_OK) << error;
    EXPECT_EQ(drivelog_analyzer_create(map_, nullptr, &analyzer_, error, sizeof error), DRIVELOG_OK) << error;
  }
  ~CapiTrip() override {
    drivelog_analyzer_destroy(analyzer_);
    drivelog_map_close(map_);
  }

  int32_t analyze(const drivelog::test::Columns& c, std::string& json_out) {
    const char* json = nullptr;
    size_t len = 0;
    const int32_t status = drivelog_analyze(analyzer_, "trip", c.size(), c.time_s.data(), c.lat.data(), c.lon.data(),
                                            c.speed_mps.data(), c.heading_deg.data(), c.accuracy_m.data(), &json, &len,
                                            error_, sizeof error_);
    if (status == DRIVELOG_OK) json_out.assign(json, len);
    return status;
  }

  Scenario scenario_;
  drivelog_map* map_ = nullptr;
  drivelog_analyzer* analyzer_ = nullptr;
  char error_[512] = "";
};

}  // namespace

// The ABI version names a set of signatures and status codes. They are pinned here, so that changing
// one without bumping DRIVELOG_ABI_VERSION fails this file's compile (or the test below once the
// version moved without the pins): bump the version, the pin, and NativeLibrary.EXPECTED_ABI_VERSION
// together (NativeLibraryTest checks that the Java constant follows the header). Additions do not
// change the version; pin them here as well. `noexcept` is C++'s view of the promise that nothing
// is thrown across the boundary; C callers see the same symbols, so it is no ABI change.
constexpr int32_t kPinnedAbiVersion = 5;  // 2: drivelog_csv_scan (capi/drivelog_csv.h); 3: drivelog_jsonl_scan;
                                          // 4: drivelog_gpx_scan (capi/drivelog_gpx.h);
                                          // 5: drivelog_nmea_scan (capi/drivelog_nmea.h)
static_assert(std::is_same_v<decltype(&drivelog_abi_version), int32_t (*)() noexcept>);
static_assert(std::is_same_v<decltype(&drivelog_version), const char* (*)() noexcept>);
static_assert(std::is_same_v<decltype(&drivelog_map_open),
                             int32_t (*)(const char*, drivelog_map**, char*, size_t) noexcept>);
static_assert(std::is_same_v<decltype(&drivelog_map_info_json),
                             size_t (*)(const drivelog_map*, char*, size_t) noexcept>);
static_assert(std::is_same_v<decltype(&drivelog_map_close), void (*)(drivelog_map*) noexcept>);
static_assert(std::is_same_v<decltype(&drivelog_analyzer_create),
                             int32_t (*)(const drivelog_map*, const char*, drivelog_analyzer**, char*,
                                         size_t) noexcept>);
static_assert(std::is_same_v<decltype(&drivelog_analyzer_destroy), void (*)(drivelog_analyzer*) noexcept>);
static_assert(std::is_same_v<decltype(&drivelog_analyze),
                             int32_t (*)(drivelog_analyzer*, const char*, size_t, const double*, const double*,
                                         const double*, const float*, const float*, const float*, const char**,
                                         size_t*, char*, size_t) noexcept>);
static_assert(std::is_same_v<decltype(&drivelog_effective_config),
                             int32_t (*)(const char*, char*, size_t, size_t*, char*, size_t) noexcept>);
static_assert(std::is_same_v<decltype(&drivelog_csv_scan),
                             int32_t (*)(const drivelog_csv_layout*, const char*, size_t, size_t, double*, double*,
                                         double*, float*, float*, float*, int32_t*, int32_t*, uint8_t*,
                                         int64_t*) noexcept>);
static_assert(offsetof(drivelog_csv_layout, hdop_uere_m) == 16 && offsetof(drivelog_csv_layout, kinds) == 24 &&
              offsetof(drivelog_csv_layout, speed_factor) == 88 && sizeof(drivelog_csv_layout) == 600);
static_assert(std::is_same_v<decltype(&drivelog_jsonl_scan),
                             int32_t (*)(const drivelog_jsonl_layout*, const uint8_t*, size_t, const char*, size_t,
                                         size_t, double*, double*, double*, float*, float*, float*, int32_t*,
                                         int32_t*, uint8_t*, int64_t*) noexcept>);
static_assert(offsetof(drivelog_jsonl_layout, hdop_uere_m) == 8 && offsetof(drivelog_jsonl_layout, mph_factor) == 40 &&
              sizeof(drivelog_jsonl_layout) == 48);
static_assert(std::is_same_v<decltype(&drivelog_gpx_scan),
                             int32_t (*)(const drivelog_gpx_layout*, uint8_t*, size_t, const char*, size_t, size_t,
                                         double*, double*, double*, float*, float*, float*, int64_t*, uint8_t*,
                                         int64_t*) noexcept>);
static_assert(offsetof(drivelog_gpx_layout, hdop_uere_m) == 8 && sizeof(drivelog_gpx_layout) == 16 &&
              DRIVELOG_GPX_STATE_BYTES == 8856 && DRIVELOG_GPX_STATE_LINE_BREAKS == 8 &&
              DRIVELOG_GPX_STATE_REPLAY_BYTES == 16 && DRIVELOG_GPX_STATE_REPLAY == 664);
static_assert(DRIVELOG_GPX_STOP_MORE == 0 && DRIVELOG_GPX_STOP_FULL == 1 && DRIVELOG_GPX_STOP_HAND_BACK == 2 &&
              DRIVELOG_GPX_BAD_CALL == -1 && DRIVELOG_GPX_POINT == 1 && DRIVELOG_GPX_BOUNDARY == 2);
static_assert(std::is_same_v<decltype(&drivelog_nmea_scan),
                             int32_t (*)(const char*, size_t, size_t, uint8_t*, uint8_t*, int32_t*, double*, int64_t*,
                                         double*, double*, double*, double*, double*, int64_t*) noexcept>);
static_assert(DRIVELOG_NMEA_STOP_END == 0 && DRIVELOG_NMEA_STOP_FULL == 1 && DRIVELOG_NMEA_STOP_DEFER == 2 &&
              DRIVELOG_NMEA_BAD_CALL == -1 && DRIVELOG_NMEA_RMC == 1 && DRIVELOG_NMEA_GGA == 2 &&
              DRIVELOG_NMEA_VTG == 3 && DRIVELOG_NMEA_NOT_VALID == 1 && DRIVELOG_NMEA_SPEED_KMH == 2 &&
              DRIVELOG_NMEA_SPEED_KNOTS == 4);
static_assert(DRIVELOG_CSV_STOP_END == 0 && DRIVELOG_CSV_STOP_FULL == 1 && DRIVELOG_CSV_STOP_DEFER == 2 &&
              DRIVELOG_CSV_BAD_CALL == -1);
static_assert(DRIVELOG_OK == 0 && DRIVELOG_BAD_INPUT == 1 && DRIVELOG_MAP_ERROR == 2 && DRIVELOG_INTERNAL == 3);

TEST(Capi, abiVersion_isTheVersionOfThePinnedSignatures) {
  EXPECT_EQ(DRIVELOG_ABI_VERSION, kPinnedAbiVersion) << "bumped without updating the pins above";
  EXPECT_EQ(drivelog_abi_version(), kPinnedAbiVersion) << "the library reports another version than its header";
}

TEST(Capi, effectiveConfig_defaultsFilledInAndSameForEquivalentTexts) {
  size_t needed = 0;
  char error[256] = "";
  ASSERT_EQ(drivelog_effective_config(nullptr, nullptr, 0, &needed, error, sizeof error), DRIVELOG_OK) << error;
  std::string defaults(needed + 1, '\0');
  ASSERT_EQ(drivelog_effective_config(nullptr, defaults.data(), defaults.size(), &needed, error, sizeof error),
            DRIVELOG_OK);
  defaults.resize(needed);
  EXPECT_NE(defaults.find("speeding.tolerance_kmh=5\n"), std::string::npos) << defaults;

  // A default written out, and the YAML path spelling, describe the same analysis as saying nothing.
  std::string explicit_default(needed + 1, '\0');
  ASSERT_EQ(drivelog_effective_config("analysis.speeding.tolerance_kmh=5.0\n", explicit_default.data(),
                                      explicit_default.size(), &needed, error, sizeof error),
            DRIVELOG_OK);
  explicit_default.resize(needed);
  EXPECT_EQ(explicit_default, defaults);

  std::string changed(needed + 64, '\0');
  ASSERT_EQ(drivelog_effective_config("speeding.tolerance_kmh=7", changed.data(), changed.size(), &needed, error,
                                      sizeof error),
            DRIVELOG_OK);
  changed.resize(needed);
  EXPECT_NE(changed, defaults);
  EXPECT_NE(changed.find("speeding.tolerance_kmh=7\n"), std::string::npos) << changed;
}

TEST(Capi, effectiveConfig_shortBufferTruncatesAndBadKeyIsBadInput) {
  size_t needed = 0;
  char small[8] = "";
  char error[256] = "";
  ASSERT_EQ(drivelog_effective_config(nullptr, small, sizeof small, &needed, error, sizeof error), DRIVELOG_OK);
  EXPECT_GT(needed, sizeof small);
  EXPECT_EQ(std::string(small).size(), sizeof small - 1);
  EXPECT_EQ(drivelog_effective_config("speeding.no_such_key=1", nullptr, 0, &needed, error, sizeof error),
            DRIVELOG_BAD_INPUT);
  EXPECT_NE(std::string(error).find("analysis.speeding.no_such_key"), std::string::npos) << error;
  EXPECT_EQ(drivelog_effective_config(nullptr, nullptr, 0, nullptr, error, sizeof error), DRIVELOG_BAD_INPUT);
}

TEST(Capi, version_isSemver) {
  const std::string version = drivelog_version();
  EXPECT_EQ(std::count(version.begin(), version.end(), '.'), 2) << version;
}

TEST(Capi, mapOpen_missingFile_isMapErrorNamingTheFile) {
  drivelog_map* map = reinterpret_cast<drivelog_map*>(0x1);
  char error[512] = "";
  EXPECT_EQ(drivelog_map_open("/nonexistent/x.dlmap", &map, error, sizeof error), DRIVELOG_MAP_ERROR);
  EXPECT_EQ(map, nullptr);
  EXPECT_NE(std::string(error).find("/nonexistent/x.dlmap"), std::string::npos) << error;
}

TEST(Capi, mapOpen_nullArguments_areBadInput) {
  drivelog_map* map = nullptr;
  char error[128] = "";
  EXPECT_EQ(drivelog_map_open(nullptr, &map, error, sizeof error), DRIVELOG_BAD_INPUT);
  EXPECT_NE(std::string(error).find("path"), std::string::npos);
  EXPECT_EQ(drivelog_map_open("x", nullptr, nullptr, 0), DRIVELOG_BAD_INPUT);
  drivelog_map_close(nullptr);
  drivelog_analyzer_destroy(nullptr);
}

TEST(Capi, errorMessages_areTruncatedToTheBuffer) {
  drivelog_map* map = nullptr;
  char error[8];
  std::fill(std::begin(error), std::end(error), 'x');
  EXPECT_EQ(drivelog_map_open("/nonexistent/long/path.dlmap", &map, error, sizeof error), DRIVELOG_MAP_ERROR);
  EXPECT_EQ(std::string(error).size(), 7u);
}

TEST_F(CapiTrip, mapInfo_reportsLengthAndTruncates) {
  const size_t needed = drivelog_map_info_json(map_, nullptr, 0);
  ASSERT_GT(needed, 10u);
  std::string full(needed + 1, '\0');
  EXPECT_EQ(drivelog_map_info_json(map_, full.data(), full.size()), needed);
  full.resize(needed);
  EXPECT_EQ(drivelog::test::json_syntax_error(full), "") << full;
  char small[5];
  EXPECT_EQ(drivelog_map_info_json(map_, small, sizeof small), needed);
  EXPECT_EQ(std::string(small).size(), 4u);
  EXPECT_EQ(drivelog_map_info_json(nullptr, small, sizeof small), 0u);
}

TEST_F(CapiTrip, analyzerCreate_unknownKey_isBadInputNamingTheKey) {
  drivelog_analyzer* analyzer = nullptr;
  char error[256] = "";
  EXPECT_EQ(drivelog_analyzer_create(map_, "speeding.tolerance_kmh=3\nspeeding.bogus=1", &analyzer, error, sizeof error),
            DRIVELOG_BAD_INPUT);
  EXPECT_EQ(analyzer, nullptr);
  EXPECT_NE(std::string(error).find("analysis.speeding.bogus"), std::string::npos) << error;
  EXPECT_EQ(drivelog_analyzer_create(map_, "matching.sigma_m=x", &analyzer, error, sizeof error), DRIVELOG_BAD_INPUT);
  EXPECT_NE(std::string(error).find("analysis.matching.sigma_m"), std::string::npos) << error;
  EXPECT_EQ(drivelog_analyzer_create(nullptr, nullptr, &analyzer, error, sizeof error), DRIVELOG_BAD_INPUT);
  EXPECT_EQ(drivelog_analyzer_create(map_, nullptr, nullptr, error, sizeof error), DRIVELOG_BAD_INPUT);
}

TEST_F(CapiTrip, analyze_nullPointers_areBadInput) {
  const char* json = nullptr;
  size_t len = 0;
  const double t[1] = {1}, lat[1] = {52.5}, lon[1] = {13.4};
  char error[256] = "";
  EXPECT_EQ(drivelog_analyze(nullptr, "t", 1, t, lat, lon, nullptr, nullptr, nullptr, &json, &len, error, sizeof error),
            DRIVELOG_BAD_INPUT);
  EXPECT_EQ(drivelog_analyze(analyzer_, nullptr, 1, t, lat, lon, nullptr, nullptr, nullptr, &json, &len, error, sizeof error),
            DRIVELOG_BAD_INPUT);
  EXPECT_EQ(drivelog_analyze(analyzer_, "t", 1, nullptr, lat, lon, nullptr, nullptr, nullptr, &json, &len, error,
                             sizeof error),
            DRIVELOG_BAD_INPUT);
  EXPECT_NE(std::string(error).find("time_s"), std::string::npos) << error;
  EXPECT_EQ(drivelog_analyze(analyzer_, "t", 1, t, lat, lon, nullptr, nullptr, nullptr, nullptr, &len, error, sizeof error),
            DRIVELOG_BAD_INPUT);
  EXPECT_EQ(drivelog_analyze(analyzer_, "t", 1, t, lat, lon, nullptr, nullptr, nullptr, &json, &len, nullptr, 0),
            DRIVELOG_OK);  // no error buffer is fine; optional columns may be NULL
}

TEST_F(CapiTrip, analyze_zeroPoints_isAnEmptyResult) {
  const char* json = nullptr;
  size_t len = 0;
  ASSERT_EQ(drivelog_analyze(analyzer_, "empty", 0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &json, &len,
                             error_, sizeof error_),
            DRIVELOG_OK)
      << error_;
  const std::string text(json, len);
  EXPECT_EQ(drivelog::test::json_syntax_error(text), "") << text;
  EXPECT_NE(text.find(R"("points":0)"), std::string::npos);
  EXPECT_NE(text.find(R"("no_points")"), std::string::npos);
  EXPECT_EQ(json[len], '\0');
}

TEST_F(CapiTrip, analyze_garbageValues_areCleanedNotFatal) {
  Drive d(scenario_, 1, 1);
  d.start_at('A').to("BC", 40);
  drivelog::test::Columns c(d.points());
  c.lat[0] = kNaN;
  c.lon[1] = std::numeric_limits<double>::infinity();
  c.lat[2] = -200;
  c.speed_mps[3] = -7;
  c.heading_deg[4] = std::numeric_limits<float>::infinity();
  c.accuracy_m[5] = -3;
  std::swap(c.time_s[10], c.time_s[11]);  // unsorted
  c.time_s[20] = c.time_s[19];            // repeated
  std::string json;
  ASSERT_EQ(analyze(c, json), DRIVELOG_OK) << error_;
  EXPECT_EQ(drivelog::test::json_syntax_error(json), "") << json;
  EXPECT_NE(json.find(R"("dropped_points":4)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("out_of_order")"), std::string::npos) << json;
}

// JSON has no NaN or infinity. Times near the limits of a double made the result print "inf"
// (scaling to milliseconds overflowed) and the duration overflow (null, where the Java side needs
// a number); NaN, infinite and huge values in every column must leave only numbers, and null
// only where docs/RESULT_FORMAT.md allows it.
TEST_F(CapiTrip, analyze_extremeValuesInEveryColumn_giveOnlyFiniteNumbers) {
  Drive d(scenario_, 1, 3);
  d.noise(2).start_at('C').to("BA", 50);  // findings with evidence, a matched path
  drivelog::test::Columns c(d.points());
  const double huge = std::numeric_limits<double>::max();
  const float inf = std::numeric_limits<float>::infinity();
  c.time_s.front() = -huge;
  c.time_s.back() = huge;
  c.time_s[1] = 1e306;
  c.time_s[2] = -1e306;
  c.speed_mps[3] = inf;
  c.speed_mps[4] = std::numeric_limits<float>::max();
  c.heading_deg[5] = std::numeric_limits<float>::max();
  c.heading_deg[6] = -inf;
  c.accuracy_m[7] = std::numeric_limits<float>::max();
  c.accuracy_m[8] = std::numeric_limits<float>::denorm_min();
  for (const bool matched : {false, true}) {
    drivelog_analyzer* analyzer = nullptr;
    ASSERT_EQ(drivelog_analyzer_create(map_, matched ? "matched=true" : nullptr, &analyzer, error_, sizeof error_),
              DRIVELOG_OK);
    const char* json = nullptr;
    size_t len = 0;
    ASSERT_EQ(drivelog_analyze(analyzer, "extremes", c.size(), c.time_s.data(), c.lat.data(), c.lon.data(),
                               c.speed_mps.data(), c.heading_deg.data(), c.accuracy_m.data(), &json, &len, error_,
                               sizeof error_),
              DRIVELOG_OK)
        << error_;
    const std::string text(json, len);
    std::vector<std::string> nulls;
    EXPECT_EQ(drivelog::test::json_syntax_error(text, &nulls), "") << text;
    // Nulls only where the format has them: an evidence value, an ungraded finding's severity, no
    // undecided event time.
    for (const std::string& path : nulls) {
      EXPECT_TRUE(path.starts_with("violations[].evidence.") || path == "violations[].severity" ||
                  path == "events[].severity" || path == "summary.events.undecided_reason")
          << path << " in " << text;
    }
    EXPECT_NE(text.find(R"("dropped_points":4)"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("type":"wrong_way")"), std::string::npos) << text;
    drivelog_analyzer_destroy(analyzer);
  }
}

TEST_F(CapiTrip, analyze_allPointsOffTheMap_isAnUnmatchedResult) {
  drivelog::test::Columns c(std::vector<drivelog::match::TracePoint>(30));
  for (size_t i = 0; i < c.size(); ++i) {
    c.time_s[i] = 1e9 + static_cast<double>(i);
    c.lat[i] = -33.9;
    c.lon[i] = 151.2 + 1e-4 * static_cast<double>(i);
  }
  std::string json;
  ASSERT_EQ(analyze(c, json), DRIVELOG_OK) << error_;
  EXPECT_NE(json.find(R"("matched_points":0)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("unmatched")"), std::string::npos) << json;
}

TEST_F(CapiTrip, analyze_findsViolations) {
  Drive d(scenario_, 1, 2);
  d.noise(3).start_at('C').to("BA", 50);  // wrong way on BC, then 50 in a 30 zone
  std::string json;
  ASSERT_EQ(analyze(drivelog::test::Columns(d.points()), json), DRIVELOG_OK) << error_;
  EXPECT_NE(json.find(R"("type":"wrong_way")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("type":"speeding")"), std::string::npos) << json;
}

TEST_F(CapiTrip, analyzersOnOneMapInParallel_giveTheSequentialResults) {
  std::vector<drivelog::test::Columns> trips;
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    Drive d(scenario_, 1, seed);
    d.noise(4).start_at(seed % 2 == 0 ? 'A' : 'C').to(seed % 2 == 0 ? "BC" : "BA", 30.0 + 5 * seed);
    trips.emplace_back(d.points());
  }
  std::vector<std::string> sequential;
  for (const auto& t : trips) {
    std::string json;
    ASSERT_EQ(analyze(t, json), DRIVELOG_OK);
    sequential.push_back(json);
  }
  std::vector<std::string> parallel(trips.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < trips.size(); ++i) {
    threads.emplace_back([&, i] {
      drivelog_analyzer* analyzer = nullptr;
      char error[256];
      if (drivelog_analyzer_create(map_, nullptr, &analyzer, error, sizeof error) != DRIVELOG_OK) return;
      for (int repeat = 0; repeat < 20; ++repeat) {
        const auto& c = trips[i];
        const char* json = nullptr;
        size_t len = 0;
        if (drivelog_analyze(analyzer, "trip", c.size(), c.time_s.data(), c.lat.data(), c.lon.data(), c.speed_mps.data(),
                             c.heading_deg.data(), c.accuracy_m.data(), &json, &len, error, sizeof error) == DRIVELOG_OK) {
          parallel[i].assign(json, len);
        }
      }
      drivelog_analyzer_destroy(analyzer);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(parallel, sequential);
}

// The road class comes from the file and indexed the class names unchecked (found auditing the
// C ABI): a damaged class is reported as map damage, naming the file.
TEST(Capi, mapRoadsJson_damagedRoadClass_isMapErrorNamingTheFile) {
  const Scenario s("A--------B", 10, {way("AB", 1, "Main")});
  drivelog::scenario::PatchedMap damaged(s.path());
  for (auto& record : damaged.records<drivelog::map::EdgeRecord>(drivelog::map::format::SectionId::edges)) {
    record.road_class = static_cast<drivelog::map::RoadClass>(200);
  }
  (void)damaged.open();  // writes the copy
  const drivelog::map::Coord a = s.coord('A'), b = s.coord('B');
  char buffer[4096];
  char error[512] = "";
  size_t needed = 0;
  EXPECT_EQ(drivelog_map_roads_json(damaged.path().c_str(), a.lat() - 0.01, a.lon() - 0.01, b.lat() + 0.01,
                                    b.lon() + 0.01, 100, buffer, sizeof buffer, &needed, error, sizeof error),
            DRIVELOG_MAP_ERROR);
  EXPECT_NE(std::string(error).find(damaged.path()), std::string::npos) << error;
  EXPECT_NE(std::string(error).find("road class"), std::string::npos) << error;
}

namespace {

drivelog_csv_layout time_lat_lon_layout() {
  drivelog_csv_layout layout{};
  layout.column_count = 3;
  layout.needed_fields = 3;
  layout.delimiter = ',';
  layout.zone_is_utc = 1;
  layout.kinds[0] = DRIVELOG_CSV_TIME;
  layout.kinds[1] = DRIVELOG_CSV_LAT;
  layout.kinds[2] = DRIVELOG_CSV_LON;
  return layout;
}

}  // namespace

TEST(Capi, csvScan_readsLinesIntoTheCallersColumns) {
  const drivelog_csv_layout layout = time_lat_lon_layout();
  const std::string text = "1700000000,52.5,13.25\n# note\n1700000001,52.6,13.5\n\"quoted\",1,2\n";
  double time[4], lat[4], lon[4];
  float speed[4], heading[4], accuracy[4];
  int32_t vehicle_at[4], vehicle_length[4];
  uint8_t kind[4];
  int64_t scanned[2] = {-1, -1};
  EXPECT_EQ(drivelog_csv_scan(&layout, text.data(), text.size(), 4, time, lat, lon, speed, heading, accuracy,
                              vehicle_at, vehicle_length, kind, scanned),
            DRIVELOG_CSV_STOP_DEFER);
  EXPECT_EQ(scanned[0], 3);
  EXPECT_EQ(scanned[1], static_cast<int64_t>(text.find('"')));
  EXPECT_EQ(kind[0], DRIVELOG_CSV_LINE_POINT);
  EXPECT_EQ(kind[1], DRIVELOG_CSV_LINE_SKIPPED);
  EXPECT_EQ(time[2], 1700000001.0);
  EXPECT_EQ(lon[2], 13.5);
  EXPECT_EQ(vehicle_at[0], -1);
  EXPECT_TRUE(std::isnan(speed[0]) && std::isnan(accuracy[0]));
}

TEST(Capi, csvScan_refusesABadCallWithNothingScanned) {
  drivelog_csv_layout layout = time_lat_lon_layout();
  double d[1];
  float f[1];
  int32_t i[1];
  uint8_t k[1];
  int64_t scanned[2] = {-1, -1};
  const char* text = "1,2,3\n";
  EXPECT_EQ(drivelog_csv_scan(nullptr, text, 6, 1, d, d, d, f, f, f, i, i, k, scanned), DRIVELOG_CSV_BAD_CALL);
  EXPECT_EQ(scanned[0], 0);
  EXPECT_EQ(drivelog_csv_scan(&layout, text, 6, 1, d, d, d, f, f, f, i, i, nullptr, scanned), DRIVELOG_CSV_BAD_CALL);
  EXPECT_EQ(drivelog_csv_scan(&layout, text, 6, 1, d, d, d, f, f, f, i, i, k, nullptr), DRIVELOG_CSV_BAD_CALL);
  for (const auto& change : std::vector<void (*)(drivelog_csv_layout&)>{
           [](drivelog_csv_layout& l) { l.column_count = 0; },
           [](drivelog_csv_layout& l) { l.column_count = DRIVELOG_CSV_MAX_COLUMNS + 1; },
           [](drivelog_csv_layout& l) { l.delimiter = '"'; },
           [](drivelog_csv_layout& l) { l.delimiter = '\n'; },
           [](drivelog_csv_layout& l) { l.delimiter = 0xC3; },
           [](drivelog_csv_layout& l) { l.kinds[5] = DRIVELOG_CSV_VALID + 1; }}) {
    layout = time_lat_lon_layout();
    change(layout);
    EXPECT_EQ(drivelog_csv_scan(&layout, text, 6, 1, d, d, d, f, f, f, i, i, k, scanned), DRIVELOG_CSV_BAD_CALL);
  }
  layout = time_lat_lon_layout();
  EXPECT_EQ(drivelog_csv_scan(&layout, text, 6, 1, d, d, d, f, f, f, i, i, k, scanned), DRIVELOG_CSV_STOP_END);
  EXPECT_EQ(scanned[0], 1);
}

TEST(Capi, nmeaScan_readsSentencesIntoTheCallersColumns_refusesABadCall) {
  const std::string text =
      "$GPRMC,120000.00,A,5230.0000,N,01324.0000,E,10.0,45.5,211126,,,A*5F\n"
      "$GPGSA,A,3,01,02,,,,,,,,,,,1.5,0.9,1.2*3F\n"
      "$GPRMC,120001.00,A,5230.0000,N,01324.0000,E,10.0,45.5,211126,,,A*00\n";  // a wrong checksum
  uint8_t sentence[4], flags[4];
  int32_t line[4];
  double time[4], lat[4], lon[4], speed[4], course[4], hdop[4];
  int64_t day[4];
  int64_t scanned[3] = {-1, -1, -1};
  EXPECT_EQ(drivelog_nmea_scan(text.data(), text.size(), 4, sentence, flags, line, time, day, lat, lon, speed, course,
                               hdop, scanned),
            DRIVELOG_NMEA_STOP_DEFER);
  EXPECT_EQ(scanned[0], 1);
  EXPECT_EQ(scanned[1], 2);
  EXPECT_EQ(scanned[2], static_cast<int64_t>(text.find("$GPRMC,120001")));
  EXPECT_EQ(sentence[0], DRIVELOG_NMEA_RMC);
  EXPECT_EQ(flags[0], 0);
  EXPECT_EQ(time[0], 43200.0);
  EXPECT_EQ(lat[0], 52.5);
  EXPECT_EQ(speed[0], 10.0);
  EXPECT_TRUE(std::isnan(hdop[0]));

  EXPECT_EQ(drivelog_nmea_scan(text.data(), text.size(), 4, nullptr, flags, line, time, day, lat, lon, speed, course,
                               hdop, scanned),
            DRIVELOG_NMEA_BAD_CALL);
  EXPECT_EQ(scanned[0], 0);
  EXPECT_EQ(drivelog_nmea_scan(nullptr, 5, 4, sentence, flags, line, time, day, lat, lon, speed, course, hdop, scanned),
            DRIVELOG_NMEA_BAD_CALL);
  EXPECT_EQ(drivelog_nmea_scan(text.data(), text.size(), 4, sentence, flags, line, time, day, lat, lon, speed, course,
                               hdop, nullptr),
            DRIVELOG_NMEA_BAD_CALL);
}

TEST(Capi, jsonlScan_readsRecordsWithTheCallersKeys_refusesABadTable) {
  drivelog_jsonl_layout layout{};
  layout.zone_is_utc = 1;
  layout.speed_factor = 1;
  layout.knots_factor = 1852.0 / 3600.0;
  // [length][field][flags][bytes]: time, lat, lon.
  const uint8_t keys[] = {4, DRIVELOG_JSONL_TIME, 0, 't', 'i', 'm', 'e', 3, DRIVELOG_JSONL_LAT, 0, 'l', 'a', 't',
                          3, DRIVELOG_JSONL_LON,  0, 'l', 'o', 'n'};
  const std::string text = "{\"time\":1700000000,\"lat\":52.5,\"lon\":13.25}\n\n{\"time\":1,\"lat\":1,\"lon\":2,\"x\":3}\n";
  double time[4], lat[4], lon[4];
  float speed[4], heading[4], accuracy[4];
  int32_t vehicle_at[4], vehicle_length[4];
  uint8_t kind[4];
  int64_t scanned[2] = {-1, -1};
  EXPECT_EQ(drivelog_jsonl_scan(&layout, keys, sizeof keys, text.data(), text.size(), 4, time, lat, lon, speed, heading,
                                accuracy, vehicle_at, vehicle_length, kind, scanned),
            DRIVELOG_CSV_STOP_DEFER)
      << "a key not in the table";
  EXPECT_EQ(scanned[0], 2);
  EXPECT_EQ(scanned[1], static_cast<int64_t>(text.find("\n\n") + 2));
  EXPECT_EQ(kind[0], DRIVELOG_CSV_LINE_POINT);
  EXPECT_EQ(kind[1], DRIVELOG_CSV_LINE_SKIPPED);
  EXPECT_EQ(time[0], 1700000000.0);
  EXPECT_EQ(lon[0], 13.25);
  EXPECT_EQ(vehicle_at[0], -1);
  const uint8_t bad_keys[] = {9, DRIVELOG_JSONL_TIME, 0, 't'};
  EXPECT_EQ(drivelog_jsonl_scan(&layout, bad_keys, sizeof bad_keys, text.data(), text.size(), 4, time, lat, lon, speed,
                                heading, accuracy, vehicle_at, vehicle_length, kind, scanned),
            DRIVELOG_CSV_BAD_CALL);
  EXPECT_EQ(scanned[0], 0);
  EXPECT_EQ(drivelog_jsonl_scan(nullptr, keys, sizeof keys, text.data(), text.size(), 4, time, lat, lon, speed, heading,
                                accuracy, vehicle_at, vehicle_length, kind, scanned),
            DRIVELOG_CSV_BAD_CALL);
}
