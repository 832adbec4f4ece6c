// The JSON Lines scanner takes the common record with the Java reader's values, and stops before
// every line the Java reader (Jackson) must read itself.
#include "logs/json_line_scanner.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using drivelog::logs::JsonField;
using drivelog::logs::JsonKeyTable;
using drivelog::logs::JsonLayout;
using drivelog::logs::LineKind;
using drivelog::logs::ScanStop;

// The table as the Java side builds it: [length][field][flags][bytes] per key.
std::vector<std::uint8_t> table(std::initializer_list<std::pair<std::string, JsonField>> keys) {
  std::vector<std::uint8_t> bytes;
  for (const auto& [key, field] : keys) {
    const bool traccar = key == "fixTime" || key == "deviceTime" || key == "serverTime";
    bytes.push_back(static_cast<std::uint8_t>(key.size()));
    bytes.push_back(static_cast<std::uint8_t>(field));
    bytes.push_back(traccar ? drivelog::logs::kTraccarTimeKey : 0);
    bytes.insert(bytes.end(), key.begin(), key.end());
  }
  return bytes;
}

const std::vector<std::uint8_t> kTraccarKeys =
    table({{"deviceId", JsonField::vehicle}, {"fixTime", JsonField::time},     {"valid", JsonField::valid},
           {"latitude", JsonField::lat},     {"longitude", JsonField::lon},    {"speed", JsonField::speed},
           {"course", JsonField::heading},   {"accuracy", JsonField::accuracy}, {"serverTime", JsonField::ignored},
           {"time", JsonField::time},        {"lat", JsonField::lat},           {"lon", JsonField::lon},
           {"speed_kmh", JsonField::speed_kmh}, {"hdop", JsonField::hdop},      {"note", JsonField::ignored},
           {"date", JsonField::date},        {"vehicle", JsonField::vehicle}});

struct Scan {
  explicit Scan(std::size_t capacity)
      : time(capacity), lat(capacity), lon(capacity), speed(capacity), heading(capacity), accuracy(capacity),
        vehicle_at(capacity), vehicle_length(capacity), kind(capacity) {}

  drivelog::logs::ScanResult run(std::string_view text, const std::vector<std::uint8_t>& keys = kTraccarKeys,
                                 const JsonLayout& layout = JsonLayout{}) {
    JsonKeyTable table;
    EXPECT_TRUE(table.load(keys.data(), keys.size()));
    const drivelog::logs::CsvRows rows{time.size(), time.data(),       lat.data(),            lon.data(),
                                       speed.data(), heading.data(),   accuracy.data(),       vehicle_at.data(),
                                       vehicle_length.data(), kind.data()};
    return drivelog::logs::scan_json_lines(text, layout, table, rows);
  }

  std::string vehicle(std::string_view text, std::size_t row) const {
    return std::string(text.substr(static_cast<std::size_t>(vehicle_at[row]),
                                   static_cast<std::size_t>(vehicle_length[row])));
  }

  std::vector<double> time, lat, lon;
  std::vector<float> speed, heading, accuracy;
  std::vector<std::int32_t> vehicle_at, vehicle_length;
  std::vector<LineKind> kind;
};

