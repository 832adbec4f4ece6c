// The scanner takes the common CSV line with the Java reader's values, and stops before every line
// the Java reader must read itself.
#include "logs/csv_line_scanner.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace {

using drivelog::logs::ColumnKind;
using drivelog::logs::CsvLayout;
using drivelog::logs::LineKind;
using drivelog::logs::ScanStop;

// Columns: vehicle_id,time,lat,lon,speed_kmh,heading,hdop,valid
CsvLayout fleet_layout() {
  CsvLayout layout;
  layout.delimiter = ',';
  layout.column_count = 8;
  layout.needed_fields = 4;
  layout.hdop_uere_m = 5;
  const ColumnKind kinds[] = {ColumnKind::vehicle, ColumnKind::time,    ColumnKind::lat,  ColumnKind::lon,
                              ColumnKind::speed,   ColumnKind::heading, ColumnKind::hdop, ColumnKind::valid};
  for (std::size_t i = 0; i < 8; ++i) layout.kinds[i] = kinds[i];
  layout.speed_factor[4] = 1000.0 / 3600.0;
  return layout;
}

struct Scan {
  explicit Scan(std::size_t capacity)
      : time(capacity), lat(capacity), lon(capacity), speed(capacity), heading(capacity), accuracy(capacity),
        vehicle_at(capacity), vehicle_length(capacity), kind(capacity) {}

  drivelog::logs::ScanResult run(std::string_view text, const CsvLayout& layout) {
    const drivelog::logs::CsvRows rows{time.size(), time.data(),       lat.data(),            lon.data(),
                                       speed.data(), heading.data(),   accuracy.data(),       vehicle_at.data(),
                                       vehicle_length.data(), kind.data()};
    return drivelog::logs::scan_csv_lines(text, layout, rows);
  }

  std::vector<double> time, lat, lon;
  std::vector<float> speed, heading, accuracy;
  std::vector<std::int32_t> vehicle_at, vehicle_length;
  std::vector<LineKind> kind;
};

TEST(CsvLineScanner, commonLines_valuesAsJavaMakesThem) {
  const std::string text =
      "car 7,1700000000,52.5,13.25,36,90,1.5,1\r\n"
      "\n"
      "# a comment \xc3\xa9\n"
      " \t \n"
      "car 8,2023-11-14T22:13:21Z,-1,-2,,,,\n"
      "car 9,1700000002,1,2,0,0,,false\n"
      "car 7,1700000003,3,4\n";
  Scan scan(16);
  const auto result = scan.run(text, fleet_layout());
  EXPECT_EQ(result.stop, ScanStop::end_of_text);
  ASSERT_EQ(result.lines, 7u);
  EXPECT_EQ(result.bytes, text.size());
  EXPECT_EQ(scan.kind[0], LineKind::point);
  EXPECT_EQ(scan.time[0], 1700000000.0);
  EXPECT_EQ(scan.lat[0], 52.5);
  EXPECT_EQ(scan.lon[0], 13.25);
  EXPECT_EQ(scan.speed[0], static_cast<float>(36 * (1000.0 / 3600.0))) << "SpeedUnit.toMps in double, then float";
  EXPECT_EQ(scan.heading[0], 90.0f);
  EXPECT_EQ(scan.accuracy[0], 7.5f) << "hdop x UERE";
  EXPECT_EQ(text.substr(static_cast<std::size_t>(scan.vehicle_at[0]), static_cast<std::size_t>(scan.vehicle_length[0])),
            "car 7");
  EXPECT_EQ(scan.kind[1], LineKind::skipped);
  EXPECT_EQ(scan.kind[2], LineKind::skipped) << "a comment may hold any bytes";
  EXPECT_EQ(scan.kind[3], LineKind::skipped);
  EXPECT_EQ(scan.kind[4], LineKind::point);
  EXPECT_EQ(scan.time[4], 1700000001.0);
  EXPECT_TRUE(std::isnan(scan.speed[4]) && std::isnan(scan.heading[4]) && std::isnan(scan.accuracy[4]));
  EXPECT_EQ(scan.kind[5], LineKind::invalid_fix);
  EXPECT_EQ(scan.kind[6], LineKind::point) << "fields past the needed ones may be missing";
  EXPECT_TRUE(std::isnan(scan.speed[6]));
}

