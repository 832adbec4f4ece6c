#include "legal/opening_hours.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace drivelog::legal {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

// Civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
void civil_from_days(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

// A cursor over the text with the few token readers the grammar needs.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  void skip_spaces() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])) != 0) ++pos_;
  }
  [[nodiscard]] bool done() {
    skip_spaces();
    return pos_ >= text_.size();
  }
  [[nodiscard]] size_t pos() const { return pos_; }
  void reset(size_t pos) { pos_ = pos; }
  bool accept(std::string_view token) {
    skip_spaces();
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }
  // A word of exactly these letters (not the start of a longer word).
  bool accept_word(std::string_view word) {
    const size_t at = pos_;
    if (!accept(word)) return false;
    if (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_])) != 0) {
      pos_ = at;
      return false;
    }
    return true;
  }
  std::optional<int> digits(size_t min_count, size_t max_count) {
    skip_spaces();
    size_t n = 0;
    int value = 0;
    while (pos_ + n < text_.size() && n < max_count && std::isdigit(static_cast<unsigned char>(text_[pos_ + n])) != 0) {
      value = value * 10 + (text_[pos_ + n] - '0');
      ++n;
    }
    if (n < min_count) return std::nullopt;
    if (pos_ + n < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_ + n])) != 0) return std::nullopt;
    pos_ += n;
    return value;
  }
  std::optional<int> weekday() {
    for (size_t i = 0; i < kWeekdays.size(); ++i) {
      if (accept_word(kWeekdays[i])) return static_cast<int>(i);
    }
    return std::nullopt;
  }
  std::optional<int> month() {
    for (size_t i = 0; i < kMonths.size(); ++i) {
      if (accept_word(kMonths[i])) return static_cast<int>(i) + 1;
    }
    return std::nullopt;
  }
  // HH:MM (also H:MM and HH.MM is not accepted: it is not opening_hours).
  std::optional<int> clock() {
    const size_t at = pos_;
    const auto h = digits(1, 2);
    if (h && accept(":")) {
      if (const auto m = digits(2, 2); m && *h <= 48 && *m < 60) return *h * 60 + *m;
    }
    pos_ = at;
    return std::nullopt;
  }
  [[nodiscard]] std::string_view rest() const { return text_.substr(pos_); }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

struct DatePoint {
  int year = 0;
  int month = 0;  // 0 = none
  int day = 0;
};

std::optional<DatePoint> date_point(Cursor& c) {
  const size_t at = c.pos();
  DatePoint p;
  if (const auto year = c.digits(4, 4)) {
    if (*year < 1900 || *year > 2200) {
      c.reset(at);
      return std::nullopt;
    }
    p.year = *year;
  }
  if (const auto month = c.month()) {
    p.month = *month;
    const size_t before_day = c.pos();
    if (const auto day = c.digits(1, 2)) {
      c.skip_spaces();
      if (c.rest().starts_with(":")) {
        c.reset(before_day);  // a time, not a day
      } else if (*day >= 1 && *day <= 31) {
        p.day = *day;
      } else {
        c.reset(before_day);
      }
    }
  }
  if (p.year == 0 && p.month == 0) {
    c.reset(at);
    return std::nullopt;
  }
  return p;
}

// Years and dates: `2019`, `2019-2021`, `Nov-Mar`, `Dec 24`, `Apr 01-Oct 31`, `2014 Sep 29-2014 Nov 14`,
// `Dec 25-31` (the second month omitted), lists joined by `,`.
bool parse_dates(Cursor& c, OpeningRule& rule, std::string& error) {
  bool any = false;
  while (true) {
    const size_t at = c.pos();
    const auto from = date_point(c);
    if (!from) {
      c.reset(at);
      return any;
    }
    DatePoint to = *from;
    const size_t before_dash = c.pos();
    if (c.accept("-")) {
      if (const auto end = date_point(c)) {
        to = *end;
      } else if (const auto day = c.digits(1, 2); day && from->month != 0 && from->day != 0) {
        to = DatePoint{from->year, from->month, *day};
      } else {
        c.reset(before_dash);
      }
    }
    if (from->month == 0 && to.month == 0) {
      rule.years.emplace_back(from->year, to.year == 0 ? from->year : to.year);
    } else if (from->month == 0 || to.month == 0) {
      error = "a date range mixing a bare year and a month";
      return false;
    } else {
      DateRange range{from->year, from->month, from->day, to.year != 0 ? to.year : from->year, to.month, to.day};
      if (from->year != 0 && to.year == 0) range.to_year = from->year;
      rule.dates.push_back(range);
    }
    any = true;
    const size_t before_comma = c.pos();
    if (!c.accept(",")) return true;
    const size_t after_comma = c.pos();
    if (!date_point(c)) {
      c.reset(before_comma);
      return true;
    }
    c.reset(after_comma);
  }
}

