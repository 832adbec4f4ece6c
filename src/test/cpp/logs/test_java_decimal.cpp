// The decimal parser takes exactly the texts Java's DecimalParser computes itself, with its value.
#include "logs/java_decimal.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace {

using drivelog::logs::parse_java_decimal;

bool parse(std::string_view text, double& out) { return parse_java_decimal(text.data(), text.data() + text.size(), out); }

TEST(JavaDecimal, plainDecimals_areTheCorrectlyRoundedDouble) {
  for (const std::string_view text : {"0", "36", "-13.412345", "52.520008", "+7.5", ".5", "5.", "-0.000001",
                                      "123456789012345", "0.1", "1.0000000000000000000001"}) {
    double got = 0;
    if (text == "1.0000000000000000000001") {  // 23 digits after the point: Java's slow path
      EXPECT_FALSE(parse(text, got));
      continue;
    }
    ASSERT_TRUE(parse(text, got)) << text;
    double expected = 0;
    const std::string_view digits = text.front() == '+' ? text.substr(1) : text;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), expected);
    ASSERT_EQ(error, std::errc{}) << text;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(got), std::bit_cast<std::uint64_t>(expected)) << text;
  }
}

TEST(JavaDecimal, negativeZero_keepsItsSign) {
  double got = 1;
  ASSERT_TRUE(parse("-0", got));
  EXPECT_TRUE(got == 0 && std::signbit(got));
}

TEST(JavaDecimal, whatJavaHandsToParseDouble_isRefused) {
  for (const std::string_view text : {"", "-", "+", ".", "-.", "1e5", "1E5", " 1", "1 ", "NaN", "Infinity", "0x1p3",
                                      "1.5f", "1.5d", "1..5", "1.2.3", "--1", "1-", "1234567890123456789", "123456789012345678",
                                      "9007199254740993", "0.00000000000000000000001", "1,5"}) {
    double got = 42;
    EXPECT_FALSE(parse(text, got)) << text;
    EXPECT_EQ(got, 42) << "untouched when refused: " << text;
  }
}

TEST(JavaDecimal, randomCoordinates_equalFromChars) {
  // Clinger's fast path is correctly rounded, as std::from_chars is: the two agree on every text
  // the fast path takes (which is why Java's parser and this one agree with Double.parseDouble).
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> angle(-180, 180);
  std::uniform_int_distribution<int> places(0, 12);  // at most 15 digits: a mantissa below 2^53
  char buffer[64];
  for (int i = 0; i < 200000; ++i) {
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, angle(random), std::chars_format::fixed,
                                            places(random));
    ASSERT_EQ(error, std::errc{});
    double got = 0;
    double expected = 0;
    ASSERT_TRUE(parse_java_decimal(buffer, end, got)) << std::string(buffer, end);
    std::from_chars(buffer, end, expected);
    ASSERT_EQ(std::bit_cast<std::uint64_t>(got), std::bit_cast<std::uint64_t>(expected)) << std::string(buffer, end);
  }
}

}  // namespace
