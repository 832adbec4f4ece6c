// The decimals of drive logs as the Java reader parses them (logs/DecimalParser.java), on the one
// path where that parser does its own arithmetic: a sign, digits and at most one point, at most 18
// significant digits, a mantissa below 2^53 and fewer than 23 digits after the point. The value is
// then mantissa / 10^k, one correctly rounded IEEE division of two exact doubles (Clinger's fast
// path), which this code does too, so the bits are Java's by construction. Everything else (an
// exponent, blanks, NaN, Infinity, hex, a suffix, longer mantissas, no digit at all) is where Java
// calls Double.parseDouble or fails: refused here, and the caller leaves the line to Java.
#pragma once

#include <cstdint>

namespace drivelog::logs {

// 10^0 .. 10^22, each exact in a double (Java builds the same table by multiplying by 10).
inline constexpr double kPowersOfTen[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Parses [begin, end) as DecimalParser.parse does on its own path; false where Java's result would
// come from Double.parseDouble (or be an error). `out` is untouched when false.
inline bool parse_java_decimal(const char* begin, const char* end, double& out) noexcept {
  const char* i = begin;
  const bool has_sign = begin < end && (*begin == '-' || *begin == '+');
  const bool negative = has_sign && *begin == '-';
  if (has_sign) ++i;
  std::uint64_t mantissa = 0;
  int digits = 0;  // significant digits: counted from the first non-zero one, as Java does
  int fraction_digits = 0;
  bool point = false;
  for (; i < end; ++i) {
    const char c = *i;
    if (c >= '0' && c <= '9') {
      if (digits >= 18) return false;
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
      if (mantissa != 0) ++digits;
      if (point) ++fraction_digits;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  const bool has_digit = (end - begin) - (has_sign ? 1 : 0) - (point ? 1 : 0) > 0;
  if (!has_digit || mantissa >= (std::uint64_t{1} << 53) || fraction_digits >= 23) return false;
  const double whole = static_cast<double>(mantissa);
  const double value = fraction_digits == 0 ? whole : whole / kPowersOfTen[fraction_digits];
  out = negative ? -value : value;
  return true;
}

}  // namespace drivelog::logs