TEST(CsvLineScanner, stopsBeforeEveryLineJavaMustRead) {
  const std::string good = "car,1700000000,52.5,13.25,36,90,1.5,1\n";
  for (const std::string bad : {
           "\"car\",1700000000,52.5,13.25\n",           // quoted field
           "car \"x\",1700000000,52.5,13.25\n",         // a quote anywhere
           "caf\xc3\xa9,1700000000,52.5,13.25\n",       // not ASCII
           "car,1700000000,52.5\n",                     // too few fields (malformed)
           "car,1700000000,,13.25\n",                   // no latitude
           "car,1700000000,1e1,13.25\n",                // exponent: Double.parseDouble
           "car,1700000000,52.5,13.25,fast\n",          // bad speed
           "car,,52.5,13.25\n",                         // no time
           "car,2023-11-14T22:13:21+01:00:00,1,2\n",    // bad zone
           "car,12:00:05,1,2\n",                        // a time of day
           "car,1.7e9,1,2\n",                           // epoch with exponent
           "car,2023-11-14 22:13:21 CET,1,2\n",         // a named zone
           "car,1700000000,52.5,13.25,NaN\n",           // NaN
       }) {
    Scan scan(16);
    const std::string text = good + bad + good;
    const auto result = scan.run(text, fleet_layout());
    EXPECT_EQ(result.stop, ScanStop::deferred) << bad;
    EXPECT_EQ(result.lines, 1u) << bad;
    EXPECT_EQ(result.bytes, good.size()) << bad;
  }
}

TEST(CsvLineScanner, isoTimeWithoutZone_onlyWhereTheZoneIsUtc) {
  const std::string text = "car,2023-11-14T22:13:20,1,2\n";
  CsvLayout layout = fleet_layout();
  Scan scan(4);
  EXPECT_EQ(scan.run(text, layout).lines, 1u);
  EXPECT_EQ(scan.time[0], 1700000000.0);
  layout.zone_is_utc = false;
  EXPECT_EQ(scan.run(text, layout).stop, ScanStop::deferred);
}

TEST(CsvLineScanner, incompleteLastLine_andCapacity) {
  const std::string text = "a,1,2,3\na,1,2,3\na,1,2,3";
  Scan scan(1);
  auto result = scan.run(text, fleet_layout());
  EXPECT_EQ(result.stop, ScanStop::full);
  EXPECT_EQ(result.lines, 1u);
  EXPECT_EQ(result.bytes, 8u);
  Scan more(8);
  result = more.run(text, fleet_layout());
  EXPECT_EQ(result.stop, ScanStop::end_of_text) << "the line without its newline is the caller's";
  EXPECT_EQ(result.lines, 2u);
  EXPECT_EQ(result.bytes, 16u);
}

TEST(CsvLineScanner, blankRule_delimitersAreNotBlankUnlessWhitespace) {
  CsvLayout layout = fleet_layout();
  Scan scan(4);
  EXPECT_EQ(scan.run(",,,\n", layout).stop, ScanStop::deferred) << "',,,' is a line of empty fields (malformed)";
  layout.delimiter = '\t';
  const auto result = scan.run("\t\t\t\n", layout);
  EXPECT_EQ(result.lines, 1u);
  EXPECT_EQ(scan.kind[0], LineKind::skipped) << "a line of tabs is blank, as String.isBlank says";
}

TEST(CsvLineScanner, laterSpeedColumn_overwritesAnEarlierOne) {
  // speed (knots) then speed_mps: PointRecord sets speedMps twice, the second (even blank: NaN) wins.
  CsvLayout layout;
  layout.column_count = 5;
  layout.needed_fields = 3;
  layout.kinds[0] = ColumnKind::time;
  layout.kinds[1] = ColumnKind::lat;
  layout.kinds[2] = ColumnKind::lon;
  layout.kinds[3] = ColumnKind::speed;
  layout.speed_factor[3] = 1852.0 / 3600.0;
  layout.kinds[4] = ColumnKind::speed;
  layout.speed_factor[4] = 1.0;
  Scan scan(4);
  ASSERT_EQ(scan.run("1,2,3,10,4\n1,2,3,10,\n1,2,3,10\n", layout).lines, 3u);
  EXPECT_EQ(scan.speed[0], 4.0f);
  EXPECT_TRUE(std::isnan(scan.speed[1]));
  EXPECT_EQ(scan.speed[2], static_cast<float>(10 * (1852.0 / 3600.0)));
}

}  // namespace
