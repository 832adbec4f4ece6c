// How fast a car without a speedometer in its log at least went: a path is never shorter than the
// straight line between two of its fixes, and a receiver's error that mostly carries over from one
// fix to the next (a wandering bias) hardly changes that line over a few seconds. The matcher uses
// the bound where a log has no speeds, to price roads the car would have driven far over their
// limit (match/over_limit_prior.hpp), as it does with reported speeds.
#pragma once

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

#include "match/match_config.hpp"
#include "match/trace.hpp"

namespace drivelog::match {

// For each fix, the slowest average speed (m/s) the car can have driven from the fix kHalfWindow
// fixes before it to the one kHalfWindow after: their straight-line distance less twice the
// standard deviation of the difference of their errors (independent_share of the error new at each
// fix, the rest decaying over config.error_correlation_s), over the time between them. NaN where a
// fix reports its own speed, where the window leaves the trace or spans more than kMaxWindowS, or
// where the bound is not positive.
class SpeedBound {
 public:
  static constexpr int kHalfWindow = 5;
  static constexpr double kMaxWindowS = 12;

  template <typename Distance>
  void compute(std::span<const TracePoint> trace, const MatchConfig& config, double independent_share,
               Distance&& distance_m) {
    lowest_mps_.assign(trace.size(), NAN);
    for (std::size_t i = kHalfWindow; i + kHalfWindow < trace.size(); ++i) {
      if (!std::isnan(trace[i].speed_mps)) continue;
      const TracePoint& a = trace[i - kHalfWindow];
      const TracePoint& b = trace[i + kHalfWindow];
      const double dt = b.time_s - a.time_s;
      if (!(dt > 0) || dt > kMaxWindowS) continue;
      const double sigma = std::max(fix_sigma_m(a, config), fix_sigma_m(b, config));
      const double carried = config.error_correlation_s > 0
                                 ? (1 - independent_share) * std::exp(-dt / config.error_correlation_s)
                                 : 0.0;
      const double sd_difference = sigma * std::sqrt(2 * (1 - std::clamp(carried, 0.0, 1.0)));
      const double lowest = (distance_m(a, b) - 2 * sd_difference) / dt;
      if (lowest > 0) lowest_mps_[i] = static_cast<float>(lowest);
    }
  }

  // NaN when unknown.
  [[nodiscard]] float lowest_mps(std::size_t i) const { return i < lowest_mps_.size() ? lowest_mps_[i] : NAN; }

 private:
  std::vector<float> lowest_mps_;
};

}  // namespace drivelog::match
