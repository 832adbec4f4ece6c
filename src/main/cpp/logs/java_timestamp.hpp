// Times of CSV drive logs as the Java reader parses them (logs/TimestampParser.java), for the forms
// whose value needs no time-zone rules: an epoch number (seconds, milliseconds or microseconds,
// told apart by magnitude) on the decimal parser's own path, and an ISO-8601 date and time with
// `Z`, `UTC`, `GMT` or a numeric offset, or with no zone where the configured zone is UTC. The
// arithmetic is Java's operation for operation (the same sums in the same order, no fused
// multiply-add), so the double is Java's to the bit. Any other text, including every text Java
// refuses, is refused here too and left to Java, which then reports it in its own words.
#pragma once

#include <cstdint>

namespace drivelog::logs {

// True when Java's TimestampParser.isNumber would take [begin, end) (already stripped of blanks) for
// an epoch number: digits, points, e/E, and a sign only first.
bool looks_like_java_epoch_number(const char* begin, const char* end) noexcept;

// Parses [begin, end), already stripped of blanks (Character.isWhitespace) and not empty, into
// seconds since the epoch as TimestampParser.parse does; false where that would throw, consult a
// zone's rules (an ISO time without a zone when `zone_is_utc` is false) or hand the number to
// Double.parseDouble. `out` is untouched when false.
bool parse_java_timestamp(const char* begin, const char* end, bool zone_is_utc, double& out) noexcept;

// Days since 1970-01-01 of a proleptic Gregorian date (TimestampParser.daysFromCivil).
std::int64_t days_from_civil(int year, int month, int day) noexcept;

}  // namespace drivelog::logs