// Weekdays and holidays: `Mo-Fr`, `Sa,Su`, `Fr-Mo`, `Su,PH`, `PH`. An optional `:` may follow.
bool parse_weekdays(Cursor& c, OpeningRule& rule, std::string& error) {
  bool any = false;
  while (true) {
    const size_t at = c.pos();
    if (c.accept_word("PH")) {
      rule.public_holiday = true;
    } else if (c.accept_word("SH")) {
      rule.school_holiday = true;
    } else if (const auto from = c.weekday()) {
      c.skip_spaces();
      if (c.rest().starts_with("[")) {
        error = "nth weekday (" + std::string(c.rest().substr(0, 6)) + ")";
        return false;
      }
      int to = *from;
      if (c.accept("-")) {
        const auto end = c.weekday();
        if (!end) {
          error = "a weekday range without an end";
          return false;
        }
        to = *end;
      }
      for (int d = *from;; d = (d + 1) % 7) {
        rule.weekdays = static_cast<uint8_t>(rule.weekdays | (1U << d));
        if (d == to) break;
      }
    } else {
      c.reset(at);
      return any;
    }
    any = true;
    const size_t before_comma = c.pos();
    if (!c.accept(",")) break;
    c.skip_spaces();
    const auto next = c.rest();
    const bool continues = next.starts_with("PH") || next.starts_with("SH") ||
                           std::any_of(kWeekdays.begin(), kWeekdays.end(), [&](std::string_view w) { return next.starts_with(w); });
    if (!continues) {
      c.reset(before_comma);
      break;
    }
  }
  c.accept(":");
  return true;
}

// Times: `07:00-09:00`, `22:00-06:00`, lists joined by `,`.
bool parse_times(Cursor& c, OpeningRule& rule, std::string& error) {
  bool any = false;
  while (true) {
    const size_t at = c.pos();
    const auto from = c.clock();
    if (!from) {
      c.reset(at);
      if (c.accept_word("sunrise") || c.accept_word("sunset") || c.accept_word("dawn") || c.accept_word("dusk")) {
        error = "times relative to the sun";
        return false;
      }
      return any;
    }
    if (!c.accept("-")) {
      error = c.accept("+") ? "an open-ended time" : "a time without an end";
      return false;
    }
    auto to = c.clock();
    if (!to) {
      error = "a time range without an end time";
      return false;
    }
    if (*from > 1440) {
      error = "a start time past 24:00";
      return false;
    }
    if (*to <= *from) *to += 1440;  // across midnight
    rule.times.push_back({*from, *to});
    any = true;
    const size_t before_comma = c.pos();
    if (!c.accept(",")) return true;
    if (!c.clock()) {
      c.reset(before_comma);
      return true;
    }
    c.reset(before_comma);
    (void)c.accept(",");
  }
}

// One rule up to its separator. Returns false with `error` set if something is not understood.
bool parse_rule(Cursor& c, OpeningRule& rule, std::string& error) {
  if (c.accept("24/7")) return true;
  const bool dates = parse_dates(c, rule, error);
  if (!error.empty()) return false;
  if (c.accept_word("week")) {
    error = "week numbers";
    return false;
  }
  const bool weekdays = parse_weekdays(c, rule, error);
  if (!error.empty()) return false;
  const bool times = parse_times(c, rule, error);
  if (!error.empty()) return false;
  if (c.accept_word("off") || c.accept_word("closed") || c.accept_word("Off")) {
    rule.off = true;
  } else if (c.accept_word("open") || c.accept_word("on")) {
    // the default state of a rule
  }
  if (!dates && !weekdays && !times && !rule.off) {
    error = "nothing readable at \"" + std::string(c.rest().substr(0, 20)) + "\"";
    return false;
  }
  if (c.accept("\"")) {
    error = "a comment";
    return false;
  }
  return true;
}

int month_day_key(int month, int day) { return month * 100 + day; }

bool date_in(const DateRange& r, const LocalTime& t) {
  const int from_day = r.from_day == 0 ? 1 : r.from_day;
  const int to_day = r.to_day == 0 ? 31 : r.to_day;
  if (r.from_year != 0) {
    const long long from = (static_cast<long long>(r.from_year) * 10000) + month_day_key(r.from_month, from_day);
    const long long to = (static_cast<long long>(r.to_year) * 10000) + month_day_key(r.to_month, to_day);
    const long long now = (static_cast<long long>(t.year) * 10000) + month_day_key(t.month, t.day);
    return from <= now && now <= to;
  }
  const int from = month_day_key(r.from_month, from_day);
  const int to = month_day_key(r.to_month, to_day);
  const int now = month_day_key(t.month, t.day);
  return from <= to ? (from <= now && now <= to) : (now >= from || now <= to);  // Nov-Mar wraps the year
}

