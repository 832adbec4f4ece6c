#include "detect/local_calendar.hpp"

#include <cmath>

namespace drivelog::detect {

int32_t LocalCalendar::day(map::Coord position, double utc_seconds) {
  return static_cast<int32_t>(std::floor(local_seconds(position, utc_seconds) / 86400.0));
}

double LocalCalendar::local_seconds(map::Coord position, double utc_seconds) {
  const uint16_t zone = map_->time_zone_at(position);
  // Offsets change at most a few times a year; within a minute of the last answer it is the same.
  if (zone != zone_ || std::abs(utc_seconds - asked_s_) > 60) {
    zone_ = zone;
    offset_s_ = map_->utc_offset_seconds(zone, utc_seconds);
    asked_s_ = utc_seconds;
  }
  return utc_seconds + offset_s_;
}

}  // namespace drivelog::detect
