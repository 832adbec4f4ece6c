#include "logs/nmea_sentence_scanner.hpp"

#include <bit>
#include <cstring>
#include <limits>

#include "logs/complete_lines.hpp"
#include "logs/java_decimal.hpp"
#include "logs/java_timestamp.hpp"

namespace drivelog::logs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

static_assert(std::endian::native == std::endian::little, "a word's first byte is its lowest");

// Character.isWhitespace for ASCII: what String.strip and isBlank skip.
bool is_blank(char c) noexcept { return (c >= 9 && c <= 13) || (c >= 28 && c <= 32); }

// Integer.parseInt(trailer, 16)'s digits, ASCII only; -1 otherwise.
int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Whether every byte of [begin, end) is ASCII, eight at a time (gcc does not vectorise at -O2).
bool all_ascii(const char* begin, const char* end) noexcept {
  std::uint64_t any = 0;
  const char* i = begin;
  for (; end - i >= 8; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, i, sizeof w);
    any |= w;
  }
  for (; i < end; ++i) any |= static_cast<unsigned char>(*i);
  return (any & 0x8080808080808080ULL) == 0;
}

int two_digits(const char* at) noexcept {
  if (at[0] < '0' || at[0] > '9' || at[1] < '0' || at[1] > '9') return -1;
  return (at[0] - '0') * 10 + (at[1] - '0');
}

// NmeaSentenceBytes.parse: one sentence's fields, for a sentence with a right two-hex-digit checksum.
// Only the first fields are kept (the highest the epoch assembly reads is 11); `count` is all of them.
class Sentence {
 public:
  static constexpr int kKeptFields = 12;

