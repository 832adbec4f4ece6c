#include "logs/csv_line_scanner.hpp"

#include <cstring>
#include <limits>

#include "logs/complete_lines.hpp"
#include "logs/java_decimal.hpp"
#include "logs/java_timestamp.hpp"

namespace drivelog::logs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Character.isWhitespace for ASCII: what String.strip and isBlank skip.
bool is_blank(char c) noexcept { return (c >= 9 && c <= 13) || (c >= 28 && c <= 32); }

struct Field {
  const char* begin;
  const char* end;

  Field stripped() const noexcept {
    const char* b = begin;
    const char* e = end;
    while (b < e && is_blank(*b)) ++b;
    while (e > b && is_blank(e[-1])) --e;
    return {b, e};
  }
};

// PointRecord.number: a required number; blank or not a plain decimal -> not ours.
bool required_number(Field field, double& out) noexcept {
  const Field s = field.stripped();
  return parse_java_decimal(s.begin, s.end, out);
}

// PointRecord.optionalNumber: blank is NaN (and overwrites, as in Java).
bool optional_number(Field field, double& out) noexcept {
  const Field s = field.stripped();
  if (s.begin == s.end) {
    out = kNaN;
    return true;
  }
  return parse_java_decimal(s.begin, s.end, out);
}

// PointRecord.isFalse: "0", or "false" in any case, blanks around ignored.
bool is_false(Field field) noexcept {
  const Field s = field.stripped();
  const auto n = s.end - s.begin;
  if (n == 1) return *s.begin == '0';
  if (n != 5) return false;
  for (int i = 0; i < 5; ++i) {
    const char c = s.begin[i];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != "false"[i]) return false;
  }
  return true;
}

// The fields of one line ([begin, end), terminator excluded), up to the layout's columns.
struct SplitLine {
  std::array<Field, kMaxCsvColumns> fields;
  int count = 0;  // all fields of the line, also those past the layout's columns
};

enum class Shape { content, blank, not_ours };

// Per byte: where the field loop must look closer (the delimiter, a quote, a byte outside ASCII, and
// CR and LF, one of which always ends a line, so the loop needs no bounds check).
struct StopBytes {
  explicit StopBytes(char delimiter) noexcept {
    for (int c = 0x80; c < 0x100; ++c) stop[c] = true;
    stop[static_cast<unsigned char>('"')] = true;
    stop[static_cast<unsigned char>('\r')] = true;
    stop[static_cast<unsigned char>('\n')] = true;
    stop[static_cast<unsigned char>(delimiter)] = true;
  }
  bool operator[](char c) const noexcept { return stop[static_cast<unsigned char>(c)]; }
  bool stop[256] = {};
};

// CsvLogParser.readPlainAscii's split: any byte outside ASCII or any quote is not ours (Java reads
// such a line as text with the quote-aware splitter). `end` is the line's CR or LF.
Shape split(const char* begin, const char* end, const CsvLayout& layout, const StopBytes& stops,
            SplitLine& line) noexcept {
  // Java's blank rule (every byte Character.isWhitespace, the delimiter too when it is a tab) first:
  // such a line has no byte the loop below would refuse.
  const char* i = begin;
  while (i < end && is_blank(*i)) ++i;
  if (i == end) return Shape::blank;
  int n = 0;
  const char* field_start = begin;
  for (i = begin;; ++i) {
    while (!stops[*i]) ++i;
    if (i == end || *i == layout.delimiter) {
      if (n < layout.column_count) line.fields[static_cast<std::size_t>(n)] = {field_start, i};
      ++n;
      if (i == end) break;
      field_start = i + 1;
    } else if (*i != '\r') {  // a CR inside the line is an ordinary byte
      return Shape::not_ours;
    }
  }
  line.count = n;
  return Shape::content;
}

// One line's values, as PointRecord.set and emit make them; false: the line is not ours.
bool read_fix(const SplitLine& line, const CsvLayout& layout, const CsvRows& rows, std::size_t row,
              const char* text) noexcept {
  Field time_text{nullptr, nullptr};
  double lat = kNaN;
  double lon = kNaN;
  double speed = kNaN;
  double heading = kNaN;
  double accuracy = kNaN;
  double hdop = kNaN;
  bool valid = true;
  std::int32_t vehicle_at = -1;
  std::int32_t vehicle_length = 0;
  const int columns = line.count < layout.column_count ? line.count : layout.column_count;
  for (int i = 0; i < columns; ++i) {
    const std::size_t c = static_cast<std::size_t>(i);
    const Field field = line.fields[c];
    switch (layout.kinds[c]) {
      case ColumnKind::ignored:
        break;
      case ColumnKind::time:
        time_text = field;
        break;
      case ColumnKind::lat:
        if (!required_number(field, lat)) return false;
        break;
      case ColumnKind::lon:
        if (!required_number(field, lon)) return false;
        break;
      case ColumnKind::speed: {
        double value = 0;
        if (!optional_number(field, value)) return false;
        speed = value * layout.speed_factor[c];  // SpeedUnit.toMps, in double
        break;
      }
      case ColumnKind::heading:
        if (!optional_number(field, heading)) return false;
        break;
      case ColumnKind::accuracy:
        if (!optional_number(field, accuracy)) return false;
        break;
      case ColumnKind::hdop:
        if (!optional_number(field, hdop)) return false;
        break;
      case ColumnKind::vehicle:
        vehicle_at = static_cast<std::int32_t>(field.begin - text);
        vehicle_length = static_cast<std::int32_t>(field.end - field.begin);
        break;
      case ColumnKind::valid:
        valid = !is_false(field);
        break;
      default:
        return false;  // a kind this code does not know
    }
  }
  if (time_text.begin == nullptr) return false;  // Java: "no time"
  const Field time = time_text.stripped();
  double time_s = 0;
  if (!parse_java_timestamp(time.begin, time.end, layout.zone_is_utc, time_s)) return false;
  if (lat != lat || lon != lon) return false;  // Java: "no position"
  if (!valid) {
    rows.line_kind[row] = LineKind::invalid_fix;
    return true;
  }
  const double accuracy_m = accuracy == accuracy ? accuracy : hdop != hdop ? kNaN : hdop * layout.hdop_uere_m;
  rows.time_s[row] = time_s;
  rows.lat[row] = lat;
  rows.lon[row] = lon;
  rows.speed_mps[row] = static_cast<float>(speed);
  rows.heading_deg[row] = static_cast<float>(heading);
  rows.accuracy_m[row] = static_cast<float>(accuracy_m);
  rows.vehicle_at[row] = vehicle_at;
  rows.vehicle_length[row] = vehicle_length;
  rows.line_kind[row] = LineKind::point;
  return true;
}

}  // namespace

ScanResult scan_csv_lines(std::string_view text, const CsvLayout& layout, const CsvRows& rows) noexcept {
  const char* const base = text.data();
  SplitLine line;
  const StopBytes stops(layout.delimiter);
  return walk_complete_lines(text, rows.capacity, [&](const char* start, const char* end, std::size_t row) {
    if (start < end && *start == '#') {
      rows.line_kind[row] = LineKind::skipped;
      return true;
    }
    switch (split(start, end, layout, stops, line)) {
      case Shape::blank:
        rows.line_kind[row] = LineKind::skipped;
        return true;
      case Shape::not_ours:
        return false;
      case Shape::content:
        return line.count >= layout.needed_fields && read_fix(line, layout, rows, row, base);
    }
    return false;
  });
}

}  // namespace drivelog::logs
