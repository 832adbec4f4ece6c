#include "logs/json_line_scanner.hpp"

#include <cstring>
#include <limits>

#include "logs/complete_lines.hpp"
#include "logs/java_decimal.hpp"
#include "logs/java_timestamp.hpp"

namespace drivelog::logs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// How deep the scanner follows nested values (the record is depth 1; Jackson allows 16 here).
constexpr int kMaxDepth = 8;
// The longest number the scanner lets through unparsed (Jackson's limit is 1,000 characters).
constexpr std::ptrdiff_t kMaxSkippedNumber = 100;

// Character.isWhitespace for ASCII: what String.strip and isBlank skip.
bool is_blank(char c) noexcept { return (c >= 9 && c <= 13) || (c >= 28 && c <= 32); }

// JSON's white space between tokens, as far as the scanner takes it (Jackson also takes CR and LF,
// which a line holds only as a lone CR: such a line is left to Java).
bool is_space(char c) noexcept { return c == ' ' || c == '\t'; }

// A string's byte the scanner takes as itself: printable ASCII and DEL, no quote, no backslash (an
// escape is Java's to decode), no control character (Jackson refuses those unescaped).
bool is_plain_string_byte(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
}

struct Text {
  const char* begin;
  const char* end;
};

class Cursor {
 public:
  Cursor(const char* at, const char* end) noexcept : at_(at), end_(end) {}

  bool done() const noexcept { return at_ == end_; }
  char peek() const noexcept { return at_ < end_ ? *at_ : '\0'; }  // the line holds no NUL the scanner takes
  const char* at() const noexcept { return at_; }
  void skip_spaces() noexcept {
    while (at_ < end_ && is_space(*at_)) ++at_;
  }
  bool take(char c) noexcept {
    if (at_ < end_ && *at_ == c) {
      ++at_;
      return true;
    }
    return false;
  }
  bool take_word(const char* word, std::size_t n) noexcept {
    if (static_cast<std::size_t>(end_ - at_) < n || std::memcmp(at_, word, n) != 0) return false;
    at_ += n;
    return true;
  }

  // A string after its opening quote: its content (no escapes).
  bool string(Text& content) noexcept {
    const char* begin = at_;
    while (at_ < end_ && is_plain_string_byte(*at_)) ++at_;
    if (at_ == end_ || *at_ != '"') return false;
    content = {begin, at_++};
    return true;
  }

  // A JSON number (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?); `plain`: no exponent.
  bool number(Text& token, bool& integer, bool& plain) noexcept {
    const char* begin = at_;
    take('-');
    if (take('0')) {
    } else if (digits() == 0) {
      return false;
    }
    integer = true;
    plain = true;
    if (take('.')) {
      integer = false;
      if (digits() == 0) return false;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++at_;
      integer = false;
      plain = false;
      if (!take('+')) take('-');
      if (digits() == 0) return false;
    }
    token = {begin, at_};
    return true;
  }

 private:
  int digits() noexcept {
    int n = 0;
    while (at_ < end_ && *at_ >= '0' && *at_ <= '9') {
      ++at_;
      ++n;
    }
    return n;
  }

  const char* at_;
  const char* end_;
};

// After a value: spaces, then the separator or the container's end, which is left for the caller.
bool value_ends(Cursor& in) noexcept {
  in.skip_spaces();
  const char c = in.peek();
  return c == ',' || c == '}' || c == ']';
}

// A nested value after its opening bracket, skipped as Jackson's skipChildren would read it (it
// tokenises and checks everything inside); false where the scanner is not sure Jackson accepts it.
bool skip_nested(Cursor& in, char open, int depth) noexcept;

bool skip_value(Cursor& in, int depth) noexcept {
  Text text{};
  bool integer = false;
  bool plain = false;
  const char c = in.peek();
  if (in.take('"')) return in.string(text);
  if (c == '{' || c == '[') {
    in.take(c);
    return depth < kMaxDepth && skip_nested(in, c, depth + 1);
  }
  if (c == 't') return in.take_word("true", 4);
  if (c == 'f') return in.take_word("false", 5);
  if (c == 'n') return in.take_word("null", 4);
  return in.number(text, integer, plain) && text.end - text.begin <= kMaxSkippedNumber;
}

