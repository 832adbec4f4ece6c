#include "legal/tag_filter.hpp"

#include <gtest/gtest.h>

namespace drivelog::legal {
namespace {

bool matches(const char* expression, const TagMap& tags, bool placeholder_answer = false) {
  return TagFilter(expression).matches(tags, [&](const std::string&) { return placeholder_answer; });
}

TEST(TagFilter, KeysValuesAndTheirNegations) {
  const TagMap tags = {{"highway", "residential"}, {"lanes", "2"}};
  EXPECT_TRUE(matches("highway", tags));
  EXPECT_FALSE(matches("!highway", tags));
  EXPECT_TRUE(matches("highway = residential", tags));
  EXPECT_TRUE(matches("highway=residential", tags));
  EXPECT_TRUE(matches("surface != asphalt", tags));  // a missing key is "not equal"
  EXPECT_TRUE(matches("highway~living_street|residential", tags));
  EXPECT_FALSE(matches("highway!~living_street|residential", tags));
  EXPECT_TRUE(matches("sidewalk !~ yes|both", tags));  // missing: does not match
}

TEST(TagFilter, RegexesMatchTheWholeValue) {
  EXPECT_TRUE(matches("ref~\"(US|AL|I).*\"", {{"ref", "US 30"}}));
  EXPECT_FALSE(matches("ref~\"(US|AL|I).*\"", {{"ref", "PA 30"}}));
  EXPECT_TRUE(matches("maxspeed:type~\".*(rural|motorway)\"", {{"maxspeed:type", "DE:rural"}}));
  EXPECT_FALSE(matches("ref~[0-9][0-9]?", {{"ref", "123"}}));
  EXPECT_TRUE(matches("ref~[0-9][0-9]?", {{"ref", "12"}}));
}

TEST(TagFilter, NumbersWithUnitsCompareAsNumbers) {
  EXPECT_TRUE(matches("width<=7.6", {{"width", "7.6"}}));
  EXPECT_TRUE(matches("width<9.144", {{"width", "25 ft"}}));  // 7.62 m
  EXPECT_FALSE(matches("lanes>=2", {{"lanes", "two"}}));      // not a number: no match
  EXPECT_FALSE(matches("lanes<2", {}));
  EXPECT_TRUE(matches("(ref >= 1 and ref <= 99) or (ref >= 400 and ref <= 999)", {{"ref", "405"}}));
}

TEST(TagFilter, AndBindsTighterThanOrAndBracketsGroup) {
  const TagMap tags = {{"a", "1"}};
  EXPECT_TRUE(matches("a or b and c", tags));
  EXPECT_FALSE(matches("(a or b) and c", tags));
  EXPECT_TRUE(matches("!lanes or ((!{oneway} and lanes=2) or ({oneway} and lanes=1))", {{"lanes", "2"}}, false));
  EXPECT_FALSE(matches("!lanes or ((!{oneway} and lanes=2) or ({oneway} and lanes=1))", {{"lanes", "2"}}, true));
}

TEST(TagFilter, PlaceholdersAreAskedAndListed) {
  std::vector<std::string> asked;
  const TagFilter f("{urban} and !{school zone}");
  EXPECT_TRUE(f.matches({}, [&](const std::string& name) {
    asked.push_back(name);
    return name == "urban";
  }));
  EXPECT_EQ(asked, (std::vector<std::string>{"urban", "school zone"}));
  EXPECT_EQ(f.placeholders(), (std::vector<std::string>{"urban", "school zone"}));
}

TEST(TagFilter, SyntaxErrorsSayWhere) {
  for (const char* bad : {"(highway", "highway=", "highway and", "{urban", "lanes < two", "and", "ref~\"US"}) {
    EXPECT_THROW(TagFilter{bad}, TagFilterError) << bad;
  }
}

TEST(TagFilter, KeyUsesTellWhichValuesMatter) {
  KeyUses uses;
  const TagFilter filter("highway~primary|secondary and lanes>=2 and name~Avenida.* and ref");  // owns the patterns
  filter.collect_key_uses(uses);
  EXPECT_TRUE(uses.by_key.at("lanes").compared_as_number);
  EXPECT_EQ(uses.by_key.at("highway").patterns.size(), 1u);
  EXPECT_TRUE(uses.by_key.at("name").patterns.front()->matches("Avenida Brasil"));
  EXPECT_TRUE(uses.by_key.contains("ref"));
  EXPECT_FALSE(uses.any_key);
}

}  // namespace
}  // namespace drivelog::legal
