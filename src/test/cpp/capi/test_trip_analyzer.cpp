#include "capi/trip_analyzer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "json_check.hpp"
#include "scenario.hpp"
#include "trace_columns.hpp"

namespace drivelog::capi {
namespace {

using scenario::Drive;
using scenario::Scenario;
using scenario::way;

match::TraceColumns columns_of(const test::Columns& c) {
  return match::TraceColumns{c.size(), c.time_s.data(), c.lat.data(), c.lon.data(),
                             c.speed_mps.data(), c.heading_deg.data(), c.accuracy_m.data()};
}

}  // namespace

TEST(TripAnalyzer, resultFollowsTheTripFormat) {
  const Scenario s("A--------------------B--------------------C", 10,
                   {way("AB", 1, "Main \"Street\""), way("BC", 2, "One Way").oneway()});
  Drive d(s, 1, 1);
  d.noise(3).start_at('C').to("BA", 30);
  test::Columns c(d.points());
  c.accuracy_m[3] = 80;  // a low-accuracy fix
  AnalysisConfig config;
  config.matched = true;
  TripAnalyzer analyzer(s.map(), config);
  const std::string json = analyzer.analyze("vehicle-7/\"trip\"", columns_of(c));
  EXPECT_EQ(test::json_syntax_error(json), "") << json;
  EXPECT_NE(json.find(R"("schema":"drivelog.trip/1.5")"), std::string::npos);
  EXPECT_NE(json.find(R"("trip_id":"vehicle-7/\"trip\"")"), std::string::npos);
  EXPECT_NE(json.find(R"("points":)" + std::to_string(c.size())), std::string::npos);
  EXPECT_NE(json.find(R"("low_accuracy_points":1)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("type":"wrong_way")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("matched":[{"osm_way_id":2)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("road_name":"Main \"Street\"")"), std::string::npos) << json;
}

TEST(TripAnalyzer, badPointsAreDroppedAndCounted) {
  const Scenario s("A--------------------B", 10, {way("AB", 1)});
  Drive d(s, 1, 2);
  d.start_at('A').to("B", 30);
  test::Columns c(d.points());
  c.lat[2] = std::numeric_limits<double>::quiet_NaN();
  c.lon[5] = 500;
  c.time_s[7] = std::numeric_limits<double>::infinity();
  TripAnalyzer analyzer(s.map(), AnalysisConfig{});
  const std::string json = analyzer.analyze("t", columns_of(c));
  EXPECT_EQ(test::json_syntax_error(json), "");
  EXPECT_NE(json.find(R"("dropped_points":3)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("points_used":)" + std::to_string(c.size() - 3)), std::string::npos) << json;
  EXPECT_EQ(json.find(R"("matched":)"), std::string::npos);  // not asked for
}

TEST(TripAnalyzer, tooManyPointsAreRefused) {
  const Scenario s("A--------------------B", 10, {way("AB", 1)});
  AnalysisConfig config;
  config.max_points = 10;
  TripAnalyzer analyzer(s.map(), config);
  Drive d(s, 1, 3);
  d.start_at('A').to("B", 30);
  const test::Columns c(d.points());
  EXPECT_THROW(analyzer.analyze("t", columns_of(c)), InputRefused);
}

TEST(TripAnalyzer, sameTripTwiceGivesTheSameText) {
  const Scenario s("A--------------------B--------------------C", 10, {way("AB", 1).maxspeed(30), way("BC", 2)});
  Drive d(s, 1, 4);
  d.noise(4).start_at('A').to("BC", 50);
  const test::Columns c(d.points());
  TripAnalyzer analyzer(s.map(), AnalysisConfig{});
  const std::string first = analyzer.analyze("t", columns_of(c));
  Drive other(s, 1, 5);
  other.start_at('C').to("BA", 20);
  const test::Columns oc(other.points());
  analyzer.analyze("other", columns_of(oc));
  EXPECT_EQ(analyzer.analyze("t", columns_of(c)), first);
  // A trip 3 km further north (off this map) in between changes nothing either: no cached state
  // (such as a latitude-dependent scale) may leak from one trip into the next.
  test::Columns north(d.points());
  for (double& lat : north.lat) lat += 0.026;
  analyzer.analyze("north", columns_of(north));
  EXPECT_EQ(analyzer.analyze("t", columns_of(c)), first);
}

// A car that stands at its destination for its last fixes (collapsed: they are no HMM steps) is on
// the way it stopped on until the last of them; the matched path used to end at the first fix
// placed there, leaving the fixes after it on no way at all.
TEST(TripAnalyzer, matchedPathLastsUntilTheLastFixOfACarStandingAtItsEnd) {
  const Scenario s("A--------------------B", 10, {way("AB", 1)});
  Drive d(s, 1, 6);
  d.start_at('A').toward('B', 0.7, 30).wait(6, 0.5);
  const test::Columns c(d.points());
  AnalysisConfig config;
  config.matched = true;
  TripAnalyzer analyzer(s.map(), config);
  const std::string json = analyzer.analyze("t", columns_of(c));
  const std::size_t matched = json.find(R"("matched":)");
  ASSERT_NE(matched, std::string::npos) << json;
  const std::size_t end = json.rfind(R"("end_time":)");
  ASSERT_GT(end, matched) << json;
  const double end_time = std::stod(json.substr(end + 11));
  EXPECT_NEAR(end_time, c.time_s.back(), 1e-3) << json;
}

}  // namespace drivelog::capi
