#include "capi/decimal_chars.hpp"

#include <cstring>

namespace drivelog::capi {
namespace {

// "00", "01", ... "99".
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

}  // namespace

char* write_scaled_decimal(char* out, int64_t k, int decimals) {
  char* p = out;
  if (k == 0) {
    *p++ = '0';
    return p;
  }
  if (k < 0) {
    *p++ = '-';
    k = -k;
  }
  // The digits of k, most significant first: written from the end of a buffer two at a time (half
  // the divisions of one at a time, and no reversal).
  char buffer[20];
  char* const buffer_end = buffer + sizeof buffer;
  char* first = buffer_end;
  auto u = static_cast<uint64_t>(k);
  while (u >= 100) {
    const auto pair = static_cast<std::size_t>(u % 100);
    u /= 100;
    first -= 2;
    std::memcpy(first, kDigitPairs + 2 * pair, 2);
  }
  if (u >= 10) {
    first -= 2;
    std::memcpy(first, kDigitPairs + 2 * u, 2);
  } else {
    *--first = static_cast<char>('0' + u);
  }
  const char* const digits = first;
  const int n = static_cast<int>(buffer_end - first);
  int zeros = 0;  // trailing zeros of k
  while (zeros < n - 1 && digits[n - 1 - zeros] == '0') ++zeros;
  const int significant = n - zeros;
  const int integer_digits = n - decimals;  // digits before the point (<= 0: the number is below 1)
  const int fraction_digits = decimals > zeros ? decimals - zeros : 0;
  // Fixed: integer part (at least "0"), then the fraction without its trailing zeros.
  const int fixed_length = (integer_digits > 0 ? integer_digits : 1) + (fraction_digits > 0 ? 1 + fraction_digits : 0);
  // Scientific: d[.ddd]e[+-]XX (at least two exponent digits).
  const int exponent = integer_digits - 1;
  const int exponent_abs = exponent < 0 ? -exponent : exponent;
  const int exponent_digits = exponent_abs >= 100 ? 3 : 2;
  const int scientific_length = 1 + (significant > 1 ? 1 + (significant - 1) : 0) + 2 + exponent_digits;
  if (fixed_length <= scientific_length) {
    if (integer_digits > 0) {
      std::memcpy(p, digits, static_cast<std::size_t>(integer_digits));
      p += integer_digits;
    } else {
      *p++ = '0';
    }
    if (fraction_digits > 0) {
      *p++ = '.';
      for (int i = 0; i < fraction_digits; ++i) {
        const int at = integer_digits + i;  // digit index; before the first digit: a leading zero
        *p++ = at < 0 ? '0' : digits[at];
      }
    }
    return p;
  }
  *p++ = digits[0];
  if (significant > 1) {
    *p++ = '.';
    std::memcpy(p, digits + 1, static_cast<std::size_t>(significant - 1));
    p += significant - 1;
  }
  *p++ = 'e';
  *p++ = exponent < 0 ? '-' : '+';
  if (exponent_digits == 3) *p++ = static_cast<char>('0' + exponent_abs / 100);
  *p++ = static_cast<char>('0' + exponent_abs / 10 % 10);
  *p++ = static_cast<char>('0' + exponent_abs % 10);
  return p;
}

}  // namespace drivelog::capi
