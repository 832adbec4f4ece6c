#include "match/position_reversals.hpp"

#include <algorithm>
#include <cmath>

#include "match/local_metric.hpp"

namespace drivelog::match {

void PositionReversals::index(std::span<const TracePoint> trace, const FixSigmas& sigmas, bool used) {
  trace_ = trace;
  before_.clear();
  after_.clear();
  if (!used) return;
  const std::size_t n = trace.size();
  before_.assign(n, Course{});
  after_.assign(n, Course{});
  LocalMetric metric;
  const auto course = [&](std::size_t a, std::size_t b) {
    Course c;
    c.east_m = (trace[b].lon - trace[a].lon) * metric.meters_per_deg_lon(trace[a].lat);
    c.north_m = (trace[b].lat - trace[a].lat) * LocalMetric::kMetersPerDegLat;
    const double noise_m = kMinSigmas * std::max(sigmas[a], sigmas[b]);
    c.known = c.east_m * c.east_m + c.north_m * c.north_m > noise_m * noise_m;
    return c;
  };
  const auto near = [&](std::size_t a, std::size_t b) {
    const double east_m = (trace[b].lon - trace[a].lon) * metric.meters_per_deg_lon(trace[a].lat);
    const double north_m = (trace[b].lat - trace[a].lat) * LocalMetric::kMetersPerDegLat;
    const double noise_m = kMinSigmas * std::max(sigmas[a], sigmas[b]);
    return east_m * east_m + north_m * north_m <= noise_m * noise_m;
  };
  // Two pointers: the window's far end moves forward with the fix.
  std::size_t lo = 0;
  for (std::size_t i = 0; i < n; ++i) {
    while (trace[i].time_s - trace[lo].time_s > kWindowS) ++lo;
    if (lo < i) before_[i] = course(lo, i);
    if (before_[i].known) continue;
    // Standing (or crawling) at the end of the window: the course is the one the car came by, from
    // the last fix before the standstill that lies beyond the noise of this one.
    for (std::size_t k = i; k-- > 0 && trace[i].time_s - trace[k].time_s <= kStandS;) {
      if (!near(k, i)) {
        before_[i] = course(k, i);
        break;
      }
    }
  }
  std::size_t hi = 0;
  for (std::size_t i = 0; i < n; ++i) {
    hi = std::max(hi, i);
    while (hi + 1 < n && trace[hi + 1].time_s - trace[i].time_s <= kWindowS) ++hi;
    if (hi > i) after_[i] = course(i, hi);
    if (after_[i].known) continue;
    for (std::size_t k = i + 1; k < n && trace[k].time_s - trace[i].time_s <= kStandS; ++k) {
      if (!near(i, k)) {
        after_[i] = course(i, k);
        break;
      }
    }
  }
}

bool PositionReversals::reversed(uint32_t from, uint32_t to) const {
  if (to >= after_.size() || from >= to) return false;
  if (!(trace_[to].time_s - trace_[from].time_s <= kSpanS)) return false;
  const Course& a = before_[from];
  const Course& b = after_[to];
  if (!a.known || !b.known) return false;
  // cos(angle) <= kCosReversed, without an atan2 per step.
  const double dot = a.east_m * b.east_m + a.north_m * b.north_m;
  const double norms = std::sqrt((a.east_m * a.east_m + a.north_m * a.north_m) * (b.east_m * b.east_m + b.north_m * b.north_m));
  return dot <= kCosReversed * norms;
}

}  // namespace drivelog::match
