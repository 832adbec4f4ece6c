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
  // Whether a road the map flags closed by its plain tags alone may be open to the analysed
  // vehicle. The flag is the car's reading: a bus-only street (`access=no` + `bus=yes`) is flagged
  // closed, and a bus driven along it was matched onto the street beside it. When true, the
  // search asks closed_during_trip() about every flagged road, not only those closed at times.
  [[nodiscard]] virtual bool plain_closures_may_open() const { return false; }
};

}  // namespace drivelog::match
