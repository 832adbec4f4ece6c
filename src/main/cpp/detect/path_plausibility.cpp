#include "detect/path_plausibility.hpp"

#include <algorithm>

namespace drivelog::detect {

bool path_outruns_receiver(const TripView& trip, double start_s, double end_s, const PathCheckConfig& config) {
  if (config.max_speed_factor <= 0) return false;
  constexpr double kAroundS = 2;  // reported speeds this long before and after the stretch count too
  constexpr double kMinDurationS = 0.1;
  const SpeedProfile& sp = trip.speeds;
  const double t0 = sp.time_at_distance(start_s), t1 = sp.time_at_distance(end_s);
  const std::size_t n = sp.matched().size();
  std::size_t k = std::min(sp.first_at_or_after(start_s), n == 0 ? 0 : n - 1);
  while (k > 0 && sp.time_at(k - 1) >= t0 - kAroundS) --k;
  double fastest_mps = -1;
  for (; k < n && sp.time_at(k) <= t1 + kAroundS; ++k) {
    if (sp.time_at(k) >= t0 - kAroundS && !sp.derived_at(k)) fastest_mps = std::max(fastest_mps, double{sp.speed_mps_at(k)});
  }
  if (fastest_mps < 0) return false;
  const double path_mps = (end_s - start_s) / std::max(t1 - t0, kMinDurationS);
  return path_mps * 3.6 > config.max_speed_factor * fastest_mps * 3.6 + config.speed_margin_kmh;
}

bool path_unseen(const TripView& trip, double start_s, double end_s, const PathCheckConfig& config) {
  if (config.max_unseen_s <= 0) return false;
  const SpeedProfile& sp = trip.speeds;
  const std::size_t n = sp.matched().size();
  const std::size_t after = sp.first_at_or_after(start_s);
  if (after < n && sp.s_at(after) <= end_s) return false;  // a fix on the stretch
  if (after == 0 || after >= n) return false;              // the path's ends are where fixes are
  return sp.time_at(after) - sp.time_at(after - 1) > config.max_unseen_s;
}

}  // namespace drivelog::detect
