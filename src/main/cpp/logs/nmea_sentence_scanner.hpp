// The common NMEA 0183 line read where it lies: each sentence's checksum verified, its type told
// (RMC, GGA, VTG; others are read past) and the fields the Java reader's epoch assembly uses decoded
// by its own rules (logs/NmeaSentenceBytes.java, NmeaFieldBytes.java), one row per sentence. The
// epochs are assembled in Java from the rows. A line is taken only when every sentence on it is one
// the Java byte path takes whatever its state; at any other line (a byte outside ASCII, a line
// without '$' that is not blank, a bad or missing checksum, a field Java would refuse or hand to
// Double.parseDouble) the scan stops before it and the Java reader reads it as always, with its
// messages. No allocation; nothing thrown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "logs/csv_line_scanner.hpp"

namespace drivelog::logs {

// A row's sentence (NmeaSentenceBytes.RMC, GGA, VTG).
enum class NmeaSentence : std::uint8_t { rmc = 1, gga = 2, vtg = 3 };

// A row's flags.
inline constexpr std::uint8_t kNmeaNotValid = 1;     // RMC status not A or mode N; GGA quality empty or 0; VTG mode N
inline constexpr std::uint8_t kNmeaSpeedKmh = 2;     // VTG: `speed` is field 6, km/h
inline constexpr std::uint8_t kNmeaSpeedKnots = 4;   // VTG: `speed` is field 4, knots (RMC's is always knots)

// The day column where an RMC has no date (NmeaFieldBytes.NO_DAY).
inline constexpr std::int64_t kNmeaNoDay = INT64_MIN;

// Caller-owned columns, `capacity` entries each; entry i is the i-th RMC, GGA or VTG sentence taken.
// Numbers are the fields' values as Java parses them, NaN where the field is empty (or not read by
// that sentence type); no unit is converted (Java does that, as on its own path).
struct NmeaRows {
  std::size_t capacity = 0;
  NmeaSentence* sentence = nullptr;
  std::uint8_t* flags = nullptr;
  std::int32_t* line = nullptr;        // the line's index among the lines scanned, from 0
  double* time_of_day_s = nullptr;     // RMC, GGA: seconds of the day
  std::int64_t* day = nullptr;         // RMC: days since 1970-01-01, kNmeaNoDay without a date
  double* lat = nullptr;               // RMC, GGA: signed degrees; NaN both without a fix
  double* lon = nullptr;
  double* speed = nullptr;             // RMC: knots; VTG: see the flags
  double* course_deg = nullptr;        // RMC, VTG
  double* hdop = nullptr;              // GGA
};

struct NmeaScanResult {
  std::size_t sentences = 0;  // rows written
  std::size_t lines = 0;      // lines taken
  std::size_t bytes = 0;      // bytes of those lines, newlines included: where the caller goes on
  ScanStop stop = ScanStop::end_of_text;
};

// Scans the complete ('\n'-terminated; one '\r' before it is dropped) lines at the start of `text`
// (at most INT32_MAX bytes). Stops `full` before a line whose rows do not fit; a line with more
// rows than `capacity` is the caller's (deferred).
NmeaScanResult scan_nmea_lines(std::string_view text, const NmeaRows& rows) noexcept;

}  // namespace drivelog::logs
