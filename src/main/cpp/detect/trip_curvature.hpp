// The curvature of the matched path, sampled every metre, piece by piece (a break in the trip is a
// jump in place, not a bend). Reused between trips.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "detect/path_lookup.hpp"
#include "map/path_curvature.hpp"
#include "match/path_geometry.hpp"

namespace drivelog::detect {

// The fastest the trip went (absolute value) by its matched fixes' speeds (the speed between two fixes is
// interpolated from theirs): no corner was taken faster.
double top_speed_mps(const SpeedProfile& speeds);

class TripCurvature {
 public:
  static constexpr double kStepM = 1;

  // `floor`: curvature (1/m) below which no caller looks (map::sample_curvature).
  void build(const TripView& trip, double floor);

  struct Piece {
    uint32_t piece = 0;
    std::size_t begin = 0, end = 0;  // its samples in samples()
  };
  [[nodiscard]] std::span<const Piece> pieces() const { return pieces_; }
  [[nodiscard]] std::span<const map::CurvatureSample> samples(const Piece& p) const {
    return std::span<const map::CurvatureSample>(samples_).subspan(p.begin, p.end - p.begin);
  }

 private:
  std::vector<Piece> pieces_;
  std::vector<map::CurvatureSample> samples_;
  std::vector<match::PathVertex> polyline_;
};

}  // namespace drivelog::detect
