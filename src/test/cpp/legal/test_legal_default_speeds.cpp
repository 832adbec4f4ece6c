// The dataset as shipped (data/legal_default_speeds.json, built in): a few countries' answers pinned.
// LegalDefaultSpeedsOracleTest (Java) compares every answer with the library on a large sample.
#include "legal/legal_default_speeds.hpp"

#include <gtest/gtest.h>

#include "legal/embedded_data.hpp"

namespace drivelog::legal {
namespace {

const LegalDefaultSpeeds& dataset() {
  static const LegalDefaultSpeeds d = LegalDefaultSpeeds::from_json(embedded::legal_default_speeds_json(), "built-in");
  return d;
}

std::string maxspeed(const std::optional<LegalResult>& r) {
  if (!r) return "(no rules)";
  const auto it = r->tags.find("maxspeed");
  return it == r->tags.end() ? "(none)" : it->second;
}

TEST(LegalDefaultSpeeds, TheShippedDatasetHasItsCountries) {
  EXPECT_EQ(dataset().country_count(), 242u);
  EXPECT_EQ(dataset().revision(), "2607051");
  EXPECT_EQ(dataset().rules_code("US-PA"), "US-PA");
  EXPECT_EQ(dataset().rules_code("FR-75"), "FR");
  EXPECT_EQ(dataset().rules_code("ZZ"), "");
}

TEST(LegalDefaultSpeeds, RoadTypesFromTagsExactFuzzyAndFallback) {
  const auto jp = dataset().speed_limits("JP", {{"highway", "residential"}});
  EXPECT_EQ(maxspeed(jp), "60");
  EXPECT_EQ(jp->certitude, Certitude::fallback);
  const auto de_urban = dataset().speed_limits("DE", {{"highway", "residential"}});
  EXPECT_EQ(maxspeed(de_urban), "50");
  EXPECT_EQ(de_urban->certitude, Certitude::fuzzy);
  EXPECT_EQ(de_urban->road_type, "urban");
  const auto de_zone = dataset().speed_limits("DE", {{"highway", "tertiary"}, {"maxspeed:type", "DE:urban"}});
  EXPECT_EQ(de_zone->certitude, Certitude::exact);
  EXPECT_EQ(maxspeed(dataset().speed_limits("GB", {{"highway", "primary"}, {"maxspeed:type", "GB:nsl_dual"}})), "70 mph");
  EXPECT_EQ(maxspeed(dataset().speed_limits("MC", {{"highway", "primary"}})), "50");
  EXPECT_EQ(maxspeed(dataset().speed_limits("AD", {{"highway", "primary"}, {"ref", "CG-3"}})), "90");
  // Urban and not numbered, both inferred: 25 mph.
  EXPECT_EQ(maxspeed(dataset().speed_limits("US-PA", {{"highway", "residential"}})), "25 mph");
  EXPECT_EQ(maxspeed(dataset().speed_limits("ZZ", {{"highway", "residential"}})), "(no rules)");
}

TEST(LegalDefaultSpeeds, ClassLimitsNotBelowTheCarsAreLeftOut) {
  // German motorway: no car limit, only advisory; hgv 80 stays.
  const auto de = dataset().speed_limits("DE", {{"highway", "motorway"}});
  EXPECT_EQ(maxspeed(de), "(none)");
  EXPECT_EQ(de->tags.at("maxspeed:advisory"), "130");
  EXPECT_EQ(de->tags.at("maxspeed:hgv"), "80");
  // A tagged 60 makes hgv 80 moot, and its conditionals above 60 too.
  const auto capped = dataset().speed_limits("DE", {{"highway", "secondary"}, {"maxspeed", "60"}});
  EXPECT_FALSE(capped->tags.contains("maxspeed"));
  EXPECT_FALSE(capped->tags.contains("maxspeed:hgv"));
}

TEST(LegalDefaultSpeeds, AFilterThatRefersToItselfIsRefused) {
  const char* json = R"({"roadTypesByName": {"a": {"filter": "{b}"}, "b": {"filter": "{a}"}},
                         "speedLimitsByCountryCode": {"XX": [{"tags": {"maxspeed": "50"}}]}})";
  EXPECT_THROW(LegalDefaultSpeeds::from_json(json, "test"), LegalDataError);
  EXPECT_THROW(LegalDefaultSpeeds::from_json("{}", "test"), LegalDataError);
}

}  // namespace
}  // namespace drivelog::legal
