// The local calendar day of a fix, from the map's time zones: date-effective limits are judged by
// the rule in force on the local date where and when the car was driven.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

#include "map/map_view.hpp"

namespace drivelog::detect {

class LocalCalendar {
 public:
  explicit LocalCalendar(const map::MapView& map) : map_(&map) {}

  // Days since 1970-01-01 in local time at `position` at `utc_seconds`.
  int32_t day(map::Coord position, double utc_seconds);
  // Seconds since 1970-01-01 00:00 local time at `position` at `utc_seconds`.
  double local_seconds(map::Coord position, double utc_seconds);
  // The day of local_seconds(): day() is day_of(local_seconds()).
  static int32_t day_of(double local_seconds) { return static_cast<int32_t>(std::floor(local_seconds / 86400.0)); }

  // day() with UTC instants around `utc_seconds` between which day() at `position` answers the
  // same: [from_utc, until_utc), within both the local day (a second inside each midnight, for the
  // sum's rounding) and the span of the zone's offset (a daylight saving change may move the day).
  struct Day {
    int32_t day = 0;
    double from_utc = 0;
    double until_utc = 0;
  };
  Day day_span(map::Coord position, double utc_seconds);

 private:
  // The offset at `position` and `utc_seconds`, and the span it holds for: consecutive fixes of a
  // trip mostly share the zone and the offset (MapView::utc_offset_span, exact across a change).
  const map::MapView::UtcOffsetSpan& offset_at(map::Coord position, double utc_seconds);

  const map::MapView* map_;
  bool have_position_ = false;
  map::Coord position_;
  uint16_t zone_ = 0xFFFF;
  // Empty until asked: holds for no instant.
  map::MapView::UtcOffsetSpan span_{0, std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
};

}  // namespace drivelog::detect
