// match::TripClosures from the map's conditional restrictions: a road flagged closed is closed
// during a trip unless its rules, judged for the analysed vehicle at the trip's start, at its end
// and every 10 minutes between, open it at every one of those times. An undecidable rule (a
// holiday, `delivery`) leaves it closed for the matcher: the prior stays where the law may apply.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>

#include "detect/conditional_rules.hpp"
#include "match/trip_closures.hpp"

namespace drivelog::detect {

class ConditionalTripClosures final : public match::TripClosures {
 public:
  ConditionalTripClosures(const map::MapView& map, legal::VehicleProfile vehicle)
      : map_(&map), rules_(map, std::move(vehicle)) {}

  // The trip about to be matched: its first and last fix's times (UTC seconds).
  void start_trip(double first_utc, double last_utc);

  [[nodiscard]] bool closed_during_trip(uint32_t edge, bool forward) const override;

 private:
  static constexpr double kSampleS = 600;

  const map::MapView* map_;
  mutable ConditionalRules rules_;                          // caches parsed rules across trips
  mutable std::unordered_map<uint32_t, bool> closed_;       // answers for this trip, by edge x 2 + forward
  double first_utc_ = 0, last_utc_ = 0;
};

}  // namespace drivelog::detect
