#include "detect/path_plausibility.hpp"

#include <algorithm>
#include <cmath>

#include "map/geo.hpp"

namespace drivelog::detect {
namespace {

// The distance the reported speeds say the car covered from time t0 to t1, taking the speed as
// linear between consecutive matched fixes; negative when that cannot be told: a speed in the
// window is derived from positions (not reported), or two fixes there lie more than max_gap_s
// apart (what the car did in between is unseen: path_unseen's business).
double reported_distance_m(const SpeedProfile& sp, double t0, double t1, std::size_t from, double max_gap_s) {
  const std::size_t n = sp.matched().size();
  std::size_t k = std::min(from, n == 0 ? 0 : n - 1);
  while (k > 0 && sp.time_at(k) > t0) --k;
  double covered_m = 0;
  for (; k + 1 < n && sp.time_at(k) < t1; ++k) {
    const double ta = sp.time_at(k), tb = sp.time_at(k + 1);
    const double a = std::max(t0, ta), b = std::min(t1, tb);
    if (!(b > a)) continue;
    if (sp.derived_at(k) || sp.derived_at(k + 1) || tb - ta > max_gap_s) return -1;
    const double va = sp.speed_mps_at(k), vb = sp.speed_mps_at(k + 1);
    const auto speed_at = [&](double t) { return va + (vb - va) * (t - ta) / (tb - ta); };
    covered_m += 0.5 * (speed_at(a) + speed_at(b)) * (b - a);
  }
  return covered_m;
}

}  // namespace

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
  const double duration_s = std::max(t1 - t0, kMinDurationS);
  const double path_mps = (end_s - start_s) / duration_s;
  if (path_mps * 3.6 > config.max_speed_factor * fastest_mps * 3.6 + config.speed_margin_kmh) return true;
  // The same bound on the mean speed: the reported speeds' own odometer over the stretch's time.
  // The fastest speed around a stretch excuses a path the car covered while it was still
  // crawling, when it speeds up right after (a trip's first seconds: a car pulling away at 1-4 m/s
  // whose first fixes a bias put on the one-way street beside, 25 m "driven" in 2.3 s).
  const double covered_m = reported_distance_m(sp, t0, t1, sp.first_at_or_after(start_s), config.max_unseen_s);
  return covered_m >= 0 && path_mps * 3.6 > config.max_speed_factor * covered_m / duration_s * 3.6 + config.speed_margin_kmh;
}

bool path_unseen(const TripView& trip, double start_s, double end_s, double min_seen_m, const PathCheckConfig& config) {
  if (config.max_unseen_s <= 0) return false;
  const SpeedProfile& sp = trip.speeds;
  const std::size_t n = sp.matched().size();
  // The stretch's length less the parts between two fixes further apart in time than max_unseen_s
  // (the path's ends are where fixes are: nothing before the first or after the last is a gap).
  double seen_m = end_s - start_s;
  for (std::size_t k = std::max<std::size_t>(sp.first_at_or_after(start_s), 1); k < n && sp.s_at(k - 1) < end_s; ++k) {
    if (sp.time_at(k) - sp.time_at(k - 1) <= config.max_unseen_s) continue;
    seen_m -= std::max(0.0, std::min(sp.s_at(k), end_s) - std::max(sp.s_at(k - 1), start_s));
  }
  return seen_m < min_seen_m;
}

bool headings_contradict_path(const TripView& trip, std::size_t first, std::size_t last, double start_s, double end_s,
                              const PathCheckConfig& config) {
  if (config.max_heading_off_deg <= 0 || trip.match.stats.headings_ignored) return false;
  constexpr double kHeadingMinSpeedMps = 3;  // below this a reported heading is noise (as for matching)
  constexpr double kAlongM = 3;              // the path's direction: its chord this far either side of the fix
  const SpeedProfile& sp = trip.speeds;
  int trusted = 0, contradicting = 0;
  match::EdgeWalk walk;  // consecutive fixes mostly lie on one traversal
  // The fixes at path distances up to end_s (s_at() does not decrease).
  std::size_t end = sp.first_at_or_after(end_s);
  while (end < sp.matched().size() && sp.s_at(end) <= end_s) ++end;
  for (std::size_t k = sp.first_at_or_after(start_s); k < end; ++k) {
    // Decided before the last fix: if every fix left counted, and all against (for) the path, the
    // agreeing (contradicting) ones would still be more. The verdict below is then the same.
    const auto left = static_cast<int>(end - k);
    const int agreeing = trusted - contradicting;
    if (agreeing >= contradicting + left || (trusted >= 2 && contradicting > agreeing + left)) break;
    const match::TracePoint& p = trip.trace[sp.matched()[k]];
    if (std::isnan(p.heading_deg) || !(p.speed_mps >= kHeadingMinSpeedMps)) continue;
    const uint32_t t = trip.match.points[sp.matched()[k]].traversal;
    if (t < first || t >= last) continue;
    const match::Traversal& on = trip.match.traversals[t];
    const double s = sp.s_at(k);
    const map::Coord a = position_at(trip.map, on, std::max(on.start_s_m, s - kAlongM), walk);
    const map::Coord b = position_at(trip.map, on, std::min(on.end_s_m(), s + kAlongM), walk);
    if (a == b) continue;
    const double path_deg = map::geo::bearing_deg(a.lat(), a.lon(), b.lat(), b.lon());
    const double off_deg = std::fabs(map::geo::fmod_360(path_deg - p.heading_deg + 540.0) - 180.0);
    ++trusted;
    if (off_deg > config.max_heading_off_deg) ++contradicting;
  }
  return trusted >= 2 && 2 * contradicting > trusted;
}

}  // namespace drivelog::detect
