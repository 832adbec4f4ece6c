// match::TripClosures from the map's conditional restrictions: a road flagged closed is closed
// during a trip unless its rules, judged for the analysed vehicle at the trip's start, at its end
// and every 10 minutes between, open it at every one of those times. An undecidable rule (a
// holiday, `delivery`) leaves it closed for the matcher: the prior stays where the law may apply.
// For a vehicle other than the car it also answers for roads closed by their plain tags, since the
// map's closed flag is the car's reading and the vehicle's own key (`bus=yes`) may open them.
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
      : map_(&map), not_a_car_(vehicle.vehicle_class != "motorcar"), rules_(map, std::move(vehicle)) {}

  // The trip about to be matched: its first and last fix's times (UTC seconds).
  void start_trip(double first_utc, double last_utc);

  [[nodiscard]] bool closed_during_trip(uint32_t edge, bool forward) const override;
  [[nodiscard]] bool plain_closures_may_open() const override { return not_a_car_; }

 private:
  static constexpr double kSampleS = 600;

  const map::MapView* map_;
  bool not_a_car_;
  mutable ConditionalRules rules_;                          // caches parsed rules across trips
  mutable std::unordered_map<uint32_t, bool> closed_;       // answers for this trip, by edge x 2 + forward
  double first_utc_ = 0, last_utc_ = 0;
};

}  // namespace drivelog::detect
