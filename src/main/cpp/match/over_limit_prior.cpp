#include "match/over_limit_prior.hpp"

#include <cmath>

namespace drivelog::match {

OverLimitPrior::LocalDay OverLimitPrior::local_day(const map::MapView& map, uint16_t zone, double utc_seconds) {
  const int32_t offset = map.utc_offset_seconds(zone, utc_seconds);
  LocalDay out;
  out.day = static_cast<int32_t>(std::floor((utc_seconds + offset) / 86400.0));
  // A change of offset within the day (daylight saving) moves its end by an hour at most: the
  // limit in force changes at midnight only where a law took effect, so an hour early is harmless.
  out.begins_utc = out.day * 86400.0 - offset;
  out.ends_utc = out.begins_utc + 86400.0;
  return out;
}

}  // namespace drivelog::match
