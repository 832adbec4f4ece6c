// The time part of OSM conditional restrictions: the subset of the opening_hours syntax that
// real `*:conditional` values use (https://wiki.openstreetmap.org/wiki/Key:opening_hours).
// Understood: rules separated by `;` (a later rule that selects a day replaces the earlier ones
// for that day) or `,` / `||` (an additional rule), each with optional years (`2019`,
// `2019-2021`), months and month-days (`Nov-Mar`, `Dec 24`, `Apr 01-Oct 31`,
// `2014 Sep 29-2014 Nov 14`), weekdays (`Mo-Fr`, `Mo,We`, `Fr-Mo`), `PH`/`SH`, times (`07:00-09:00`,
// `22:00-06:00` across midnight, `24/7`) and `off`/`closed`. Not understood (reported, never
// guessed): week numbers, nth weekdays (`Mo[1]`), sunrise/sunset, open ends (`18:00+`), comments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drivelog::legal {

// A local date and time to judge a condition at.
struct LocalTime {
  int year = 1970;
  int month = 1;        // 1..12
  int day = 1;          // 1..31
  int weekday = 3;      // 0 Monday .. 6 Sunday
  int minute = 0;       // minutes since local midnight, 0..1439
  // Whether the day is a public / school holiday; nothing if no calendar is known.
  std::optional<bool> public_holiday;
  std::optional<bool> school_holiday;

  // The local time `local_seconds` after 1970-01-01 00:00 (local), holidays unknown.
  static LocalTime from_local_seconds(int64_t local_seconds);
  // The same for the day before, at the same minute (for times that run past midnight).
  [[nodiscard]] LocalTime previous_day() const;
};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t days_from_civil(int year, int month, int day);

enum class Truth : uint8_t { no, yes, undecidable };

struct TimeSpan {
  int from_minute = 0;  // 0..1440
  int to_minute = 0;    // up to 2880: past 1440 runs into the next day
};

// A month-day range within a year; day 0 means the month's first (from) or last (to) day.
struct DateRange {
  int from_year = 0, from_month = 1, from_day = 0;  // year 0 = every year
  int to_year = 0, to_month = 12, to_day = 0;
};

struct OpeningRule {
  std::vector<std::pair<int, int>> years;  // inclusive; empty = every year
  std::vector<DateRange> dates;            // empty = the whole year
  uint8_t weekdays = 0;                    // bit 0 Monday .. bit 6 Sunday; 0 with no holiday = every day
  bool public_holiday = false;             // PH selected
  bool school_holiday = false;             // SH selected
  std::vector<TimeSpan> times;             // empty = the whole day
  bool off = false;                        // `off` / `closed`
  bool additional = false;                 // joined by `,` or `||`: adds to the rules before
};

struct OpeningHours {
  std::vector<OpeningRule> rules;

  // Whether `t` lies in the hours; undecidable when it depends on a holiday calendar not known.
  [[nodiscard]] Truth contains(const LocalTime& t) const;
};

struct OpeningHoursParse {
  std::optional<OpeningHours> hours;
  std::string error;  // why not, when hours is empty
};

OpeningHoursParse parse_opening_hours(std::string_view text);

}  // namespace drivelog::legal
