#include "legal/opening_hours.hpp"

#include <gtest/gtest.h>

namespace drivelog::legal {
namespace {

// 2026-12-07 is a Monday; 2026-12-06 a Sunday.
LocalTime at(int year, int month, int day, int hour, int minute = 0) {
  return LocalTime::from_local_seconds(days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60);
}

Truth contains(std::string_view hours, const LocalTime& t) {
  const auto parsed = parse_opening_hours(hours);
  EXPECT_TRUE(parsed.hours.has_value()) << hours << ": " << parsed.error;
  return parsed.hours ? parsed.hours->contains(t) : Truth::undecidable;
}

TEST(LocalTime, CalendarAndWeekdayFromLocalSeconds) {
  const LocalTime t = at(2026, 12, 7, 16, 30);
  EXPECT_EQ(t.year, 2026);
  EXPECT_EQ(t.month, 12);
  EXPECT_EQ(t.day, 7);
  EXPECT_EQ(t.weekday, 0);  // Monday
  EXPECT_EQ(t.minute, 16 * 60 + 30);
  const LocalTime before = at(2026, 3, 1, 0).previous_day();
  EXPECT_EQ(before.month, 2);
  EXPECT_EQ(before.day, 28);
  EXPECT_EQ(before.weekday, 5);  // Saturday 2026-02-28
  EXPECT_EQ(at(2024, 3, 1, 0).previous_day().day, 29);
}

TEST(OpeningHours, WindowAcrossMidnightWithASundayException) {
  const std::string_view hours = "15:00-05:00; Su 12:00-05:00";
  EXPECT_EQ(contains(hours, at(2026, 12, 7, 16)), Truth::yes);   // Monday afternoon
  EXPECT_EQ(contains(hours, at(2026, 12, 7, 10)), Truth::no);    // Monday morning
  EXPECT_EQ(contains(hours, at(2026, 12, 7, 4)), Truth::yes);    // Monday 04:00: Sunday's window runs on
  EXPECT_EQ(contains(hours, at(2026, 12, 7, 5)), Truth::no);
  EXPECT_EQ(contains(hours, at(2026, 12, 6, 13)), Truth::yes);   // Sunday 13:00: the exception
  EXPECT_EQ(contains(hours, at(2026, 12, 8, 13)), Truth::no);    // Tuesday 13:00: not
  EXPECT_EQ(contains(hours, at(2026, 12, 6, 3)), Truth::yes);    // Sunday 03:00: Saturday's window
  EXPECT_EQ(contains(hours, at(2026, 12, 6, 10)), Truth::no);
  EXPECT_EQ(contains("Su: 12:00-05:00", at(2026, 12, 6, 13)), Truth::yes);  // the colon after the day
}

TEST(OpeningHours, SeasonalClosureWrapsTheYear) {
  EXPECT_EQ(contains("Nov-Mar", at(2026, 12, 7, 10)), Truth::yes);
  EXPECT_EQ(contains("Nov-Mar", at(2026, 1, 15, 10)), Truth::yes);
  EXPECT_EQ(contains("Nov-Mar", at(2026, 3, 31, 23)), Truth::yes);
  EXPECT_EQ(contains("Nov-Mar", at(2026, 4, 1, 0)), Truth::no);
  EXPECT_EQ(contains("Nov-Mar", at(2026, 7, 1, 12)), Truth::no);
  EXPECT_EQ(contains("Apr 01-Oct 31", at(2026, 10, 31, 12)), Truth::yes);
  EXPECT_EQ(contains("Dec 24", at(2026, 12, 24, 12)), Truth::yes);
  EXPECT_EQ(contains("Dec 24", at(2026, 12, 25, 12)), Truth::no);
  EXPECT_EQ(contains("Dec 25-31", at(2026, 12, 30, 12)), Truth::yes);
}

TEST(OpeningHours, WeekdayListsRangesAndSeveralTimes) {
  EXPECT_EQ(contains("Mo,We,Fr 07:00-09:00", at(2026, 12, 9, 8)), Truth::yes);   // Wednesday
  EXPECT_EQ(contains("Mo,We,Fr 07:00-09:00", at(2026, 12, 8, 8)), Truth::no);    // Tuesday
  EXPECT_EQ(contains("Mo-Fr 07:00-09:00,16:00-18:00", at(2026, 12, 8, 17)), Truth::yes);
  EXPECT_EQ(contains("Mo-Fr 07:00-09:00,16:00-18:00", at(2026, 12, 8, 12)), Truth::no);
  EXPECT_EQ(contains("Mo-Fr 07:00-09:00,16:00-18:00", at(2026, 12, 12, 8)), Truth::no);  // Saturday
  EXPECT_EQ(contains("Fr-Mo", at(2026, 12, 6, 8)), Truth::yes);  // a range across the week's end
  EXPECT_EQ(contains("Fr-Mo", at(2026, 12, 9, 8)), Truth::no);
  EXPECT_EQ(contains("Mo-Fr 07:00-09:00, Sa 08:00-10:00", at(2026, 12, 12, 9)), Truth::yes);  // additional rule
  EXPECT_EQ(contains("24/7", at(2026, 12, 12, 9)), Truth::yes);
}

TEST(OpeningHours, YearsAndDatedRanges) {
  EXPECT_EQ(contains("2014 Sep 29-2014 Nov 14 00:00-24:00", at(2014, 10, 1, 9)), Truth::yes);
  EXPECT_EQ(contains("2014 Sep 29-2014 Nov 14 00:00-24:00", at(2015, 10, 1, 9)), Truth::no);
  EXPECT_EQ(contains("2019-2021", at(2020, 5, 1, 9)), Truth::yes);
  EXPECT_EQ(contains("2019-2021", at(2022, 5, 1, 9)), Truth::no);
}

TEST(OpeningHours, HolidaysAreUndecidableWithoutACalendar) {
  // A weekday that may or may not be a public holiday.
  EXPECT_EQ(contains("PH", at(2026, 12, 8, 9)), Truth::undecidable);
  EXPECT_EQ(contains("Mo-Sa 05:00-22:00; PH off", at(2026, 12, 8, 9)), Truth::undecidable);
  // Outside the hours whatever the calendar: decided.
  EXPECT_EQ(contains("Mo-Sa 05:00-22:00; PH off", at(2026, 12, 8, 23)), Truth::no);
  // Sunday is selected anyway.
  EXPECT_EQ(contains("Su,PH", at(2026, 12, 6, 9)), Truth::yes);
  // With a known calendar it is decided.
  LocalTime holiday = at(2026, 12, 8, 9);
  holiday.public_holiday = true;
  EXPECT_EQ(contains("PH", holiday), Truth::yes);
  holiday.public_holiday = false;
  EXPECT_EQ(contains("PH", holiday), Truth::no);
}

TEST(OpeningHours, WhatIsNotUnderstoodIsReportedNotGuessed) {
  for (const char* text : {"sunrise-sunset", "Mo[1] 08:00-10:00", "week 01-10", "18:00+", "", "Mo-", "25:00-26:00",
                           "\"on request\"", "Mo 08:00", "xyz"}) {
    const auto parsed = parse_opening_hours(text);
    EXPECT_FALSE(parsed.hours.has_value()) << text;
    EXPECT_FALSE(parsed.error.empty()) << text;
  }
}

}  // namespace
}  // namespace drivelog::legal