bool skip_nested(Cursor& in, char open, int depth) noexcept {
  const char close = open == '{' ? '}' : ']';
  in.skip_spaces();
  if (in.take(close)) return true;
  while (true) {
    if (open == '{') {
      Text key{};
      if (!in.take('"') || !in.string(key)) return false;
      in.skip_spaces();
      if (!in.take(':')) return false;
      in.skip_spaces();
    }
    if (!skip_value(in, depth) || !value_ends(in)) return false;
    if (in.take(close)) return true;
    if (!in.take(',')) return false;
    in.skip_spaces();
  }
}

// PointRecord.isFalse: "0", or "false" in any case, blanks around ignored.
bool is_false(Text text) noexcept {
  const char* b = text.begin;
  const char* e = text.end;
  while (b < e && is_blank(*b)) ++b;
  while (e > b && is_blank(e[-1])) --e;
  const auto n = e - b;
  if (n == 1) return *b == '0';
  if (n != 5) return false;
  for (int i = 0; i < 5; ++i) {
    const char c = b[i];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != "false"[i]) return false;
  }
  return true;
}

// One record's values as JsonLinesLogParser.readRecord and PointRecord.setNumber/set leave them:
// for every field the last value given wins, a text time beside a number time as in Java.
struct Record {
  Text time_text{nullptr, nullptr};
  double time_number = kNaN;
  double lat = kNaN;
  double lon = kNaN;
  double plain_speed = kNaN;
  double speed_mps = kNaN;
  double heading = kNaN;
  double accuracy = kNaN;
  double hdop = kNaN;
  bool valid = true;
  bool traccar_style = false;
  Text vehicle{nullptr, nullptr};
};

// A text value (Jackson's VALUE_STRING): PointRecord.set. Only what needs no parser of Java's own
// that the scanner lacks: times, vehicle ids, the valid flag and a date (ignored, see JsonField).
bool set_text(Record& r, JsonField field, Text text) noexcept {
  switch (field) {
    case JsonField::ignored:
    case JsonField::date:
      return true;
    case JsonField::time:
      r.time_text = text;
      return true;
    case JsonField::vehicle:
      r.vehicle = text;  // VehicleIds strips it as String.strip does
      return true;
    case JsonField::valid:
      r.valid = !is_false(text);
      return true;
    default:
      return false;  // numbers as text: DecimalParser's messages or Double.parseDouble (a speed)
  }
}

// A number (Jackson's getDoubleValue, correctly rounded, which Clinger's path is too) or a boolean
// (1 or 0): PointRecord.setNumber, and readRecord's plain speed.
bool set_number(Record& r, JsonField field, double value, const JsonLayout& layout) noexcept {
  switch (field) {
    case JsonField::ignored:
      return true;
    case JsonField::time: {  // TimestampParser.fromEpochNumber
      const double magnitude = value < 0 ? -value : value;
      r.time_number = magnitude >= 1e14 ? value / 1e6 : magnitude >= 1e11 ? value / 1e3 : value;
      return true;
    }
    case JsonField::lat:
      r.lat = value;
      return true;
    case JsonField::lon:
      r.lon = value;
      return true;
    case JsonField::speed:
      r.plain_speed = value;
      return true;
    case JsonField::speed_mps:
      r.speed_mps = value;
      return true;
    case JsonField::speed_kmh:
      r.speed_mps = value * layout.kmh_factor;
      return true;
    case JsonField::speed_knots:
      r.speed_mps = value * layout.knots_factor;
      return true;
    case JsonField::speed_mph:
      r.speed_mps = value * layout.mph_factor;
      return true;
    case JsonField::heading:
      r.heading = value;
      return true;
    case JsonField::accuracy:
      r.accuracy = value;
      return true;
    case JsonField::hdop:
      r.hdop = value;
      return true;
    case JsonField::valid:
      r.valid = value != 0;
      return true;
    default:
      return false;  // a date as a number (Java: malformed); a vehicle is handled by the caller
  }
}

