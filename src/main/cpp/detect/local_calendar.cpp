#include "detect/local_calendar.hpp"

#include <algorithm>
#include <cmath>

namespace drivelog::detect {

const map::MapView::UtcOffsetSpan& LocalCalendar::offset_at(map::Coord position, double utc_seconds) {
  if (!have_position_ || !(position == position_)) {
    have_position_ = true;
    position_ = position;
    // A map of one zone (built without zones: UTC) has it everywhere.
    const uint16_t zone = map_->time_zones().size() == 1 ? 0 : map_->time_zone_at(position);
    if (zone != zone_) {
      zone_ = zone;
      span_ = map_->utc_offset_span(zone, utc_seconds);
      return span_;
    }
  }
  if (!(utc_seconds >= span_.from_utc && utc_seconds < span_.until_utc)) span_ = map_->utc_offset_span(zone_, utc_seconds);
  return span_;
}

int32_t LocalCalendar::day(map::Coord position, double utc_seconds) { return day_of(local_seconds(position, utc_seconds)); }

double LocalCalendar::local_seconds(map::Coord position, double utc_seconds) {
  return utc_seconds + offset_at(position, utc_seconds).offset_seconds;
}

LocalCalendar::Day LocalCalendar::day_span(map::Coord position, double utc_seconds) {
  const map::MapView::UtcOffsetSpan& span = offset_at(position, utc_seconds);
  Day out;
  out.day = static_cast<int32_t>(std::floor((utc_seconds + span.offset_seconds) / 86400.0));
  const double begins_utc = out.day * 86400.0 - span.offset_seconds;
  out.from_utc = std::max(span.from_utc, begins_utc + 1);
  out.until_utc = std::min(span.until_utc, begins_utc + 86400.0 - 1);
  return out;
}

}  // namespace drivelog::detect
