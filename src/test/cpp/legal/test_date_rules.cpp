#include "legal/date_rules.hpp"

#include <gtest/gtest.h>

#include "legal/embedded_data.hpp"

namespace drivelog::legal {
namespace {

const LegalDefaultSpeeds& dataset() {
  static const LegalDefaultSpeeds d = LegalDefaultSpeeds::from_json(embedded::legal_default_speeds_json(), "built-in");
  return d;
}

const DateRules& shipped() {
  static const DateRules r = DateRules::from_json(embedded::date_effective_rules_json(), "built-in");
  return r;
}

std::vector<std::string> applying(const char* country, const TagMap& tags) {
  std::vector<std::string> out;
  for (const DateRule* r : shipped().applying(country, tags, dataset())) out.push_back(r->id);
  return out;
}

TEST(DateRules, Days) {
  EXPECT_EQ(parse_day("1970-01-01"), 0);
  EXPECT_EQ(parse_day("2026-09-01"), 20697);
  EXPECT_EQ(format_day(20697), "2026-09-01");
  EXPECT_FALSE(parse_day("2026-02-30").has_value());
  EXPECT_FALSE(parse_day("2026-9-1").has_value());
}

TEST(DateRules, JapansCentreLineProxy) {
  const std::vector<std::string> narrow = {"JP 2026-09-01 road without centre line"};
  EXPECT_EQ(applying("JP", {{"highway", "residential"}}), narrow);
  EXPECT_EQ(applying("JP", {{"highway", "tertiary"}, {"lanes", "1"}}), narrow);
  EXPECT_EQ(applying("JP", {{"highway", "secondary"}, {"width", "4"}}), narrow);
  EXPECT_EQ(applying("JP", {{"highway", "unclassified"}, {"lane_markings", "no"}}), narrow);
  // A centre line: lanes, marked lanes, width, or a main road class.
  EXPECT_EQ(applying("JP", {{"highway", "residential"}, {"lanes", "2"}}), std::vector<std::string>{});
  EXPECT_EQ(applying("JP", {{"highway", "residential"}, {"lane_markings", "yes"}}), std::vector<std::string>{});
  EXPECT_EQ(applying("JP", {{"highway", "residential"}, {"width", "6"}}), std::vector<std::string>{});
  EXPECT_EQ(applying("JP", {{"highway", "secondary"}}), std::vector<std::string>{});
  // Motor roads keep their own limits.
  EXPECT_EQ(applying("JP", {{"highway", "motorway_link"}}), std::vector<std::string>{"JP motorway link"});
  EXPECT_EQ(applying("JP", {{"highway", "motorway"}, {"lanes", "1"}}), std::vector<std::string>{});
  EXPECT_EQ(applying("JP", {{"highway", "trunk"}, {"motorroad", "yes"}, {"lanes", "1"}}), std::vector<std::string>{});
  // Not Japan.
  EXPECT_EQ(applying("DE", {{"highway", "residential"}}), std::vector<std::string>{});
}

TEST(DateRules, UndatedRulesComeFirstThenByDate) {
  const auto& rules = shipped().rules();
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_FALSE(rules[0].from_day.has_value());
  EXPECT_EQ(rules[1].from_day, 20697);
  EXPECT_EQ(rules[1].maxspeed_tenths, 300);
  EXPECT_TRUE(rules[1].inferred);
}

TEST(DateRules, BadRulesAreRefusedWithTheirIndex) {
  const char* bad_date = R"({"rules": [{"id": "x", "country": "JP", "effective_from": "2026-13-01", "filter": "highway", "maxspeed": "30"}]})";
  try {
    DateRules::from_json(bad_date, "rules.json");
    FAIL();
  } catch (const LegalDataError& e) {
    EXPECT_NE(std::string(e.what()).find("rules.json: rules[0].effective_from"), std::string::npos) << e.what();
  }
  EXPECT_THROW(DateRules::from_json(R"({"rules": [{"id": "x", "country": "JP", "filter": "(", "maxspeed": "30"}]})", "r"),
               LegalDataError);
  EXPECT_THROW(DateRules::from_json(R"({"rules": [{"id": "x", "country": "JP", "filter": "a", "maxspeed": "fast"}]})", "r"),
               LegalDataError);
  EXPECT_THROW(DateRules::from_json("[]", "r"), LegalDataError);
}

}  // namespace
}  // namespace drivelog::legal