  // Reads [from, to) (ASCII, starting with '$'); false where the Java byte path declines it.
  bool parse(const char* from, const char* to) noexcept {
    while (to > from && is_blank(to[-1])) --to;  // text.strip(): only the end moves, '$' is first
    const char* star = nullptr;
    for (const char* i = to - 1; i > from; --i) {
      if (*i == '*') {
        star = i;
        break;
      }
    }
    if (star == nullptr) return false;
    const char* trailer = star + 1;
    while (trailer < to && is_blank(*trailer)) ++trailer;  // the trailer's own strip()
    if (to - trailer != 2) return false;
    const int high = hex_digit(trailer[0]);
    const int low = hex_digit(trailer[1]);
    if (high < 0 || low < 0) return false;
    // The checksum, and a field after every comma (the first comma ends the address), eight bytes
    // at a time: the XOR of the words folds to the XOR of the bytes, and the commas of a word are
    // the set bits of an exact per-byte compare (no carry crosses a byte).
    count_ = 0;
    const char* i = from + 1;
    std::uint64_t words = 0;
    for (; star - i >= 8; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, i, sizeof w);
      words ^= w;
      const std::uint64_t x = w ^ 0x2C2C2C2C2C2C2C2CULL;  // a comma is a zero byte
      std::uint64_t commas = ~(((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | x) & 0x8080808080808080ULL;
      for (; commas != 0; commas &= commas - 1) field_after(i + std::countr_zero(commas) / 8);
    }
    words ^= words >> 32;
    words ^= words >> 16;
    words ^= words >> 8;
    unsigned computed = static_cast<unsigned>(words & 0xFF);
    for (; i < star; ++i) {
      computed ^= static_cast<unsigned char>(*i);
      if (*i == ',') field_after(i);
    }
    if (computed != static_cast<unsigned>(high << 4 | low)) return false;
    if (count_ <= kKeptFields) starts_[count_] = star + 1;
    type_ = type(from + 1, count_ == 0 ? star : starts_[0] - 1);
    return true;
  }

  int type() const noexcept { return type_; }

  bool empty(int index) const noexcept { return index >= count_ || starts_[index + 1] - 1 == starts_[index]; }

  // Whether field `index` is exactly the one character `c`.
  bool is(int index, char c) const noexcept {
    return index < count_ && starts_[index + 1] - 1 == starts_[index] + 1 && *starts_[index] == c;
  }

  // Field `index`, which must not be empty().
  const char* begin(int index) const noexcept { return starts_[index]; }
  const char* end(int index) const noexcept { return starts_[index + 1] - 1; }

 private:
  // A field starts after the comma at `comma`.
  void field_after(const char* comma) noexcept {
    if (count_ <= kKeptFields) starts_[count_] = comma + 1;
    ++count_;
  }

  // NmeaSentence's type(): the whole address when shorter than five characters or proprietary
  // ($P...), else its last three characters; 0 for any type but the three read.
  static int type(const char* from, const char* to) noexcept {
    const auto length = to - from;
    if (length >= 5 && *from != 'P') return code(to - 3);
    return length == 3 ? code(from) : 0;
  }

  static int code(const char* at) noexcept {
    if (std::memcmp(at, "RMC", 3) == 0) return static_cast<int>(NmeaSentence::rmc);
    if (std::memcmp(at, "GGA", 3) == 0) return static_cast<int>(NmeaSentence::gga);
    if (std::memcmp(at, "VTG", 3) == 0) return static_cast<int>(NmeaSentence::vtg);
    return 0;
  }

  // Where each kept field starts; one more entry, the end of the last kept + 1.
  const char* starts_[kKeptFields + 1] = {};
  int count_ = 0;
  int type_ = 0;
};

// NmeaFieldBytes.timeOfDay: hhmmss[.sss] to seconds of the day.
bool time_of_day(const char* b, const char* e, double& out) noexcept {
  if (e - b < 6) return false;
  const int h = two_digits(b);
  const int m = two_digits(b + 2);
  double s = kNaN;
  if (h < 0 || m < 0 || !parse_java_decimal(b + 4, e, s)) return false;
  if (h > 23 || m > 59 || !(s >= 0 && s < 61)) return false;
  out = static_cast<double>(h * 3600 + m * 60) + s;  // Java: an int sum, then one double addition
  return true;
}

// NmeaFieldBytes.day: ddmmyy to days since the epoch, years 1980-2079.
bool day(const char* b, const char* e, std::int64_t& out) noexcept {
  if (e - b != 6) return false;
  const int d = two_digits(b);
  const int mo = two_digits(b + 2);
  const int y = two_digits(b + 4);
  if (d < 1 || d > 31 || mo < 1 || mo > 12 || y < 0) return false;
  out = days_from_civil(y < 80 ? 2000 + y : 1900 + y, mo, d);
  return true;
}

// NmeaFieldBytes.degrees: (d)ddmm.mmmm to degrees.
bool degrees(const char* b, const char* e, int degree_digits, double& out) noexcept {
  if (e - b < degree_digits + 2) return false;
  double deg = 0;
  double min = kNaN;
  if (!parse_java_decimal(b, b + degree_digits, deg)) return false;
  if (!parse_java_decimal(b + degree_digits, e, min) || !(min >= 0 && min < 60)) return false;
  out = deg + min / 60;
  return true;
}

// An optional number: NaN when empty, false when Java's byte path would decline it.
bool number(const Sentence& s, int index, double& out) noexcept {
  out = kNaN;
  return s.empty(index) || parse_java_decimal(s.begin(index), s.end(index), out);
}

// NmeaLogParser.positionInBuffer: fields at..at+3, NaN both when latitude or longitude is empty.
bool position(const Sentence& s, int at, double& lat, double& lon) noexcept {
  lat = kNaN;
  lon = kNaN;
  if (s.empty(at) || s.empty(at + 2)) return true;
  double la = 0;
  double lo = 0;
  if (!degrees(s.begin(at), s.end(at), 2, la) || !degrees(s.begin(at + 2), s.end(at + 2), 3, lo)) return false;
  const bool south = s.is(at + 1, 'S');
  const bool west = s.is(at + 3, 'W');
  if (!(s.is(at + 1, 'N') || south) || !(s.is(at + 3, 'E') || west)) return false;
  lat = south ? -la : la;
  lon = west ? -lo : lo;
  return true;
}

// One row's values; the caller writes them out.
struct Row {
  std::uint8_t flags = 0;
  double time_of_day_s = kNaN;
  std::int64_t day = kNmeaNoDay;
  double lat = kNaN;
  double lon = kNaN;
  double speed = kNaN;
  double course_deg = kNaN;
  double hdop = kNaN;
};

// NmeaLogParser.rmcInBuffer's decoding.
bool rmc(const Sentence& s, Row& row) noexcept {
  if (s.empty(0) || !time_of_day(s.begin(0), s.end(0), row.time_of_day_s)) return false;
  if (!s.empty(8) && !day(s.begin(8), s.end(8), row.day)) return false;
  if (!s.is(1, 'A') || s.is(11, 'N')) row.flags |= kNmeaNotValid;
  return position(s, 2, row.lat, row.lon) && number(s, 6, row.speed) && number(s, 7, row.course_deg);
}

// NmeaLogParser.ggaInBuffer's decoding.
bool gga(const Sentence& s, Row& row) noexcept {
  if (s.empty(0) || !time_of_day(s.begin(0), s.end(0), row.time_of_day_s)) return false;
  if (s.empty(5) || s.is(5, '0')) row.flags |= kNmeaNotValid;
  return position(s, 1, row.lat, row.lon) && number(s, 7, row.hdop);
}

// NmeaLogParser.vtgInBuffer's decoding, of every field it may read: whether it reads the course
// depends on the epoch (Java's state), so a course Java would decline is declined here always.
bool vtg(const Sentence& s, Row& row) noexcept {
  if (!number(s, 0, row.course_deg)) return false;
  if (!s.empty(6)) {
    row.flags |= kNmeaSpeedKmh;
    if (!number(s, 6, row.speed)) return false;
  } else if (!s.empty(4)) {
    row.flags |= kNmeaSpeedKnots;
    if (!number(s, 4, row.speed)) return false;
  }
  if (s.is(8, 'N')) row.flags |= kNmeaNotValid;
  return true;
}

enum class LineOutcome { taken, declined, no_room };

// One line: its sentences' rows written from `first_row` on; `written` says how many.
LineOutcome scan_line(const char* begin, const char* end, const NmeaRows& rows, std::size_t first_row,
                      std::int32_t line_index, std::size_t& written) noexcept {
  written = 0;
  if (!all_ascii(begin, end)) return LineOutcome::declined;  // decoded by Java
  const auto* first = static_cast<const char*>(std::memchr(begin, '$', static_cast<std::size_t>(end - begin)));
  if (first == nullptr) {  // blank: nothing; anything else is "not an NMEA sentence", Java's message
    for (const char* i = begin; i < end; ++i) {
      if (!is_blank(*i)) return LineOutcome::declined;
    }
    return LineOutcome::taken;
  }
  Sentence s;
  for (const char* start = first; start != nullptr;) {
    const void* found = std::memchr(start + 1, '$', static_cast<std::size_t>(end - start - 1));
    const char* next = static_cast<const char*>(found);
    if (!s.parse(start, next == nullptr ? end : next)) return LineOutcome::declined;
    start = next;
    Row row;
    bool decoded = true;
    switch (s.type()) {
      case static_cast<int>(NmeaSentence::rmc): decoded = rmc(s, row); break;
      case static_cast<int>(NmeaSentence::gga): decoded = gga(s, row); break;
      case static_cast<int>(NmeaSentence::vtg): decoded = vtg(s, row); break;
      default: continue;  // GSA, GSV, proprietary ...: read past, as in Java
    }
    if (!decoded) return LineOutcome::declined;
    const std::size_t at = first_row + written;
    if (at == rows.capacity) return LineOutcome::no_room;
    rows.sentence[at] = static_cast<NmeaSentence>(s.type());
    rows.flags[at] = row.flags;
    rows.line[at] = line_index;
    rows.time_of_day_s[at] = row.time_of_day_s;
    rows.day[at] = row.day;
    rows.lat[at] = row.lat;
    rows.lon[at] = row.lon;
    rows.speed[at] = row.speed;
    rows.course_deg[at] = row.course_deg;
    rows.hdop[at] = row.hdop;
    ++written;
  }
  return LineOutcome::taken;
}

}  // namespace

NmeaScanResult scan_nmea_lines(std::string_view text, const NmeaRows& rows) noexcept {
  NmeaScanResult result;
  bool no_room = false;
  // Lines are not limited, rows are: a line whose rows do not fit ends the walk as if deferred.
  const ScanResult walked = walk_complete_lines(
      text, std::numeric_limits<std::size_t>::max(), [&](const char* begin, const char* end, std::size_t line) {
        std::size_t written = 0;
        const LineOutcome outcome =
            scan_line(begin, end, rows, result.sentences, static_cast<std::int32_t>(line), written);
        no_room = outcome == LineOutcome::no_room;
        if (outcome != LineOutcome::taken) return false;  // rows it wrote past result.sentences are not counted
        result.sentences += written;
        return true;
      });
  result.lines = walked.lines;
  result.bytes = walked.bytes;
  // A line too long for even empty columns is the caller's (deferred); else the columns are full.
  result.stop = no_room && result.sentences > 0 ? ScanStop::full : walked.stop;
  return result;
}

}  // namespace drivelog::logs
