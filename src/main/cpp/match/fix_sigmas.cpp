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
  // The window [lo, hi) slides forward with the fix: times are increasing (a cleaned trace).
  std::size_t lo = 0, hi = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = trace[i].time_s;
    while (trace[lo].time_s < t - kWindowS) ++lo;
    while (hi < n && trace[hi].time_s <= t + kWindowS) ++hi;
    if (std::isnan(reported_[i])) {
      sigmas_[i] = config.sigma_m;
      continue;
    }
    window_.clear();
    for (std::size_t j = lo; j < hi; ++j) {
      if (!std::isnan(reported_[j])) window_.push_back(reported_[j]);
    }
    const auto middle = window_.begin() + static_cast<std::ptrdiff_t>(window_.size() / 2);
    std::nth_element(window_.begin(), middle, window_.end());
    const double median = *middle;
    sigmas_[i] = reported_[i] > kDistinctlyWorse * median ? reported_[i] : median;
  }
}

}  // namespace drivelog::match
