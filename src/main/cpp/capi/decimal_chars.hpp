// A rounded number as the result JSON prints it, without std::to_chars(double)'s general
// shortest-form search (about 530 instructions a number, 2.8 % of a trip's analysis on the grid
// benchmark): the integer k = round(value x 10^decimals) is the number's digits, and where a
// double's spacing at k / 10^decimals is finer than 10^-decimals, those digits (trailing zeros
// dropped) are the shortest that read back as the double nearest to k / 10^decimals, so the text
// is byte for byte what std::to_chars prints for that double: fixed or scientific notation,
// whichever is shorter, fixed on a tie ("100000" -> "1e+05", "0.0001" -> "1e-04").
#pragma once

#include <cstdint>

namespace drivelog::capi {

// |k| below this keeps a double's spacing at k / 10^decimals finer than 10^-decimals.
inline constexpr int64_t kMaxExactScaled = int64_t{1} << 52;

// Writes k / 10^decimals (|k| < kMaxExactScaled, 0 <= decimals <= 9) at `out`, which has room for
// 32 characters; returns the end.
char* write_scaled_decimal(char* out, int64_t k, int decimals);

}  // namespace drivelog::capi
