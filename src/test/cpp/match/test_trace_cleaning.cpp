#include "match/trace_cleaning.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace drivelog::match {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();

}  // namespace

TEST(TraceCleaning, dropsNonFiniteAndOutOfRangePointsAndCountsThem) {
  const std::vector<double> t = {1, 2, kNaN, 4, 5, 6};
  const std::vector<double> lat = {52, 52, 52, 91, 52, kNaN};
  const std::vector<double> lon = {13, 13, 13, 13, 181, 13};
  std::vector<TracePoint> out;
  const CleaningReport r = clean_trace(TraceColumns{t.size(), t.data(), lat.data(), lon.data()}, out);
  EXPECT_EQ(r.input_points, 6u);
  EXPECT_EQ(r.dropped_points, 4u);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(std::isnan(out[0].speed_mps));  // no speed column
}

// Times as far out as a double reaches made the trip's duration overflow to infinity, which the
// result could only show as null: beyond 2^53 ms no millisecond can be told, and such a fix is
// dropped like any other broken one.
TEST(TraceCleaning, timesBeyondTheMillisecondRangeOfADoubleAreDropped) {
  const double limit = 0x1p53 / 1000;
  const std::vector<double> t = {-1e308, -limit, std::nextafter(-limit, 0.0), 1795161600, std::nextafter(limit, 0.0), limit, 1e308};
  const std::vector<double> lat(t.size(), 52), lon(t.size(), 13);
  std::vector<TracePoint> out;
  const CleaningReport r = clean_trace(TraceColumns{t.size(), t.data(), lat.data(), lon.data()}, out);
  EXPECT_EQ(r.dropped_points, 4u);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out.front().time_s, std::nextafter(-limit, 0.0));
  EXPECT_EQ(out.back().time_s, std::nextafter(limit, 0.0));
}

TEST(TraceCleaning, sortsUnorderedTimesAndDropsRepeatedTimes) {
  const std::vector<double> t = {3, 1, 2, 2};
  const std::vector<double> lat = {52.3, 52.1, 52.2, 52.25};
  const std::vector<double> lon = {13, 13, 13, 13};
  std::vector<TracePoint> out;
  const CleaningReport r = clean_trace(TraceColumns{t.size(), t.data(), lat.data(), lon.data()}, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].time_s, 1);
  EXPECT_EQ(out[1].time_s, 2);
  EXPECT_EQ(out[1].lat, 52.2);  // the first fix with a repeated time is kept
  EXPECT_EQ(out[2].time_s, 3);
  EXPECT_EQ(r.dropped_points, 1u);
  EXPECT_GE(r.out_of_order_points, 1u);
}

TEST(TraceCleaning, implausibleOptionalValuesBecomeNaN) {
  const std::vector<double> t = {1, 2, 3};
  const std::vector<double> lat = {52, 52, 52};
  const std::vector<double> lon = {13, 13, 13};
  const std::vector<float> speed = {-5, 10, 1000};
  const std::vector<float> heading = {-90, 725, kNaNf};
  const std::vector<float> accuracy = {0, 5, -1};
  std::vector<TracePoint> out;
  const CleaningReport r = clean_trace(
      TraceColumns{t.size(), t.data(), lat.data(), lon.data(), speed.data(), heading.data(), accuracy.data()}, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(std::isnan(out[0].speed_mps));
  EXPECT_EQ(out[1].speed_mps, 10);
  EXPECT_TRUE(std::isnan(out[2].speed_mps));
  EXPECT_FLOAT_EQ(out[0].heading_deg, 270);
  EXPECT_FLOAT_EQ(out[1].heading_deg, 5);
  EXPECT_TRUE(std::isnan(out[0].accuracy_m));
  EXPECT_EQ(out[1].accuracy_m, 5);
  EXPECT_EQ(r.cleared_values, 4u);
}

TEST(TraceCleaning, zeroPointsAndNullColumnsGiveAnEmptyTrace) {
  std::vector<TracePoint> out{TracePoint{}};
  EXPECT_EQ(clean_trace(TraceColumns{}, out).dropped_points, 0u);
  EXPECT_TRUE(out.empty());
  const CleaningReport r = clean_trace(TraceColumns{5, nullptr, nullptr, nullptr}, out);
  EXPECT_EQ(r.dropped_points, 5u);
  EXPECT_TRUE(out.empty());
}

}  // namespace drivelog::match
