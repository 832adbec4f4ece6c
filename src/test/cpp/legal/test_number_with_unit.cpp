#include "legal/number_with_unit.hpp"

#include <gtest/gtest.h>

namespace drivelog::legal {
namespace {

TEST(NumberWithUnit, BareNumbersAndUnitsInStandardUnits) {
  EXPECT_DOUBLE_EQ(*number_with_optional_unit("50"), 50);
  EXPECT_DOUBLE_EQ(*number_with_optional_unit("3.5"), 3.5);
  EXPECT_DOUBLE_EQ(*number_with_optional_unit(".5"), 0.5);
  EXPECT_DOUBLE_EQ(*number_with_optional_unit("50 "), 50);  // trailing space, as Java's parser allows
  EXPECT_DOUBLE_EQ(*number_with_optional_unit("30 mph"), 30 * 1.609344);
  EXPECT_DOUBLE_EQ(*number_with_optional_unit("30mph"), 30 * 1.609344);
  EXPECT_DOUBLE_EQ(*number_with_optional_unit("7.5t"), 7.5);
  EXPECT_DOUBLE_EQ(*number_with_optional_unit("10000 lb"), 10000 * 0.00045359237);
  EXPECT_DOUBLE_EQ(*number_with_optional_unit("12 ft"), 12 * 0.3048);
  EXPECT_DOUBLE_EQ(*number_with_optional_unit("25'"), 25 * 0.3048);
  EXPECT_DOUBLE_EQ(*number_with_optional_unit("12'6\""), 12 * 0.3048 + 6 * 0.0254);
}

TEST(NumberWithUnit, WhatTheLibraryRefusesIsNothing) {
  for (const char* bad : {"", "walk", "none", "DE:urban", "50 furlongs", "-5", "x50", "50;60", "80 @ (trailer)",
                          "1.5.2", "50 MPH"}) {
    EXPECT_FALSE(number_with_optional_unit(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace drivelog::legal
