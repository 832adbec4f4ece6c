#include "tools/analyze/csv_trace.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace drivelog::tools {

TEST(ParseTime, isoUtcWithMillis) {
  EXPECT_DOUBLE_EQ(*parse_time("2026-11-21T08:00:00.000Z"), 1795248000.0);
  EXPECT_DOUBLE_EQ(*parse_time("1970-01-01T00:00:01.5Z"), 1.5);
  EXPECT_DOUBLE_EQ(*parse_time("2000-02-29T12:00:00Z"), 951825600.0);
}

TEST(ParseTime, offsetsAndEpochSeconds) {
  EXPECT_DOUBLE_EQ(*parse_time("2026-11-21T09:00:00+01:00"), 1795248000.0);
  EXPECT_DOUBLE_EQ(*parse_time("2026-11-21T03:30:00-04:30"), 1795248000.0);
  EXPECT_DOUBLE_EQ(*parse_time("1795248000.25"), 1795248000.25);
}

TEST(ParseTime, garbageIsRefused) {
  EXPECT_FALSE(parse_time("yesterday").has_value());
  EXPECT_FALSE(parse_time("2026-13-01T00:00:00Z").has_value());
  EXPECT_FALSE(parse_time("2026-11-21T08:00:00.Z").has_value());
  EXPECT_FALSE(parse_time("2026-11-21T08:00:00Zjunk").has_value());
  EXPECT_FALSE(parse_time("").has_value());
}

TEST(TraceCsv, readsColumnsInHeaderOrderWithEmptyCells) {
  TraceFile f;
  std::string error;
  ASSERT_TRUE(parse_trace_csv("lon,lat,time,speed,extra\r\n"
                              "13.4,52.5,2026-11-21T08:00:00.000Z,10,x\r\n"
                              "13.5,52.6,2026-11-21T08:00:01.000Z,,y\r\n",
                              "t.csv", f, error))
      << error;
  ASSERT_EQ(f.time_s.size(), 2u);
  EXPECT_EQ(f.lat[1], 52.6);
  EXPECT_EQ(f.lon[0], 13.4);
  EXPECT_EQ(f.speed_mps[0], 10.0F);
  EXPECT_TRUE(std::isnan(f.speed_mps[1]));
  EXPECT_TRUE(std::isnan(f.heading_deg[0]));  // no such column
  EXPECT_DOUBLE_EQ(f.time_s[1] - f.time_s[0], 1.0);
}

TEST(TraceCsv, badCellNamesFileLineAndColumn) {
  TraceFile f;
  std::string error;
  EXPECT_FALSE(parse_trace_csv("time,lat,lon\n1,52.5,13.4\n2,north,13.4\n", "trip.csv", f, error));
  EXPECT_NE(error.find("trip.csv:3"), std::string::npos) << error;
  EXPECT_NE(error.find("lat"), std::string::npos) << error;
  EXPECT_FALSE(parse_trace_csv("time,lat,lon\nnot-a-time,52.5,13.4\n", "trip.csv", f, error));
  EXPECT_NE(error.find("column time"), std::string::npos) << error;
}

TEST(TraceCsv, missingRequiredColumnsOrEmptyFileAreErrors) {
  TraceFile f;
  std::string error;
  EXPECT_FALSE(parse_trace_csv("time,latitude,lon\n", "a.csv", f, error));
  EXPECT_NE(error.find("time, lat and lon"), std::string::npos) << error;
  EXPECT_FALSE(parse_trace_csv("", "b.csv", f, error));
  EXPECT_NE(error.find("b.csv"), std::string::npos) << error;
  EXPECT_FALSE(parse_trace_csv("time,lat,lon\n1,2,3,4\n", "c.csv", f, error));
  EXPECT_NE(error.find("c.csv:2"), std::string::npos) << error;
}

TEST(TraceCsv, headerOnlyIsAnEmptyTrip) {
  TraceFile f;
  std::string error;
  ASSERT_TRUE(parse_trace_csv("time,lat,lon,speed,heading,accuracy\n", "e.csv", f, error)) << error;
  EXPECT_TRUE(f.time_s.empty());
}

}  // namespace drivelog::tools
