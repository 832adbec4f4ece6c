// The shipped boundaries raster: known places. CountryBoundariesOracleTest (Java) compares many
// points with the library.
#include "legal/country_boundaries.hpp"

#include <gtest/gtest.h>

#include "legal/embedded_data.hpp"

namespace drivelog::legal {
namespace {

const CountryBoundaries& boundaries() {
  static const CountryBoundaries b = CountryBoundaries::from_bytes(embedded::country_boundaries_ser(), "built-in");
  return b;
}

std::vector<std::string> ids(double lon, double lat) {
  std::vector<std::string> out;
  for (auto id : boundaries().ids(lon, lat)) out.emplace_back(id);
  return out;
}

TEST(CountryBoundaries, PlacesOfTheIssueAndSubdivisionsSmallestFirst) {
  EXPECT_EQ(ids(139.69, 35.66), std::vector<std::string>{"JP"});  // Tokyo
  EXPECT_EQ(ids(7.42, 43.73), std::vector<std::string>{"MC"});    // Monaco
  EXPECT_EQ(ids(1.52, 42.51), std::vector<std::string>{"AD"});    // Andorra
  EXPECT_EQ(ids(15.6, 48.41), std::vector<std::string>{"AT"});    // Krems
  EXPECT_EQ(ids(-97.74, 30.27), (std::vector<std::string>{"US-TX", "US"}));  // Austin
  EXPECT_EQ(ids(-40, 30), std::vector<std::string>{});            // the Atlantic
  EXPECT_EQ(ids(139.69 + 360, 35.66), std::vector<std::string>{"JP"});  // longitude wraps
}

TEST(CountryBoundaries, DamagedDataIsRefusedNamingTheFile) {
  const std::string_view whole = embedded::country_boundaries_ser();
  EXPECT_THROW(CountryBoundaries::from_bytes(whole.substr(0, whole.size() / 2), "half.ser"), BoundariesError);
  EXPECT_THROW(CountryBoundaries::from_bytes(std::string("\x00\x03", 2), "v3.ser"), BoundariesError);
  try {
    CountryBoundaries::from_bytes("", "empty.ser");
    FAIL();
  } catch (const BoundariesError& e) {
    EXPECT_NE(std::string(e.what()).find("empty.ser"), std::string::npos);
  }
}

}  // namespace
}  // namespace drivelog::legal
