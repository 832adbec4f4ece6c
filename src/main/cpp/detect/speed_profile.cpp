#include "detect/speed_profile.hpp"

#include <algorithm>
#include <cmath>

#include "map/geo.hpp"

namespace drivelog::detect {

void SpeedProfile::build(std::span<const match::TracePoint> trace, const match::MatchResult& match,
                         double smoothing_s) {
  // Sized for every point, filled by index and cut to the matched ones (four push_backs a point
  // cost more than the rest of this loop).
  const std::size_t points = match.points.size();
  matched_.resize(points);
  s_.resize(points);
  time_.resize(points);
  piece_.resize(points);
  std::size_t n = 0;
  for (uint32_t i = 0; i < points; ++i) {
    const match::PointMatch& m = match.points[i];
    if (m.kind != match::PointKind::kept && m.kind != match::PointKind::collapsed) continue;
    matched_[n] = i;
    s_[n] = m.s_m;
    time_[n] = trace[i].time_s;
    piece_[n] = match.traversals[m.traversal].piece;
    ++n;
  }
  matched_.resize(n);
  s_.resize(n);
  time_.resize(n);
  piece_.resize(n);
  // Every entry of these is written below: sized, not zeroed first.
  speed_.resize(n);
  smoothed_.resize(n);
  derived_.resize(n);
  step_m_.resize(n);
  bool steps_known = false;  // step_m_ filled (only for a trip with a point without a reported speed)
  for (std::size_t k = 0; k < n; ++k) {
    const float reported = trace[matched_[k]].speed_mps;
    if (!std::isnan(reported)) {
      speed_[k] = reported;
      derived_[k] = 0;
      continue;
    }
    if (!steps_known) {
      observed_steps(trace, match);
      steps_known = true;
    }
    // Centred difference within the piece; one-sided at its ends.
    const std::size_t a = (k > 0 && piece_[k - 1] == piece_[k]) ? k - 1 : k;
    const std::size_t b = (k + 1 < n && piece_[k + 1] == piece_[k]) ? k + 1 : k;
    const double dt = time_[b] - time_[a];
    double distance = 0;
    for (std::size_t i = a; i < b; ++i) distance += step_m_[i];
    speed_[k] = dt > 0 ? static_cast<float>(distance / dt) : 0.0F;
    derived_[k] = 1;
  }
  // Centred moving average over [t - w/2, t + w/2] within the piece (two pointers, O(n)).
  const double half = smoothing_s / 2;
  std::size_t lo = 0, hi = 0;
  double sum = 0;
  for (std::size_t k = 0; k < n; ++k) {
    while (hi < n && piece_[hi] == piece_[k] && time_[hi] <= time_[k] + half) sum += speed_[hi++];
    while (lo < k && (piece_[lo] != piece_[k] || time_[lo] < time_[k] - half)) sum -= speed_[lo++];
    smoothed_[k] = static_cast<float>(sum / static_cast<double>(hi - lo));
  }
}

void SpeedProfile::observed_steps(std::span<const match::TracePoint> trace, const match::MatchResult& match) {
  const std::size_t n = matched_.size();
  const auto sigma = [](const match::TracePoint& p) {
    return std::isnan(p.accuracy_m) ? kDefaultSigmaM : static_cast<double>(p.accuracy_m);
  };
  const auto straight_m = [&](std::size_t k) {
    const match::TracePoint& a = trace[matched_[k]];
    const match::TracePoint& b = trace[matched_[k + 1]];
    return map::geo::distance_m(a.lat, a.lon, b.lat, b.lon);
  };
  for (std::size_t k = 0; k < n; ++k) step_m_[k] = k + 1 < n ? s_[k + 1] - s_[k] : 0;
  // From one kept fix to the next in the piece: the collapsed fixes between them are placed along
  // the matcher's route by interpolation, so they observe nothing of it; the route is compared
  // with the fixes' own straight lines from kept to kept.
  std::size_t from = 0;
  while (from + 1 < n) {
    std::size_t to = from + 1;
    while (to + 1 < n && piece_[to] == piece_[from] && match.points[matched_[to]].kind != match::PointKind::kept) ++to;
    if (piece_[to] == piece_[from]) {
      double fixes_m = 0;
      for (std::size_t k = from; k < to; ++k) fixes_m += straight_m(k);
      const double noise_m = kUnobservedSigmas * std::hypot(sigma(trace[matched_[from]]), sigma(trace[matched_[to]]));
      if (s_[to] - s_[from] > fixes_m + noise_m) {
        for (std::size_t k = from; k < to; ++k) step_m_[k] = straight_m(k);
      }
    }
    from = to;
  }
}

std::size_t SpeedProfile::first_at_or_after(double s_m) const {
  return static_cast<std::size_t>(std::lower_bound(s_.begin(), s_.end(), s_m) - s_.begin());
}

double SpeedProfile::time_at_distance(double s_m) const {
  if (s_.empty()) return 0;
  const std::size_t k = first_at_or_after(s_m);
  if (k == 0) return time_.front();
  if (k >= s_.size()) return time_.back();
  const double ds = s_[k] - s_[k - 1];
  if (ds <= 0) return time_[k];
  return time_[k - 1] + (time_[k] - time_[k - 1]) * (s_m - s_[k - 1]) / ds;
}

}  // namespace drivelog::detect
