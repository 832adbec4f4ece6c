// The prior that a driver keeps roughly to a road's speed limit: a fix whose trusted reported speed
// is far over an edge's limit on its local date (over `factor` x it, and at least
// kMinExcessKmh over) makes every metre on that edge cost `prior_per_m`, like a metre against a
// one-way direction. Under a receiver bias the fixes of a car at 56 km/h on a trunk road can lie
// nearer the 30 km/h street beside it, which then reads as gross speeding; a car that really
// speeds on a street has no such alternative unless a road beside it fits its fixes as well.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

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

  // An edge's limit_kmh() in both directions.
  struct BothWays {
    double forward_kmh = 0, backward_kmh = 0;
  };

  // limit_kmh() of recently asked edges, both directions, remembered by edge and local day. Every
  // state of a fix with a trusted speed asks for its edge's limit (a candidate's two states both),
  // and consecutive fixes mostly have the same candidates; MapView::limit_in_force walks the edge's
  // rule chain each time (7 % of the matcher's instructions on a city grid). Direct-mapped: a slot
  // holds the last edge that fell on it, so a miss costs one lookup more than asking the map.
  class LimitCache {
   public:
    // `slots` is rounded up to a power of two (a slot is then picked with a mask, not a division).
    explicit LimitCache(std::size_t slots = 128)
        : slots_(std::bit_ceil(std::max<std::size_t>(slots, 1))), mask_(slots_.size() - 1) {}
    // Exactly limit_kmh(map, edge, true, local_day) and limit_kmh(map, edge, false, local_day); `map`
    // must be the same on every call.
    BothWays both_kmh(const map::MapView& map, uint32_t edge, int32_t local_day) {
      Slot& s = slots_[std::size_t{edge} & mask_];
      if (!s.filled || s.edge != edge || s.day != local_day) {
        s = Slot{edge, local_day,
                 BothWays{OverLimitPrior::limit_kmh(map, edge, true, local_day), OverLimitPrior::limit_kmh(map, edge, false, local_day)},
                 true};
      }
      return s.kmh;
    }
    double limit_kmh(const map::MapView& map, uint32_t edge, bool forward, int32_t local_day) {
      const BothWays both = both_kmh(map, edge, local_day);
      return forward ? both.forward_kmh : both.backward_kmh;
    }

   private:
    struct Slot {
      uint32_t edge = 0;
      int32_t day = 0;
      BothWays kmh;
      bool filled = false;
    };
    std::vector<Slot> slots_;
    std::size_t mask_;
  };

  // Whether `speed_kmh` is grossly over `limit_kmh` (0: unknown, never).
  static bool grossly_over(double speed_kmh, double limit_kmh, double factor) {
    return limit_kmh > 0 && speed_kmh > limit_kmh * factor && speed_kmh - limit_kmh >= kMinExcessKmh;
  }
};

}  // namespace drivelog::match
