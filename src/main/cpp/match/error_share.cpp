#include "match/error_share.hpp"

#include <algorithm>
#include <cmath>

#include "match/local_metric.hpp"

namespace drivelog::match {

double ErrorShare::estimate(std::span<const TracePoint> trace, const FixSigmas& sigmas) {
  // For independent errors of sigma per axis, the second difference of three fixes a second apart
  // has 6 sigma^2 per axis, so its squared length over sigma^2 has median 6 x 2 ln 2 = 8.32; an
  // error that wanders slowly leaves a fraction of that, and the car's own acceleration (a few
  // metres in a second) little. The median over up to kSamples triples, each over its middle fix's
  // sigma.
  constexpr std::size_t kSamples = 400;
  constexpr std::size_t kMinSamples = 20;
  constexpr double kRegularGapS = 1.5;
  constexpr double kWhiteMedian = 8.32;
  LocalMetric metric;
  ratios_.clear();
  for (std::size_t i = 1; i + 1 < trace.size() && ratios_.size() < kSamples; ++i) {
    const TracePoint &a = trace[i - 1], &b = trace[i], &c = trace[i + 1];
    if (b.time_s - a.time_s > kRegularGapS || c.time_s - b.time_s > kRegularGapS) continue;
    const double east = ((a.lon - b.lon) - (b.lon - c.lon)) * metric.meters_per_deg_lon(b.lat);
    const double north = ((a.lat - b.lat) - (b.lat - c.lat)) * LocalMetric::kMetersPerDegLat;
    const double sigma = sigmas[i];
    ratios_.push_back((east * east + north * north) / (sigma * sigma));
  }
  if (ratios_.size() < kMinSamples) return 0.0;
  const auto middle = ratios_.begin() + static_cast<std::ptrdiff_t>(ratios_.size() / 2);
  std::nth_element(ratios_.begin(), middle, ratios_.end());
  return std::clamp(*middle / kWhiteMedian, 0.0, 1.0);
}

}  // namespace drivelog::match