TEST(JsonLineScanner, traccarLines_valuesAsJavaMakesThem) {
  const std::string text =
      "{\"deviceId\":1000,\"fixTime\":\"2026-11-21T08:00:00Z\",\"valid\":true,\"latitude\":50.0148973,"
      "\"longitude\":10.0042311,\"speed\":0.272,\"course\":276.7,\"accuracy\":5.3}\r\n"
      "\n"
      " \t \n"
      "{ \"vehicle\" : \" car 7 \" , \"time\" : 1700000000123, \"lat\":-1, \"lon\":-0.0, \"speed\": 10,"
      " \"attributes\": {\"a\": [1, 2.5e3, true, null, {\"b\": \"c\"}], \"d\": {}}, \"hdop\": 2, \"note\": null }\n"
      "{\"time\":\"2023-11-14T22:13:20\",\"lat\":1,\"lon\":2,\"valid\":\" FALSE \"}\n"
      "{\"time\":1,\"lat\":1,\"lon\":2,\"speed_kmh\":36,\"speed\":5,\"serverTime\":null}\n";
  Scan scan(16);
  JsonLayout layout;
  layout.hdop_uere_m = 5;
  const auto result = scan.run(text, kTraccarKeys, layout);
  EXPECT_EQ(result.stop, ScanStop::end_of_text);
  ASSERT_EQ(result.lines, 6u);
  EXPECT_EQ(result.bytes, text.size());
  EXPECT_EQ(scan.kind[0], LineKind::point);
  EXPECT_EQ(scan.time[0], 1795248000.0);
  EXPECT_EQ(scan.lat[0], 50.0148973);
  EXPECT_EQ(scan.lon[0], 10.0042311);
  EXPECT_EQ(scan.speed[0], static_cast<float>(0.272 * (1852.0 / 3600.0))) << "a Traccar record's plain speed is knots";
  EXPECT_EQ(scan.heading[0], 276.7f);
  EXPECT_EQ(scan.accuracy[0], 5.3f);
  EXPECT_EQ(scan.vehicle(text, 0), "1000") << "an integer id is its digits";
  EXPECT_EQ(scan.kind[1], LineKind::skipped);
  EXPECT_EQ(scan.kind[2], LineKind::skipped);
  EXPECT_EQ(scan.kind[3], LineKind::point);
  EXPECT_EQ(scan.time[3], 1700000000.123) << "milliseconds by magnitude";
  EXPECT_TRUE(std::signbit(scan.lon[3]));
  EXPECT_EQ(scan.speed[3], 10.0f) << "outside a Traccar record: the configured unit (m/s here)";
  EXPECT_EQ(scan.accuracy[3], 10.0f) << "hdop x UERE";
  EXPECT_EQ(scan.vehicle(text, 3), " car 7 ") << "stripped by VehicleIds, as String.strip does";
  EXPECT_EQ(scan.kind[4], LineKind::invalid_fix);
  EXPECT_EQ(scan.kind[5], LineKind::point);
  EXPECT_EQ(scan.speed[5], static_cast<float>(36 * (1000.0 / 3600.0))) << "a unit's speed wins over the plain one";
  EXPECT_EQ(scan.vehicle_at[5], -1);
}

TEST(JsonLineScanner, stopsBeforeEveryLineJavaMustRead) {
  const std::string good = "{\"time\":1,\"lat\":1,\"lon\":2}\n";
  for (const std::string bad : {
           "{\"time\":1,\"lat\":1,\"lon\":2,\"other\":3}\n",        // a key Java has not met
           "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":\"a\\\"b\"}\n",  // an escape
           "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":\"caf\xc3\xa9\"}\n",  // not ASCII
           "{\"time\":1,\"lat\":1e1,\"lon\":2}\n",                  // an exponent where the value counts
           "{\"time\":1,\"lat\":-0,\"lon\":2}\n",                   // Jackson's int -0 is +0.0
           "{\"time\":1,\"lat\":01,\"lon\":2}\n",                   // leading zero: Jackson refuses
           "{\"time\":1,\"lat\":+1,\"lon\":2}\n",
           "{\"time\":1,\"lat\":.5,\"lon\":2}\n",
           "{\"time\":1,\"lat\":1.,\"lon\":2}\n",
           "{\"time\":1,\"lat\":\"1\",\"lon\":2}\n",                // a number as text: DecimalParser's messages
           "{\"time\":1,\"lat\":12345678901234567890,\"lon\":2}\n", // a long mantissa
           "{\"time\":1,\"lat\":1,\"lon\":2,}\n",                   // trailing comma
           "{\"time\":1,\"lat\":1,\"lon\":2} x\n",                  // text after the object
           "{\"time\":1,\"lat\":1,\"lon\":2}{}\n",
           "[1]\n",
           "{\"time\":1,\"lat\":1}\n",                             // no position
           "{\"lat\":1,\"lon\":2}\n",                              // no time
           "{\"time\":\"12:00:05\",\"lat\":1,\"lon\":2}\n",          // a time of day
           "{\"time\":\"\",\"lat\":1,\"lon\":2}\n",                  // a blank time and no other
           "{\"time\":1,\"lat\":1,\"lon\":2,\"speed\":true}\n",      // Double.parseDouble(\"true\")
           "{\"time\":1,\"lat\":1,\"lon\":2,\"vehicle\":true}\n",    // \"1\"
           "{\"time\":1,\"lat\":1,\"lon\":2,\"vehicle\":1.5}\n",     // Double.toString
           "{\"time\":1,\"lat\":1,\"lon\":2,\"vehicle\":1000000000000000}\n",
           "{\"time\":1,\"lat\":1,\"lon\":2,\"date\":5}\n",          // a date as a number: malformed
           "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":truex}\n",
           "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":\"a\tb\"}\n",   // a control character in a string
           "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":[1,]}\n",
           "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":[[[[[[[[1]]]]]]]]}\n",  // deeper than the scanner follows
           "{\"time\":1,\r\"lat\":1,\"lon\":2}\n",                  // a lone CR between tokens
           "\f{\"time\":1,\"lat\":1,\"lon\":2}\n",                  // not JSON white space (nor blank to Java)
       }) {
    Scan scan(16);
    const std::string text = good + bad + good;
    const auto result = scan.run(text);
    EXPECT_EQ(result.stop, ScanStop::deferred) << bad;
    EXPECT_EQ(result.lines, 1u) << bad;
    EXPECT_EQ(result.bytes, good.size()) << bad;
  }
}

