#include "match/fix_sigmas.hpp"

#include <algorithm>
#include <cmath>

namespace drivelog::match {

void FixSigmas::compute(std::span<const TracePoint> trace, const MatchConfig& config) {
  const std::size_t n = trace.size();
  sigmas_.resize(n);
  reported_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const TracePoint& p = trace[i];
    const bool reported = config.use_reported_accuracy && !std::isnan(p.accuracy_m);
    reported_[i] = reported ? fix_sigma_m(p, config) : NAN;
  }
  // The window [lo, hi) slides forward with the fix (times are increasing: a cleaned trace); its
  // reported figures are kept sorted as it slides, one insertion and one removal a fix (a median
  // chosen afresh per fix cost 6 % of the town's analysis).
  window_.clear();
  std::size_t lo = 0, hi = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = trace[i].time_s;
    for (; trace[lo].time_s < t - kWindowS; ++lo) {
      if (!std::isnan(reported_[lo])) window_.erase(std::lower_bound(window_.begin(), window_.end(), reported_[lo]));
    }
    for (; hi < n && trace[hi].time_s <= t + kWindowS; ++hi) {
      if (!std::isnan(reported_[hi])) window_.insert(std::upper_bound(window_.begin(), window_.end(), reported_[hi]), reported_[hi]);
    }
    if (std::isnan(reported_[i])) {
      sigmas_[i] = config.sigma_m;
      continue;
    }
    const double median = window_[window_.size() / 2];  // i itself is in the window
    sigmas_[i] = reported_[i] > kDistinctlyWorse * median ? reported_[i] : median;
  }
}

}  // namespace drivelog::match
