#include "capi/json_writer.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "json_check.hpp"

namespace drivelog::capi {

TEST(JsonWriter, writesNestedContainersWithCommas) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("a");
  w.integer(1);
  w.key("b");
  w.begin_array();
  w.number(1.25, 1);
  w.boolean(true);
  w.null();
  w.begin_object();
  w.end_object();
  w.end_array();
  w.end_object();
  EXPECT_EQ(out, R"({"a":1,"b":[1.3,true,null,{}]})");
  EXPECT_EQ(test::json_syntax_error(out), "");
}

// key() writes the comma, the name and the colon in one append up to 60 characters, and in parts
// beyond: the same text either way, first in an object or not, before a value or a container.
TEST(JsonWriter, keysOfEveryLengthAreWrittenWithTheirCommas) {
  for (std::size_t length = 1; length <= 70; ++length) {
    const std::string name(length, 'k');
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key(name);
    w.integer(1);
    w.key(name);
    w.begin_object();
    w.key(name);
    w.null();
    w.end_object();
    w.key(name);
    w.begin_array();
    w.end_array();
    w.end_object();
    const std::string q = "\"" + name + "\":";
    EXPECT_EQ(out, "{" + q + "1," + q + "{" + q + "null}," + q + "[]}") << length;
    EXPECT_EQ(test::json_syntax_error(out), "") << length;
  }
}

TEST(JsonWriter, escapesControlCharactersAndQuotes) {
  std::string out;
  JsonWriter w(out);
  w.string(std::string("a\"b\\c\nd\x01", 8));
  EXPECT_EQ(out, R"("a\"b\\c\nd\u0001")");
}

TEST(JsonWriter, numbersAreRoundedAndNonFiniteIsNull) {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  w.number(1795161600.1234, 3);
  w.number(-0.00001, 2);
  w.number(std::numeric_limits<double>::quiet_NaN(), 1);
  w.number(50.0, 1);
  w.end_array();
  EXPECT_EQ(out, "[1795161600.123,0,null,50]");
}

TEST(JsonWriter, hugeFiniteNumbersStayNumbersWhereScalingWouldOverflow) {
  // 1e306 with 3 decimals scales to 1e309, beyond a double: it was printed as "inf".
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  w.number(1e306, 3);
  w.number(-std::numeric_limits<double>::max(), 7);
  w.number(std::numeric_limits<double>::infinity(), 1);
  w.number(-std::numeric_limits<double>::infinity(), 1);
  w.number(9007199254740993.0, 3);  // past 2^53: nothing to round
  w.end_array();
  EXPECT_EQ(out, "[1e+306,-1.7976931348623157e+308,null,null,9007199254740992]");
  EXPECT_EQ(test::json_syntax_error(out), "") << out;
}

}  // namespace drivelog::capi

namespace drivelog::capi {

TEST(JsonWriter, validUtf8PassesAndInvalidBytesBecomeReplacementCharacters) {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  w.string("Stra\xC3\x9F" "e \xE2\x82\xAC \xF0\x9F\x9A\x97");  // Straße € 🚗
  w.string("bad \xFF end \xC3");                               // stray byte, truncated sequence
  w.string("\xED\xA0\x80 \xC0\xAF");                           // a surrogate, an overlong '/'
  w.end_array();
  EXPECT_EQ(out, "[\"Stra\xC3\x9F" "e \xE2\x82\xAC \xF0\x9F\x9A\x97\",\"bad \\ufffd end \\ufffd\","
                 "\"\\ufffd\\ufffd\\ufffd \\ufffd\\ufffd\"]");
}

}  // namespace drivelog::capi

#include <charconv>
#include <random>

#include "capi/decimal_chars.hpp"

namespace drivelog::capi {

// write_scaled_decimal prints exactly what std::to_chars prints for the double nearest to
// k / 10^decimals, the text JsonWriter::number wrote before it: checked on the forms where the two
// notations compete and on a million random numbers of every size the fast path takes.
TEST(DecimalChars, printsWhatToCharsPrintsForTheRoundedDouble) {
  const auto expected = [](int64_t k, int decimals) {
    static constexpr double kPowers[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    double rounded = static_cast<double>(k) / kPowers[decimals];
    if (rounded == 0) rounded = 0;
    char buf[40];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, rounded).ptr);
  };
  const auto actual = [](int64_t k, int decimals) {
    char buf[40];
    return std::string(buf, write_scaled_decimal(buf, k, decimals));
  };
  for (const auto& [k, decimals] : std::vector<std::pair<int64_t, int>>{
           {0, 3}, {1, 7}, {-1, 7}, {100000, 0}, {1000, 7}, {10000, 7}, {100000000, 3}, {123456, 0},
           {1500000, 1}, {50, 0}, {500, 1}, {17951616001234, 3}, {-3567000, 7}, {1, 0}, {10, 0},
           {1000000000, 9}, {999999999, 9}, {kMaxExactScaled - 1, 0}, {kMaxExactScaled - 1, 9}, {-(kMaxExactScaled - 1), 5}}) {
    EXPECT_EQ(actual(k, decimals), expected(k, decimals)) << k << " / 10^" << decimals;
  }
  std::mt19937_64 random(42);
  for (int i = 0; i < 1000000; ++i) {
    const int decimals = static_cast<int>(random() % 10);
    const int bits = static_cast<int>(random() % 52) + 1;
    int64_t k = static_cast<int64_t>(random() % (uint64_t{1} << bits));
    if (random() % 4 == 0) {
      for (int z = static_cast<int>(random() % 8); z > 0 && k < kMaxExactScaled / 10; --z) k *= 10;  // trailing zeros
    }
    if (random() % 2 == 0) k = -k;
    ASSERT_EQ(actual(k, decimals), expected(k, decimals)) << k << " / 10^" << decimals;
  }
}

}  // namespace drivelog::capi