TEST(JsonLineScanner, lastValueWins_andTextTimeOverNumberTime) {
  const std::string text =
      "{\"lat\":1,\"lon\":2,\"lat\":3,\"time\":\"1970-01-01T00:00:10Z\",\"time\":20}\n"
      "{\"lat\":1,\"lon\":2,\"time\":\" \",\"time\":20}\n"
      "{\"lat\":1,\"lon\":2,\"time\":20,\"valid\":false,\"valid\":1}\n";
  Scan scan(4);
  ASSERT_EQ(scan.run(text).lines, 3u);
  EXPECT_EQ(scan.lat[0], 3.0);
  EXPECT_EQ(scan.time[0], 10.0) << "PointRecord parses a text time at emit, over any number";
  EXPECT_EQ(scan.time[1], 20.0) << "a blank text time leaves the number";
  EXPECT_EQ(scan.kind[2], LineKind::point);
}

TEST(JsonLineScanner, traccarRule_needsATraccarKeyOutsideNestedValues) {
  Scan scan(4);
  const std::string nested = "{\"time\":1,\"lat\":1,\"lon\":2,\"speed\":10,\"x\":{\"fixTime\":1}}\n";
  ASSERT_EQ(scan.run(nested, table({{"time", JsonField::time}, {"lat", JsonField::lat}, {"lon", JsonField::lon},
                                    {"speed", JsonField::speed}})).lines, 1u);
  EXPECT_EQ(scan.speed[0], 10.0f);
  const std::string null_time = "{\"time\":1,\"lat\":1,\"lon\":2,\"speed\":10,\"serverTime\":null}\n";
  ASSERT_EQ(scan.run(null_time).lines, 1u);
  EXPECT_EQ(scan.speed[0], static_cast<float>(10 * (1852.0 / 3600.0))) << "a null Traccar time still counts";
}

TEST(JsonLineScanner, isoTimeWithoutZone_onlyWhereTheZoneIsUtc) {
  const std::string text = "{\"time\":\"2023-11-14T22:13:20\",\"lat\":1,\"lon\":2}\n";
  JsonLayout layout;
  Scan scan(4);
  EXPECT_EQ(scan.run(text, kTraccarKeys, layout).lines, 1u);
  EXPECT_EQ(scan.time[0], 1700000000.0);
  layout.zone_is_utc = false;
  EXPECT_EQ(scan.run(text, kTraccarKeys, layout).stop, ScanStop::deferred);
}

TEST(JsonLineScanner, incompleteLastLine_andCapacity) {
  const std::string line = "{\"time\":1,\"lat\":1,\"lon\":2}";
  const std::string text = line + "\n" + line + "\n" + line;
  Scan scan(1);
  auto result = scan.run(text);
  EXPECT_EQ(result.stop, ScanStop::full);
  EXPECT_EQ(result.lines, 1u);
  Scan more(8);
  result = more.run(text);
  EXPECT_EQ(result.stop, ScanStop::end_of_text) << "the line without its newline is the caller's";
  EXPECT_EQ(result.lines, 2u);
  EXPECT_EQ(result.bytes, 2 * (line.size() + 1));
}

TEST(JsonKeyTable, malformedTables_refused) {
  JsonKeyTable keys;
  const std::uint8_t short_entry[] = {5, 1, 0, 'a'};
  EXPECT_FALSE(keys.load(short_entry, sizeof short_entry));
  const std::uint8_t bad_field[] = {1, 15, 0, 'a'};
  EXPECT_FALSE(keys.load(bad_field, sizeof bad_field));
  const std::uint8_t bad_flags[] = {1, 1, 2, 'a'};
  EXPECT_FALSE(keys.load(bad_flags, sizeof bad_flags));
  std::vector<std::uint8_t> too_many;
  for (int i = 0; i <= 1024; ++i) too_many.insert(too_many.end(), {0, 0, 0});
  EXPECT_FALSE(keys.load(too_many.data(), too_many.size()));
  EXPECT_TRUE(keys.load(nullptr, 0));
}

}  // namespace
