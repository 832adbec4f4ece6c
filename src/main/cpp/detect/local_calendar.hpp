// The local calendar day of a fix, from the map's time zones: date-effective limits are judged by
// the rule in force on the local date where and when the car was driven.
#pragma once

#include <cstdint>

#include "map/map_view.hpp"

namespace drivelog::detect {

class LocalCalendar {
 public:
  explicit LocalCalendar(const map::MapView& map) : map_(&map) {}

  // Days since 1970-01-01 in local time at `position` at `utc_seconds`.
  int32_t day(map::Coord position, double utc_seconds);
  // Seconds since 1970-01-01 00:00 local time at `position` at `utc_seconds`.
  double local_seconds(map::Coord position, double utc_seconds);

 private:
  const map::MapView* map_;
  // The last answer's zone and offset, and the UTC seconds it was asked for: consecutive fixes of a
  // trip mostly share both.
  uint16_t zone_ = 0xFFFF;
  int32_t offset_s_ = 0;
  double asked_s_ = 0;
};

}  // namespace drivelog::detect