// One top-level value of a key the table knows.
bool read_value(Cursor& in, JsonKeyTable::Meaning meaning, Record& r, const JsonLayout& layout) noexcept {
  r.traccar_style |= meaning.traccar_time;  // Java asks every key with a value that is not nested
  const JsonField field = meaning.field;
  Text text{};
  if (in.take('"')) return in.string(text) && set_text(r, field, text);
  const char first = in.peek();
  if (first == 'n') return in.take_word("null", 4);
  if (first == 't' || first == 'f') {
    const bool is_true = first == 't';
    if (!(is_true ? in.take_word("true", 4) : in.take_word("false", 5))) return false;
    // A vehicle would be "1" or "0", a plain speed Double.parseDouble("true"): Java's.
    return field != JsonField::vehicle && field != JsonField::speed &&
           set_number(r, field, is_true ? 1 : 0, layout);
  }
  bool integer = false;
  bool plain = false;
  if (!in.number(text, integer, plain)) return false;
  if (field == JsonField::ignored) return text.end - text.begin <= kMaxSkippedNumber;
  double value = 0;
  if (!plain || !parse_java_decimal(text.begin, text.end, value)) return false;
  // Jackson reads "-0" as the int 0, so its double is +0.0: left to Java rather than matched.
  if (integer && value == 0 && *text.begin == '-') return false;
  if (field == JsonField::vehicle) {
    // PointRecord.numberText: an integer below 1e15 is Long.toString of itself, which is the token
    // (JSON has no leading zeros or plus sign); anything else is Double.toString's: Java's.
    if (!integer || !(value > -1e15 && value < 1e15)) return false;
    r.vehicle = text;
    return true;
  }
  return set_number(r, field, value, layout);
}

enum class Outcome { point, skipped, not_ours };

Outcome read_line(const char* begin, const char* end, const JsonLayout& layout, const JsonKeyTable& keys,
                  Record& r) noexcept {
  const char* i = begin;
  while (i < end && is_blank(*i)) ++i;
  if (i == end) return Outcome::skipped;  // Java: isBlank, not read
  Cursor in(begin, end);
  in.skip_spaces();
  if (!in.take('{')) return Outcome::not_ours;
  in.skip_spaces();
  if (!in.take('}')) {
    while (true) {
      Text key{};
      if (!in.take('"') || !in.string(key)) return Outcome::not_ours;
      in.skip_spaces();
      if (!in.take(':')) return Outcome::not_ours;
      in.skip_spaces();
      const char c = in.peek();
      if (c == '{' || c == '[') {  // skipped before its key means anything (readRecord)
        in.take(c);
        if (!skip_nested(in, c, 2)) return Outcome::not_ours;
      } else {
        JsonKeyTable::Meaning meaning{};
        const auto hash = JsonKeyTable::hash(key.begin, static_cast<std::size_t>(key.end - key.begin));
        if (!keys.find(key.begin, key.end, hash, meaning) || !read_value(in, meaning, r, layout)) {
          return Outcome::not_ours;
        }
      }
      if (!value_ends(in)) return Outcome::not_ours;
      if (in.take('}')) break;
      if (!in.take(',')) return Outcome::not_ours;
      in.skip_spaces();
    }
  }
  in.skip_spaces();
  return in.done() ? Outcome::point : Outcome::not_ours;  // Java: "text after the JSON object"
}