// Whether the rule's day selectors pick day `t`, with the holidays taken as given.
bool selects_day(const OpeningRule& rule, const LocalTime& t, bool public_holiday, bool school_holiday) {
  if (!rule.years.empty() &&
      std::none_of(rule.years.begin(), rule.years.end(), [&](const auto& y) { return y.first <= t.year && t.year <= y.second; })) {
    return false;
  }
  if (!rule.dates.empty() && std::none_of(rule.dates.begin(), rule.dates.end(), [&](const DateRange& r) { return date_in(r, t); })) {
    return false;
  }
  if (rule.weekdays == 0 && !rule.public_holiday && !rule.school_holiday) return true;
  return ((rule.weekdays >> t.weekday) & 1U) != 0 || (rule.public_holiday && public_holiday) ||
         (rule.school_holiday && school_holiday);
}

// Whether minute `minute` of the day that `t` names (up to 2880: the next day's early hours) is
// in the hours that the rules in force on that day give it.
bool day_contains(const std::vector<OpeningRule>& rules, const LocalTime& t, int minute, bool ph, bool sh) {
  bool open = false;
  for (const OpeningRule& rule : rules) {
    if (!selects_day(rule, t, ph, sh)) continue;
    bool covers = rule.times.empty() ? minute < 1440 : false;
    for (const TimeSpan& span : rule.times) covers = covers || (span.from_minute <= minute && minute < span.to_minute);
    if (rule.off) {
      // a rule of its own closes the whole day it selects; an additional one only its times
      if (covers || !rule.additional) open = false;
    } else if (rule.additional) {
      open = open || covers;
    } else {
      open = covers;  // a later rule for this day replaces the earlier ones
    }
  }
  return open;
}

bool contains_with(const std::vector<OpeningRule>& rules, const LocalTime& t, bool ph, bool sh) {
  return day_contains(rules, t, t.minute, ph, sh) || day_contains(rules, t.previous_day(), t.minute + 1440, ph, sh);
}

}  // namespace

LocalTime LocalTime::from_local_seconds(int64_t local_seconds) {
  const int64_t days = floor_div(local_seconds, 86400);
  LocalTime t;
  civil_from_days(days, t.year, t.month, t.day);
  t.weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
  t.minute = static_cast<int>((local_seconds - (days * 86400)) / 60);
  return t;
}

int64_t days_from_civil(int year, int month, int day) {
  const int yy = year - (month <= 2 ? 1 : 0);
  const int64_t era = floor_div(yy, 400);
  const int64_t yoe = yy - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

LocalTime LocalTime::previous_day() const {
  int y = 0, m = 0, d = 0;
  civil_from_days(days_from_civil(year, month, day) - 1, y, m, d);
  LocalTime p = *this;
  p.year = y;
  p.month = m;
  p.day = d;
  p.weekday = (weekday + 6) % 7;
  p.public_holiday.reset();  // the calendar of the day before is not known here
  p.school_holiday.reset();
  return p;
}

Truth OpeningHours::contains(const LocalTime& t) const {
  const bool needs_ph = std::any_of(rules.begin(), rules.end(), [](const OpeningRule& r) { return r.public_holiday; });
  const bool needs_sh = std::any_of(rules.begin(), rules.end(), [](const OpeningRule& r) { return r.school_holiday; });
  std::optional<bool> answer;
  for (const bool ph : {false, true}) {
    if (ph && !needs_ph) continue;
    if (needs_ph && t.public_holiday && *t.public_holiday != ph) continue;
    for (const bool sh : {false, true}) {
      if (sh && !needs_sh) continue;
      if (needs_sh && t.school_holiday && *t.school_holiday != sh) continue;
      const bool value = contains_with(rules, t, ph, sh);
      if (answer && *answer != value) return Truth::undecidable;
      answer = value;
    }
  }
  return answer.value_or(false) ? Truth::yes : Truth::no;
}

OpeningHoursParse parse_opening_hours(std::string_view text) {
  OpeningHoursParse result;
  OpeningHours hours;
  Cursor c(text);
  bool additional = false;
  while (true) {
    if (c.done()) {
      if (hours.rules.empty()) result.error = "no time given";
      break;
    }
    OpeningRule rule;
    rule.additional = additional;
    if (!parse_rule(c, rule, result.error)) break;
    hours.rules.push_back(std::move(rule));
    if (c.done()) break;
    if (c.accept(";")) {
      additional = false;
    } else if (c.accept("||") || c.accept(",")) {
      additional = true;
    } else {
      result.error = "unexpected \"" + std::string(c.rest().substr(0, 20)) + "\"";
      break;
    }
  }
  if (result.error.empty()) result.hours = std::move(hours);
  return result;
}

}  // namespace drivelog::legal
