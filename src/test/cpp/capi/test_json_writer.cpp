#include "capi/json_writer.hpp"

#include <gtest/gtest.h>

#include <limits>

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
