#include "match/stop_run_prior.hpp"

#include <algorithm>
#include <cmath>

namespace drivelog::match {

bool StopRunPrior::cannot_have_stopped(double a_mps, double b_mps, double dt_s, double brake_mps2) {
  if (std::isnan(a_mps) || std::isnan(b_mps)) return false;  // a fix without a speed tells nothing
  return std::min(a_mps, b_mps) - brake_mps2 * dt_s / 2 > kMayHaveStoppedMps;
}

}  // namespace drivelog::match
