#include <gtest/gtest.h>

#include "osm/access.hpp"

namespace drivelog::osm {
namespace {

CarAccess access_of(const Tags& tags) { return interpret_access(tags, nullptr); }

TEST(CarAccess, NoTagsMeansYes) { EXPECT_EQ(access_of(Tags{{"highway", "residential"}}), CarAccess::yes); }

TEST(CarAccess, EachKeyOnItsOwn) {
  EXPECT_EQ(access_of(Tags{{"access", "no"}}), CarAccess::no);
  EXPECT_EQ(access_of(Tags{{"vehicle", "no"}}), CarAccess::no);
  EXPECT_EQ(access_of(Tags{{"motor_vehicle", "private"}}), CarAccess::private_use);
  EXPECT_EQ(access_of(Tags{{"motorcar", "destination"}}), CarAccess::destination);
  EXPECT_EQ(access_of(Tags{{"access", "permissive"}}), CarAccess::yes);
  EXPECT_EQ(access_of(Tags{{"motor_vehicle", "agricultural"}}), CarAccess::no);
}

TEST(CarAccess, MostSpecificKeyWins) {
  EXPECT_EQ(access_of(Tags{{"access", "no"}, {"motor_vehicle", "yes"}}), CarAccess::yes);
  EXPECT_EQ(access_of(Tags{{"vehicle", "yes"}, {"motor_vehicle", "no"}}), CarAccess::no);
  EXPECT_EQ(access_of(Tags{{"motor_vehicle", "no"}, {"motorcar", "destination"}}), CarAccess::destination);
  EXPECT_EQ(access_of(Tags{{"access", "private"}, {"vehicle", "no"}}), CarAccess::no);
}

TEST(CarAccess, UnknownValuesAreReportedAndSkipped) {
  std::optional<std::pair<std::string_view, std::string_view>> unknown;
  EXPECT_EQ(interpret_access(Tags{{"access", "no"}, {"motor_vehicle", "sometimes"}}, &unknown), CarAccess::no);
  ASSERT_TRUE(unknown.has_value());
  EXPECT_EQ(unknown->first, "motor_vehicle");
  EXPECT_EQ(unknown->second, "sometimes");
}

}  // namespace
}  // namespace drivelog::osm
