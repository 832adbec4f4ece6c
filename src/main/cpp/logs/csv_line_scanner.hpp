// The common line of a CSV drive log read where it lies: fields split at the delimiter, numbers and
// times parsed by the Java reader's own rules (java_decimal.hpp, java_timestamp.hpp), values handed
// out as columns. A line is taken only when every value is exactly what the Java reader
// (logs/CsvLogParser.java, PointRecord.java) would produce; at any other line the scan stops before
// it and the Java reader reads it as always, so its messages and counts stay the Java reader's own.
// No allocation; nothing thrown.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace drivelog::logs {

// What a column means (logs/FieldName.java). A date column is `ignored`: it only matters beside a
// time of day ("12:00:05"), a form the scanner never accepts.
enum class ColumnKind : std::uint8_t {
  ignored = 0,
  time = 1,
  lat = 2,
  lon = 3,
  speed = 4,  // times the column's factor, in m/s (speed_mps: factor 1)
  heading = 5,
  accuracy = 6,
  hdop = 7,
  vehicle = 8,
  valid = 9,
};

inline constexpr int kMaxCsvColumns = 64;

struct CsvLayout {
  char delimiter = ',';
  int column_count = 0;   // columns read: 1..kMaxCsvColumns (the header's, up to the last one read)
  int needed_fields = 0;  // a line with fewer fields is malformed (left to the caller)
  bool zone_is_utc = true;
  double hdop_uere_m = 0;
  std::array<ColumnKind, kMaxCsvColumns> kinds{};
  std::array<double, kMaxCsvColumns> speed_factor{};
};

enum class LineKind : std::uint8_t {
  point = 1,        // a fix: every column below is set
  skipped = 2,      // blank, or a comment ('#' first)
  invalid_fix = 3,  // the valid column says false: counted, not a point
};

// Caller-owned columns, `capacity` entries each; entry i is the i-th line scanned.
struct CsvRows {
  std::size_t capacity = 0;
  double* time_s = nullptr;
  double* lat = nullptr;
  double* lon = nullptr;
  float* speed_mps = nullptr;  // NaN where not reported; likewise heading and accuracy
  float* heading_deg = nullptr;
  float* accuracy_m = nullptr;
  std::int32_t* vehicle_at = nullptr;  // the vehicle field's offset in the text (blanks kept), -1: none
  std::int32_t* vehicle_length = nullptr;
  LineKind* line_kind = nullptr;
};

enum class ScanStop : std::uint8_t {
  end_of_text = 0,  // no complete ('\n'-terminated) line left
  full = 1,         // `capacity` lines scanned
  deferred = 2,     // the next line is the caller's to read
};

struct ScanResult {
  std::size_t lines = 0;  // lines scanned (entries written)
  std::size_t bytes = 0;  // bytes of those lines, newlines included: where the caller goes on
  ScanStop stop = ScanStop::end_of_text;
};

// Scans the complete lines at the start of `text` (a text of at most INT32_MAX bytes).
ScanResult scan_csv_lines(std::string_view text, const CsvLayout& layout, const CsvRows& rows) noexcept;

}  // namespace drivelog::logs
