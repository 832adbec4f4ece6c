// The speed a curve may be driven at (curve_overspeed), shared by the engine and the simulator's
// ground truth so that both judge a curve alike. Where the road is signed with an advisory speed
// for the direction driven (OSM maxspeed:advisory, map AdvisorySpeed), that speed is the reference;
// otherwise the comfortable speed sqrt(comfort x radius). The advisory speed wins even where it is
// above the comfortable one: it is what the road authority posted for that curve, from its real
// radius, banking and sight lines, while the radius here is estimated from the OSM polyline; a
// driver within the posted value is not told otherwise, and one over it is told the sign's value.
#pragma once

#include <cstdint>

namespace drivelog::detect {

struct CurveAllowance {
  double comfortable_mps = 0;  // sqrt(comfort x radius)
  double advisory_mps = 0;     // the signed advisory speed, 0 where none
  double allowed_mps = 0;      // the reference (advisory, else comfortable) with the tolerances
  [[nodiscard]] bool advisory() const { return advisory_mps > 0; }
  [[nodiscard]] double reference_mps() const { return advisory() ? advisory_mps : comfortable_mps; }
};

// `advisory_tenths_kmh`: the lowest advisory speed over the curve's edges in the direction driven,
// map::kSpeedUnknown (0) for none. Over the reference by more than both tolerances is too fast.
CurveAllowance curve_allowance(double comfort_mps2, double min_radius_m, uint16_t advisory_tenths_kmh,
                               double tolerance_percent, double tolerance_kmh);

// The lower of two advisory speeds, either possibly kSpeedUnknown (none).
inline uint16_t lower_advisory(uint16_t a, uint16_t b) { return a == 0 ? b : (b == 0 || a < b ? a : b); }

}  // namespace drivelog::detect
