// The prior that a driver keeps roughly to a road's speed limit: a fix whose trusted reported speed
// is far over an edge's limit on its local date (over `factor` x it, and at least
// kMinExcessKmh over) makes every metre on that edge cost `prior_per_m`, like a metre against a
// one-way direction. Under a receiver bias the fixes of a car at 56 km/h on a trunk road can lie
// nearer the 30 km/h street beside it, which then reads as gross speeding; a car that really
// speeds on a street has no such alternative unless a road beside it fits its fixes as well.
#pragma once

#include <cstdint>

#include "map/map_view.hpp"

namespace drivelog::match {

class OverLimitPrior {
 public:
  // Ordinary speeding is not priced, however common: only speeds at least this far over the limit.
  static constexpr double kMinExcessKmh = 15;

  // The car limit of `edge` in `forward` direction on `local_day` (days since 1970-01-01, local),
  // in km/h; 0 if unknown or unlimited (then no prior applies).
  static double limit_kmh(const map::MapView& map, uint32_t edge, bool forward, int32_t local_day) {
    const uint16_t tenths = map.limit_in_force(edge, forward, local_day).tenths_kmh;
    return tenths == map::kSpeedUnlimited ? 0.0 : tenths / 10.0;
  }

  // The local day at `utc_seconds` in time zone `zone` of the map, and the UTC times it begins and
  // ends (a trip's fixes are mostly within one day: computed again only when one leaves it).
  struct LocalDay {
    int32_t day = 0;
    double begins_utc = 0, ends_utc = -1;
    [[nodiscard]] bool holds(double utc_seconds) const { return utc_seconds >= begins_utc && utc_seconds < ends_utc; }
  };
  static LocalDay local_day(const map::MapView& map, uint16_t zone, double utc_seconds);

  // Whether `speed_kmh` is grossly over `limit_kmh` (0: unknown, never).
  static bool grossly_over(double speed_kmh, double limit_kmh, double factor) {
    return limit_kmh > 0 && speed_kmh > limit_kmh * factor && speed_kmh - limit_kmh >= kMinExcessKmh;
  }
};

}  // namespace drivelog::match