// PointRecord.emit on a record read_line took; false where Java would find it malformed.
bool emit(Record& r, const JsonLayout& layout, const CsvRows& rows, std::size_t row, const char* base) noexcept {
  double time = r.time_number;
  if (r.time_text.begin != nullptr) {
    const char* b = r.time_text.begin;
    const char* e = r.time_text.end;
    while (b < e && is_blank(*b)) ++b;
    while (e > b && is_blank(e[-1])) --e;
    if (b < e && !parse_java_timestamp(b, e, layout.zone_is_utc, time)) return false;
  }
  if (time != time || r.lat != r.lat || r.lon != r.lon) return false;  // Java: "no time", "no position"
  if (!r.valid) {
    rows.line_kind[row] = LineKind::invalid_fix;
    return true;
  }
  if (r.plain_speed == r.plain_speed && r.speed_mps != r.speed_mps) {
    r.speed_mps = r.plain_speed * (r.traccar_style ? layout.knots_factor : layout.speed_factor);
  }
  const double accuracy = r.accuracy == r.accuracy ? r.accuracy : r.hdop != r.hdop ? kNaN : r.hdop * layout.hdop_uere_m;
  rows.time_s[row] = time;
  rows.lat[row] = r.lat;
  rows.lon[row] = r.lon;
  rows.speed_mps[row] = static_cast<float>(r.speed_mps);
  rows.heading_deg[row] = static_cast<float>(r.heading);
  rows.accuracy_m[row] = static_cast<float>(accuracy);
  rows.vehicle_at[row] = r.vehicle.begin == nullptr ? -1 : static_cast<std::int32_t>(r.vehicle.begin - base);
  rows.vehicle_length[row] = r.vehicle.begin == nullptr ? 0 : static_cast<std::int32_t>(r.vehicle.end - r.vehicle.begin);
  rows.line_kind[row] = LineKind::point;
  return true;
}

// Keys are short: a loop the compiler inlines, not a call to memcmp.
bool same_bytes(const std::uint8_t* a, const char* b, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != static_cast<unsigned char>(b[i])) return false;
  }
  return true;
}

}  // namespace

bool JsonKeyTable::load(const std::uint8_t* bytes, std::size_t length) noexcept {
  bytes_ = bytes;
  for (auto& slot : slots_) slot = kEmpty;
  std::size_t count = 0;
  for (std::size_t at = 0; at < length;) {
    if (length - at < 3 || count == kMaxJsonKeys) return load(nullptr, 0), false;
    const std::size_t n = bytes[at];
    if (bytes[at + 1] > kMaxJsonField || bytes[at + 2] > kTraccarTimeKey || length - at - 3 < n) {
      return load(nullptr, 0), false;
    }
    std::size_t slot = hash(reinterpret_cast<const char*>(bytes + at + 3), n) % kSlots;
    while (slots_[slot] != kEmpty) slot = (slot + 1) % kSlots;
    slots_[slot] = static_cast<std::uint16_t>(count);
    entry_at_[count++] = static_cast<std::uint32_t>(at);
    at += 3 + n;
  }
  return true;
}

bool JsonKeyTable::find(const char* begin, const char* end, std::uint32_t hash, Meaning& out) const noexcept {
  const auto n = static_cast<std::size_t>(end - begin);
  for (std::size_t slot = hash % kSlots; slots_[slot] != kEmpty; slot = (slot + 1) % kSlots) {
    const std::uint8_t* entry = bytes_ + entry_at_[slots_[slot]];
    if (entry[0] == n && same_bytes(entry + 3, begin, n)) {
      out = {static_cast<JsonField>(entry[1]), (entry[2] & kTraccarTimeKey) != 0};
      return true;
    }
  }
  return false;
}

ScanResult scan_json_lines(std::string_view text, const JsonLayout& layout, const JsonKeyTable& keys,
                           const CsvRows& rows) noexcept {
  const char* const base = text.data();
  return walk_complete_lines(text, rows.capacity, [&](const char* start, const char* end, std::size_t row) {
    Record record;
    const Outcome outcome = read_line(start, end, layout, keys, record);
    if (outcome == Outcome::skipped) {
      rows.line_kind[row] = LineKind::skipped;
      return true;
    }
    return outcome == Outcome::point && emit(record, layout, rows, row, base);
  });
}

}  // namespace drivelog::logs
