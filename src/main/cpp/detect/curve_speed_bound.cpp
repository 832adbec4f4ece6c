#include "detect/curve_speed_bound.hpp"

#include <algorithm>
#include <limits>

namespace drivelog::detect {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kStepM = 1;  // core points bounded this far apart; each stands for half a step either side

// Time to cover `d` metres at the speed envelope min(sqrt(c^2 + 2 rise s), sqrt(v^2 + 2 fall (d - s))):
// rising from at most c (NaN: no cap) at rate `rise`, then falling to v at rate `fall`.
double envelope_time_s(double c, double rise, double v, double fall, double d) {
  if (d <= 0) return 0;
  if (std::isnan(c)) return (std::sqrt(v * v + 2 * fall * d) - v) / fall;
  const double cross = std::clamp((v * v + 2 * fall * d - c * c) / (2 * (rise + fall)), 0.0, d);
  return (std::sqrt(c * c + 2 * rise * cross) - c) / rise + (std::sqrt(v * v + 2 * fall * (d - cross)) - v) / fall;
}

// A reported speed as an upper bound on the speed `shift_m` nearer p (NaN: none reported).
double raised_cap(double reported_mps, double margin_mps, double rate_mps2, double shift_m) {
  if (std::isnan(reported_mps)) return NAN;
  const double c = reported_mps + margin_mps;
  return std::sqrt(c * c + 2 * rate_mps2 * shift_m);
}

}  // namespace

double least_time_s(double v, double x, double y, double start_cap, double end_cap, const KinematicLimits& k) {
  x = std::max(0.0, x);
  y = std::max(0.0, y);
  // v must be reachable from the start's speed and leave the end's speed reachable.
  if (!std::isnan(start_cap) && v * v > start_cap * start_cap + 2 * k.accel_mps2 * x) return kInf;
  if (!std::isnan(end_cap) && v * v > end_cap * end_cap + 2 * k.brake_mps2 * y) return kInf;
  // Before p: up from the start at most at accel, down into p at most at brake. After p: the
  // mirror image (up from p at accel, down into the end at brake), the same integral.
  return envelope_time_s(start_cap, k.accel_mps2, v, k.brake_mps2, x) +
         envelope_time_s(end_cap, k.brake_mps2, v, k.accel_mps2, y);
}

double lowest_speed_between_mps(double time_s, double x, double y, double start_cap, double end_cap,
                                const KinematicLimits& k) {
  if (least_time_s(0, x, y, start_cap, end_cap, k) <= time_s) return 0;  // it could have stopped at p
  double hi = 100;
  if (!std::isnan(start_cap)) hi = std::min(hi, std::sqrt(start_cap * start_cap + 2 * k.accel_mps2 * std::max(0.0, x)));
  if (!std::isnan(end_cap)) hi = std::min(hi, std::sqrt(end_cap * end_cap + 2 * k.brake_mps2 * std::max(0.0, y)));
  // Even the fastest speed the caps allow is too slow to cover the span: the fixes contradict the
  // assumptions (a harder brake or acceleration, a misplaced fix): nothing is proven.
  if (!(least_time_s(hi, x, y, start_cap, end_cap, k) <= time_s)) return 0;
  double lo = 0;  // least_time(lo) > time_s throughout: lo stays a lower bound
  for (int i = 0; i < 40; ++i) {
    const double mid = (lo + hi) / 2;
    (least_time_s(mid, x, y, start_cap, end_cap, k) > time_s ? lo : hi) = mid;
  }
  return lo;
}

namespace {

// One piece of evidence at a core point: a pair of fixes (a, b) or one fix's reported speed (b < 0).
struct Candidate {
  CoreBound bound;
  std::size_t a = 0;
  std::ptrdiff_t b = -1;
  [[nodiscard]] bool uses(std::size_t fix) const { return a == fix || (b >= 0 && static_cast<std::size_t>(b) == fix); }
};

// The bound at a point that no single fix can carry: the best candidate's, or, if lower, the best
// of those left when either of its fixes is dropped. A GPS outlier (a fix 100 m off with a 5 m
// accuracy: urban canyons) makes one fix, and every pair with it, lie; two that agree are needed.
CoreBound robust_bound(const std::vector<Candidate>& candidates) {
  if (candidates.empty()) return CoreBound{};
  const Candidate& best = *std::max_element(candidates.begin(), candidates.end(),
                                            [](const Candidate& x, const Candidate& y) { return x.bound.mps < y.bound.mps; });
  CoreBound robust = best.bound;
  for (const std::ptrdiff_t drop : {static_cast<std::ptrdiff_t>(best.a), best.b}) {
    if (drop < 0) continue;
    CoreBound without{};
    for (const Candidate& c : candidates) {
      if (!c.uses(static_cast<std::size_t>(drop)) && c.bound.mps > without.mps) without = c.bound;
    }
    if (without.mps < robust.mps) robust = without;
  }
  return robust;
}

}  // namespace

