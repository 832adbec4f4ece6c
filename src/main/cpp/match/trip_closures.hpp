// Roads closed only at some times. The map flags a road closed to cars at any time of the week
// closed (its conditional rules say when: docs/CONDITIONAL.md), and the matcher prices entering a
// closed road as a prior on driving. It reads neither times nor rules; for each trip it may be
// told which flagged roads cannot be closed while the trip is driven, and prices those as open:
// a drive at night through a Tokyo link closed 08:00-20:00 was matched onto the links beside it,
// read as a wrong-way and a speeding finding there.
#pragma once

#include <cstdint>

namespace drivelog::match {

class TripClosures {
 public:
  virtual ~TripClosures() = default;
  // Whether `edge`, flagged closed, may be closed to the analysed vehicle driving it `forward`
  // (or backward) at some time during the trip (true when that cannot be told).
  [[nodiscard]] virtual bool closed_during_trip(uint32_t edge, bool forward) const = 0;
};

}  // namespace drivelog::match
