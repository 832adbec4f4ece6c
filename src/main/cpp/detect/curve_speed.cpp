#include "detect/curve_speed.hpp"

#include <algorithm>
#include <cmath>

namespace drivelog::detect {

CurveAllowance curve_allowance(double comfort_mps2, double min_radius_m, uint16_t advisory_tenths_kmh,
                               double tolerance_percent, double tolerance_kmh) {
  CurveAllowance a;
  a.comfortable_mps = std::sqrt(comfort_mps2 * min_radius_m);
  a.advisory_mps = advisory_tenths_kmh / 36.0;  // tenths of km/h to m/s
  const double reference = a.reference_mps();
  a.allowed_mps = std::max(reference * (1 + tolerance_percent / 100), reference + tolerance_kmh / 3.6);
  return a;
}

}  // namespace drivelog::detect
