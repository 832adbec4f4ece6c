// The time parser takes the zone-free forms of TimestampParser, with Java's values, and refuses the rest.
#include "logs/java_timestamp.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

namespace {

std::optional<double> parse(std::string_view text, bool zone_is_utc = true) {
  double out = 0;
  if (!drivelog::logs::parse_java_timestamp(text.data(), text.data() + text.size(), zone_is_utc, out)) {
    return std::nullopt;
  }
  return out;
}

TEST(JavaTimestamp, epochNumbers_byMagnitude) {
  EXPECT_EQ(parse("1700000000"), 1700000000.0);
  EXPECT_EQ(parse("1700000000.25"), 1700000000.25);
  EXPECT_EQ(parse("1700000000250"), 1700000000250.0 / 1e3);
  EXPECT_EQ(parse("1700000000250000"), 1700000000250000.0 / 1e6);
  EXPECT_EQ(parse("-5"), -5.0);
  EXPECT_EQ(parse("1.7e9"), std::nullopt) << "an exponent goes to Double.parseDouble in Java";
  EXPECT_EQ(parse("17000000001234567890"), std::nullopt) << "more than 18 digits likewise";
}

TEST(JavaTimestamp, isoUtc_formsAndValues) {
  constexpr double kMarch1 = 1709251200;  // 2024-03-01T00:00:00Z
  EXPECT_EQ(parse("2024-03-01T00:00:00Z"), kMarch1);
  EXPECT_EQ(parse("2024-03-01t00:00:00z"), kMarch1);
  EXPECT_EQ(parse("2024/03/01 00:00:00 UTC"), kMarch1);
  EXPECT_EQ(parse("2024-03-01T00:00 gmt"), kMarch1);
  EXPECT_EQ(parse("2024-03-01T  00:00:00Z"), kMarch1);
  EXPECT_EQ(parse("2024-03-01T01:30:00+01:30"), kMarch1);
  EXPECT_EQ(parse("2024-03-01T01:30:00+0130"), kMarch1);
  EXPECT_EQ(parse("2024-02-29T23:00:00-01"), kMarch1);
  EXPECT_EQ(parse("2024-02-29T23:00:00-01:"), kMarch1) << "Java takes a bare colon after the hours";
  EXPECT_EQ(parse("2024-03-01T00:00:00"), kMarch1) << "no zone, the configured zone UTC";
  EXPECT_EQ(parse("2024-03-01T00:00:00.5Z"), kMarch1 + 0.5);
  EXPECT_EQ(parse("2024-03-01T00:00:00,25Z"), kMarch1 + 0.25);
  EXPECT_EQ(parse("2024-02-29T23:59:60Z"), kMarch1 - 1 + 0.999) << "a leap second, as Java places it";
  EXPECT_EQ(parse("1969-12-31T23:59:59Z"), -1.0);
  EXPECT_EQ(parse("0000-01-01T00:00:00Z"), -62167219200.0);
}

TEST(JavaTimestamp, fraction_isSummedDigitByDigitAsJavaDoes) {
  // 0.1 + 0.02 + 0.003 in doubles, not the double nearest 0.123: Java's TimestampParser.fraction.
  double fraction = 0;
  double scale = 0.1;
  for (const int digit : {1, 2, 3}) {
    fraction += digit * scale;
    scale /= 10;
  }
  EXPECT_EQ(parse("1970-01-01T00:00:00.123Z"), fraction);
}

TEST(JavaTimestamp, refusedWhereJavaThrowsOrAsksAZone) {
  for (const std::string_view text :
       {"", "2024-03-01T00:00:00", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
        "2024-03-01T24:00:00Z", "2024-03-01T00:60:00Z", "2024-03-01T00:00:61Z", "2024-03-01X00:00:00Z",
        "2024-03/01T00:00:00Z", "2024-03-01T00:00:00.Z", "2024-03-01T00:00:00+19:00", "2024-03-01T00:00:00+01:60",
        "2024-03-01T00:00:00+1", "2024-03-01T00:00:00 CET", "2024-03-01T0:00:00Z", "12:00:05", "24-03-01T00:00Z"}) {
    EXPECT_EQ(parse(text, text != "2024-03-01T00:00:00"), std::nullopt) << text;
  }
}

TEST(JavaTimestamp, daysFromCivil) {
  EXPECT_EQ(drivelog::logs::days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(drivelog::logs::days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(drivelog::logs::days_from_civil(0, 1, 1), -719528);
}

}  // namespace
