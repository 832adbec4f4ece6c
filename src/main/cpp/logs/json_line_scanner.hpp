// The common line of a JSON Lines drive log read where it lies: one flat JSON object per line, its
// keys looked up in a table the Java reader gives (the keys it has met and what each means), numbers
// and times parsed by the Java reader's own rules (java_decimal.hpp, java_timestamp.hpp), values
// handed out in the CSV scanner's columns. A line is taken only when every value is exactly what the
// Java reader (logs/JsonLinesLogParser.java with Jackson, PointRecord.java) would produce and Jackson
// would accept the line; at any other line (an escape, a key not in the table, an exponent, a number
// Java gives to another parser, a nesting deeper than the scanner follows, anything malformed) the
// scan stops before it and the Java reader reads it as always, so its messages and counts stay its
// own. No allocation; nothing thrown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "logs/csv_line_scanner.hpp"

namespace drivelog::logs {

// What a key means (logs/FieldName.java; 0: nothing to drivelog). Values of the key table.
enum class JsonField : std::uint8_t {
  ignored = 0,
  time = 1,
  date = 2,  // only joins a time of day, which the scanner never accepts: a text value is ignored
  lat = 3,
  lon = 4,
  speed = 5,  // the plain "speed": knots in a Traccar-style record, else the layout's unit
  speed_mps = 6,
  speed_kmh = 7,
  speed_knots = 8,
  speed_mph = 9,
  heading = 10,
  accuracy = 11,
  hdop = 12,
  vehicle = 13,
  valid = 14,
};

inline constexpr int kMaxJsonField = 14;

// A key table entry's flags: the key is a Traccar time (fixTime, deviceTime, serverTime), which makes
// the record's plain speed knots.
inline constexpr std::uint8_t kTraccarTimeKey = 1;

// The most keys a table holds (the Java reader remembers at most 1,024) and the longest key in it.
inline constexpr std::size_t kMaxJsonKeys = 1024;
inline constexpr std::size_t kMaxJsonKeyBytes = 255;

// How values become columns: the factors are SpeedUnit.toMps(1.0) of each unit, exactly.
struct JsonLayout {
  bool zone_is_utc = true;           // an ISO time without a zone is UTC (else the line is Java's)
  double hdop_uere_m = 0;            // accuracy = hdop x this where no accuracy is given
  double speed_factor = 1;           // a plain speed outside a Traccar-style record (logs.speed_unit)
  double kmh_factor = 1000.0 / 3600.0;
  double knots_factor = 1852.0 / 3600.0;  // also a plain speed in a Traccar-style record
  double mph_factor = 1609.344 / 3600.0;
};

// The key table as the ABI passes it: entries of [key length][field][flags][key bytes], one after
// the other. Checked and indexed once per scan, on the stack.
class JsonKeyTable {
 public:
  // False when the bytes are not a well-formed table (the table is then empty).
  bool load(const std::uint8_t* bytes, std::size_t length) noexcept;

  struct Meaning {
    JsonField field;
    bool traccar_time;
  };

  // The meaning of the key [begin, end) with hash `hash` (hash()), or false when it is not in the table.
  bool find(const char* begin, const char* end, std::uint32_t hash, Meaning& out) const noexcept;

  // A key's hash from its length and its first, middle and last bytes, in constant time: the keys of a
  // log differ there nearly always, and a collision costs only a compare.
  static std::uint32_t hash(const char* begin, std::size_t n) noexcept {
    if (n == 0) return 0;
    const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(begin[i])); };
    return static_cast<std::uint32_t>(n) * 0x9E3779B1u ^ byte(0) * 0x85EBCA77u ^ byte(n / 2) * 0x27D4EB2Fu ^
           byte(n - 1) * 0xC2B2AE3Du;
  }

 private:
  static constexpr std::size_t kSlots = 2048;  // twice the most keys: short probes
  static constexpr std::uint16_t kEmpty = 0xFFFF;
  const std::uint8_t* bytes_ = nullptr;
  std::uint32_t entry_at_[kMaxJsonKeys] = {};
  std::uint16_t slots_[kSlots] = {};
};

// Scans the complete lines at the start of `text` (at most INT32_MAX bytes) into the CSV scanner's
// columns; vehicle_at/vehicle_length give the vehicle id's text (a string's content or an integer's
// digits), -1 when the record has none.
ScanResult scan_json_lines(std::string_view text, const JsonLayout& layout, const JsonKeyTable& keys,
                           const CsvRows& rows) noexcept;

}  // namespace drivelog::logs