CoreBound core_speed_bound(std::span<const BoundFix> fixes, double core_start_m, double core_end_m,
                           const BoundSettings& settings, double enough_below_mps,
                           const std::function<double(std::size_t, double)>& straight_m) {
  // The shorter of the path's and the straight line's distance (std::min would keep a NaN first).
  const auto shorter = [&](double path_m, std::size_t fix, double p) {
    const double line = straight_m ? straight_m(fix, p) : NAN;
    return std::isnan(line) ? path_m : std::min(path_m, line);
  };
  const KinematicLimits& k = settings.limits;
  const int steps = std::max(1, static_cast<int>(std::ceil((core_end_m - core_start_m) / kStepM)));
  CoreBound core;
  core.mps = kInf;
  std::vector<Candidate> candidates;
  for (int step = 0; step <= steps; ++step) {
    const double p = std::min(core_end_m, core_start_m + step * kStepM);
    candidates.clear();
    for (std::size_t i = 0; i < fixes.size(); ++i) {
      const BoundFix& a = fixes[i];
      // (slack: each core point stands for half a step either side of it, too.)
      const double slack = a.placement_m + kStepM / 2;
      if (!std::isnan(a.speed_mps)) {
        // A fix that may lie on either side of p: the larger rate.
        const bool before = a.s_m + slack <= p, after = a.s_m - slack >= p;
        const double rate = before ? k.brake_mps2 : after ? k.accel_mps2 : std::max(k.brake_mps2, k.accel_mps2);
        const double v = lowest_speed_from_reported_mps(a.speed_mps - settings.speed_margin_mps, std::abs(p - a.s_m) + slack, rate);
        if (v > enough_below_mps) candidates.push_back({CoreBound{v, p, 0, 0, true}, i, -1});
      }
      if (a.s_m + slack > p) continue;
      // The pair is taken `slack` nearer p than placed, and may really lie `slack` further out: the
      // car may have gained speed over up to twice the slack before reaching where the cap is put.
      const double start_cap = raised_cap(a.speed_mps, settings.speed_margin_mps, k.accel_mps2, 2 * slack);
      const double x = shorter(p - a.s_m, i, p) - slack;
      for (std::size_t j = i + 1; j < fixes.size(); ++j) {
        const BoundFix& b = fixes[j];
        const double span_s = b.time_s - a.time_s;
        if (span_s > settings.max_span_s) break;
        const double end_slack = b.placement_m + kStepM / 2;
        if (b.s_m - end_slack < p || !(span_s > 0)) continue;
        const double end_cap = raised_cap(b.speed_mps, settings.speed_margin_mps, k.brake_mps2, 2 * end_slack);
        const double y = shorter(b.s_m - p, j, p) - end_slack;
        // Only a pair that proves more than enough_below_mps matters: one evaluation tells.
        const double at_threshold = least_time_s(enough_below_mps, x, y, start_cap, end_cap, k);
        if (!(at_threshold > span_s) || std::isinf(at_threshold)) continue;
        const double v = lowest_speed_between_mps(span_s, x, y, start_cap, end_cap, k);
        if (v > enough_below_mps) {
          candidates.push_back({CoreBound{v, p, b.s_m - a.s_m, span_s, !std::isnan(start_cap) || !std::isnan(end_cap)}, i,
                                static_cast<std::ptrdiff_t>(j)});
        }
      }
    }
    CoreBound here = robust_bound(candidates);
    here.point_m = p;
    if (here.mps < core.mps) core = here;
    if (core.mps <= enough_below_mps) break;
  }
  if (!(core.mps < kInf)) core = CoreBound{};
  return core;
}

}  // namespace drivelog::detect
