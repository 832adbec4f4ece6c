#include "logs/java_timestamp.hpp"

#include "logs/java_decimal.hpp"

namespace drivelog::logs {
namespace {

int floor_div(int a, int b) noexcept {
  const int q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int days_in_month(int year, int month) noexcept {
  switch (month) {
    case 2:
      return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

// TimestampParser's cursor over [index, end): each step does what the Java method of the same name
// does, with "throws" turned into false.
class IsoCursor {
 public:
  IsoCursor(const char* begin, const char* end) : index_(begin), end_(end) {}

  char peek() const noexcept { return index_ < end_ ? *index_ : '\0'; }
  bool at_end() const noexcept { return index_ >= end_; }
  void skip_spaces() noexcept {
    while (peek() == ' ') ++index_;
  }

  bool digits(int count, int& value) noexcept {
    if (end_ - index_ < count) return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
      const char c = index_[i];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    index_ += count;
    value = v;
    return true;
  }

  bool one_of(char a, char b, char c, char& seen) noexcept {
    const char ch = peek();
    if (ch == '\0' || (ch != a && ch != b && ch != c)) return false;
    ++index_;
    seen = ch;
    return true;
  }

  bool expect(char ch) noexcept {
    if (peek() != ch) return false;
    ++index_;
    return true;
  }

  bool take(char ch) noexcept { return expect(ch); }

  // TimestampParser.fraction: the digits summed one by one, value += digit * scale; scale /= 10.
  bool fraction(double& value) noexcept {
    double sum = 0;
    double scale = 0.1;
    const char* first = index_;
    while (index_ < end_ && *index_ >= '0' && *index_ <= '9') {
      sum += (*index_ - '0') * scale;
      scale /= 10;
      ++index_;
    }
    if (index_ == first) return false;
    value = sum;
    return true;
  }

  // TimestampParser.offset: Z, z, UTC or GMT in any case, or +hh, +hhmm, +hh:mm (and "+hh:").
  bool offset(int& seconds) noexcept {
    if (rest_is("Z") || rest_is("z") || rest_is_ignoring_case("UTC") || rest_is_ignoring_case("GMT")) {
      seconds = 0;
      return true;
    }
    const char sign = peek();
    if (sign != '+' && sign != '-') return false;
    ++index_;
    int hours = 0;
    if (!digits(2, hours)) return false;
    int minutes = 0;
    if (peek() == ':') ++index_;
    if (index_ < end_ && !digits(2, minutes)) return false;
    if (index_ < end_ || hours > 18 || minutes > 59) return false;
    const int s = hours * 3600 + minutes * 60;
    seconds = sign == '-' ? -s : s;
    return true;
  }

 private:
  bool rest_is(const char* expected) const noexcept {
    const char* i = index_;
    for (; *expected != '\0'; ++expected, ++i) {
      if (i >= end_ || *i != *expected) return false;
    }
    return i == end_;
  }

  // `expected` in capitals; only ASCII reaches here, where Character.toUpperCase maps a-z alone.
  bool rest_is_ignoring_case(const char* upper) const noexcept {
    const char* i = index_;
    for (; *upper != '\0'; ++upper, ++i) {
      if (i >= end_) return false;
      const char c = (*i >= 'a' && *i <= 'z') ? static_cast<char>(*i - 'a' + 'A') : *i;
      if (c != *upper) return false;
    }
    return i == end_;
  }

  const char* index_;
  const char* end_;
};

// TimestampParser.parseIso, for the zones that need no rules.
bool parse_iso(const char* begin, const char* end, bool zone_is_utc, double& out) noexcept {
  IsoCursor at(begin, end);
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  char date_separator = 0;
  char ignored = 0;
  if (!at.digits(4, year) || !at.one_of('-', '/', '-', date_separator) || !at.digits(2, month) ||
      !at.expect(date_separator) || !at.digits(2, day) || !at.one_of('T', ' ', 't', ignored)) {
    return false;
  }
  at.skip_spaces();
  if (!at.digits(2, hour) || !at.expect(':') || !at.digits(2, minute)) return false;
  int second = 0;
  double fraction = 0;
  if (at.peek() == ':') {
    at.take(':');
    if (!at.digits(2, second)) return false;
    if (at.peek() == '.' || at.peek() == ',') {
      at.take(at.peek());
      if (!at.fraction(fraction)) return false;
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return false;
  if (second == 60) {  // a leap second: the instant right before the next minute, as Java has it
    second = 59;
    fraction = 0.999;
  }
  at.skip_spaces();
  int offset_seconds = 0;
  if (at.at_end()) {
    if (!zone_is_utc) return false;  // Java asks the zone's rules (LocalDateTime.atZone)
  } else if (!at.offset(offset_seconds)) {
    return false;
  }
  if (day > days_in_month(year, month)) return false;
  // Java: daysFromCivil(...) * 86400.0 + hour * 3600 + minute * 60 + second + fraction - offsetSeconds,
  // left to right, each sum rounded on its own.
  double t = static_cast<double>(days_from_civil(year, month, day)) * 86400.0;
  t += hour * 3600;
  t += minute * 60;
  t += second;
  t += fraction;
  t -= offset_seconds;
  out = t;
  return true;
}

}  // namespace

std::int64_t days_from_civil(int year, int month, int day) noexcept {
  const int y = month <= 2 ? year - 1 : year;
  const int era = floor_div(y, 400);
  const int year_of_era = y - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * std::int64_t{146097} + day_of_era - 719468;
}

bool looks_like_java_epoch_number(const char* begin, const char* end) noexcept {
  for (const char* i = begin; i < end; ++i) {
    const char c = *i;
    if (!((c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && i == begin) || c == 'e' || c == 'E')) {
      return false;
    }
  }
  // Java also asks that the fifth character not be '-' (a date); with '-' allowed only first, that
  // cannot happen once the loop above passed.
  return true;
}

bool parse_java_timestamp(const char* begin, const char* end, bool zone_is_utc, double& out) noexcept {
  if (begin >= end) return false;  // Java: "empty time"
  if (looks_like_java_epoch_number(begin, end)) {
    double value = 0;
    if (!parse_java_decimal(begin, end, value)) return false;  // exponents and the like: Double.parseDouble
    // TimestampParser.fromEpochNumber: microseconds from 1e14, milliseconds from 1e11.
    const double magnitude = value < 0 ? -value : value;
    out = magnitude >= 1e14 ? value / 1e6 : magnitude >= 1e11 ? value / 1e3 : value;
    return true;
  }
  return parse_iso(begin, end, zone_is_utc, out);
}

}  // namespace drivelog::logs
