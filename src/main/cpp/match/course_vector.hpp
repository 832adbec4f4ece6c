// A reported course as a unit vector (sin, cos), remembered for the last course asked.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

#include "map/geo.hpp"

namespace drivelog::match {

// Receivers report the same course fix after fix on a straight road (the grid city's fixes report
// their street's bearing exactly), and each vector costs a sincos (about 100 instructions). The
// answer is always std::sin / std::cos of the course in radians.
class CourseVector {
 public:
  double east(float heading_deg) {
    fill(heading_deg);
    return east_;
  }
  double north(float heading_deg) {
    fill(heading_deg);
    return north_;
  }

 private:
  void fill(float heading_deg) {
    // The same bits (so -0 is not taken for 0): the same answer.
    if (filled_ && std::bit_cast<uint32_t>(heading_deg) == std::bit_cast<uint32_t>(heading_deg_)) return;
    filled_ = true;
    heading_deg_ = heading_deg;
    east_ = std::sin(heading_deg * map::geo::kDegToRad);
    north_ = std::cos(heading_deg * map::geo::kDegToRad);
  }

  bool filled_ = false;
  float heading_deg_ = 0;
  double east_ = 0, north_ = 0;
};

}  // namespace drivelog::match
