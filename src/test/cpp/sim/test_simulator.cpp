#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "json_check.hpp"
#include "sim/simulator.hpp"
#include "sim/trip_files.hpp"
#include "town_fixture.hpp"

namespace drivelog::sim {
namespace {

using test::GridTownTest;

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_trips(const map::MapView& map, const SimConfig& config, const std::filesystem::path& dir, uint32_t trips) {
  std::filesystem::create_directories(dir);
  for (uint32_t k = 1; k <= trips; ++k) {
    const auto trip = simulate_trip(map, config, k);
    ASSERT_TRUE(trip.has_value()) << "trip " << k;
    write_trip(dir, config, *trip);
  }
}

class SimulatorTest : public GridTownTest {};

TEST_F(SimulatorTest, SameSeedWritesIdenticalFiles) {
  SimConfig config;
  config.seed = 5;
  const std::filesystem::path a = test::temp_path("determinism-a"), b = test::temp_path("determinism-b");
  write_trips(town(), config, a, 4);
  write_trips(town(), config, b, 4);
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(a)) {
    const auto other = b / entry.path().filename();
    ASSERT_TRUE(std::filesystem::exists(other)) << other;
    EXPECT_EQ(slurp(entry.path()), slurp(other)) << entry.path().filename();
    ++files;
  }
  EXPECT_EQ(files, 8u);
  std::filesystem::remove_all(a);
  std::filesystem::remove_all(b);
}

TEST_F(SimulatorTest, TripDoesNotDependOnOtherTrips) {
  SimConfig config;
  config.seed = 5;
  const auto third_alone = simulate_trip(town(), config, 3);
  ASSERT_TRUE(third_alone);
  for (uint32_t k = 1; k <= 2; ++k) ASSERT_TRUE(simulate_trip(town(), config, k));
  const auto third_again = simulate_trip(town(), config, 3);
  ASSERT_TRUE(third_again);
  ASSERT_EQ(third_alone->fixes.size(), third_again->fixes.size());
  for (size_t i = 0; i < third_alone->fixes.size(); ++i) EXPECT_EQ(third_alone->fixes[i].lat, third_again->fixes[i].lat);
}

TEST_F(SimulatorTest, DifferentSeedsGiveDifferentTrips) {
  SimConfig a, b;
  a.seed = 1;
  b.seed = 2;
  const auto ta = simulate_trip(town(), a, 1), tb = simulate_trip(town(), b, 1);
  ASSERT_TRUE(ta && tb);
  EXPECT_FALSE(ta->fixes.size() == tb->fixes.size() && ta->fixes.front().lat == tb->fixes.front().lat &&
               ta->fixes.back().lon == tb->fixes.back().lon);
}

TEST_F(SimulatorTest, LogFileHasHeaderIsoTimesAndSixNumericColumns) {
  SimConfig config;
  config.gps.hz = 2;
  const std::filesystem::path dir = test::temp_path("csv");
  write_trips(town(), config, dir, 1);
  std::ifstream in(dir / "sim-000001.csv");
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "time,lat,lon,speed,heading,accuracy");
  const std::regex row(R"(^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z),(-?\d+\.\d{7}),(-?\d+\.\d{7}),(\d+\.\d\d),(\d+\.\d),(\d+\.\d)$)");
  std::string last_time, first_time;
  size_t rows = 0;
  while (std::getline(in, line)) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, row)) << line;
    EXPECT_GT(m[1].str(), last_time);  // ISO-8601 of one length sorts like time
    last_time = m[1].str();
    if (first_time.empty()) first_time = last_time;
    EXPECT_NEAR(std::stod(m[2].str()), 52.4, 0.2);
    EXPECT_LT(std::stod(m[5].str()), 360.0);
    ++rows;
  }
  EXPECT_GT(rows, 100u);
  EXPECT_EQ(first_time, "2026-11-21T08:00:00.000Z");
  std::filesystem::remove_all(dir);
}

TEST_F(SimulatorTest, TruthFileIsValidJsonWithSchemaRouteAndViolations) {
  SimConfig config;
  config.rates = ViolationRates{1, 1, 1, 1, 1};
  const std::filesystem::path dir = test::temp_path("truth");
  write_trips(town(), config, dir, 3);
  for (uint32_t k = 1; k <= 3; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    const std::string text = slurp(dir / (trip->trip_id + ".truth.json"));
    EXPECT_TRUE(test::is_valid_json(text)) << text;
    EXPECT_NE(text.find("\"schema\": \"drivelog.truth/1\""), std::string::npos);
    EXPECT_NE(text.find("\"trip_id\": \"" + trip->trip_id + "\""), std::string::npos);
    size_t types = 0;
    for (size_t at = text.find("\"type\": "); at != std::string::npos; at = text.find("\"type\": ", at + 1)) ++types;
    EXPECT_EQ(types, trip->truth.violations.size() + trip->truth.events.size());  // violations, then driving events
    EXPECT_NE(text.find("\"events\": ["), std::string::npos);
    EXPECT_FALSE(trip->truth.route.empty());
  }
  std::filesystem::remove_all(dir);
}

TEST(TripFiles, FormatsIso8601InUtcWithMilliseconds) {
  EXPECT_EQ(iso8601_utc(1795248000000), "2026-11-21T08:00:00.000Z");
  EXPECT_EQ(iso8601_utc(951782400123), "2000-02-29T00:00:00.123Z");
  EXPECT_EQ(iso8601_utc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(iso8601_utc(-1), "1969-12-31T23:59:59.999Z");
}

TEST(TripFiles, QuotesNamesWithSpecialCharactersAsValidJson) {
  const std::string name = "Rue \"Haute\" \\ 1\n\x01 Stra\xc3\x9f" "e";
  const std::string quoted = json_quoted(name);
  EXPECT_EQ(quoted, "\"Rue \\\"Haute\\\" \\\\ 1\\n\\u0001 Stra\xc3\x9f" "e\"");
  EXPECT_TRUE(test::is_valid_json(quoted));
}

TEST(TripFiles, JsonCheckRejectsBrokenJson) {
  EXPECT_TRUE(test::is_valid_json(R"({"a": [1, 2.5, -3e2, "x\"y", true, null, {}]})"));
  EXPECT_FALSE(test::is_valid_json(R"({"a": [1, 2,]})"));
  EXPECT_FALSE(test::is_valid_json(R"({"a": 01})"));
  EXPECT_FALSE(test::is_valid_json(R"({"a": 1} x)"));
}

}  // namespace
}  // namespace drivelog::sim
