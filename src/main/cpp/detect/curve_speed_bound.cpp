#include "detect/curve_speed_bound.hpp"

#include <algorithm>
#include <limits>

namespace drivelog::detect {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kStepM = 1;  // core points bounded this far apart; each stands for half a step either side

// Time to cover `d` metres at the speed envelope min(sqrt(c^2 + 2 rise s), ceiling, sqrt(v^2 + 2 fall (d - s))):
// rising from at most c (NaN: no cap) at rate `rise`, then falling to v at rate `fall`, never over
// `ceiling` (v <= ceiling; inf: none).
double envelope_time_s(double c, double rise, double v, double fall, double d, double ceiling) {
  if (d <= 0) return 0;
  double peak2 = kInf, cross = 0;
  if (!std::isnan(c)) {
    cross = std::clamp((v * v + 2 * fall * d - c * c) / (2 * (rise + fall)), 0.0, d);
    // (the lower of the two at the crossing: where c is over the falling envelope, that one)
    peak2 = std::min(c * c + 2 * rise * cross, v * v + 2 * fall * (d - cross));
  } else {
    peak2 = v * v + 2 * fall * d;
  }
  if (peak2 <= ceiling * ceiling) {
    if (std::isnan(c)) return (std::sqrt(v * v + 2 * fall * d) - v) / fall;
    return (std::sqrt(c * c + 2 * rise * cross) - c) / rise + (std::sqrt(v * v + 2 * fall * (d - cross)) - v) / fall;
  }
  // Up to the ceiling (from c where under it), along it, down from it to v.
  const double from = std::isnan(c) ? ceiling : std::min(c, ceiling);
  const double up_m = (ceiling * ceiling - from * from) / (2 * rise);
  const double down_m = (ceiling * ceiling - v * v) / (2 * fall);
  return (ceiling - from) / rise + std::max(0.0, d - up_m - down_m) / ceiling + (ceiling - v) / fall;
}

// A reported speed as an upper bound on the speed `shift_m` nearer p (NaN: none reported).
double raised_cap(double reported_mps, double margin_mps, double rate_mps2, double shift_m) {
  if (std::isnan(reported_mps)) return NAN;
  const double c = reported_mps + margin_mps;
  return std::sqrt(c * c + 2 * rate_mps2 * shift_m);
}

}  // namespace

double least_time_s(double v, double x, double y, double start_cap, double end_cap, const KinematicLimits& k,
                    double ceiling) {
  x = std::max(0.0, x);
  y = std::max(0.0, y);
  if (v > ceiling) return kInf;
  // v must be reachable from the start's speed and leave the end's speed reachable.
  if (!std::isnan(start_cap) && v * v > start_cap * start_cap + 2 * k.accel_mps2 * x) return kInf;
  if (!std::isnan(end_cap) && v * v > end_cap * end_cap + 2 * k.brake_mps2 * y) return kInf;
  // Before p: up from the start at most at accel, down into p at most at brake. After p: the
  // mirror image (up from p at accel, down into the end at brake), the same integral.
  return envelope_time_s(start_cap, k.accel_mps2, v, k.brake_mps2, x, ceiling) +
         envelope_time_s(end_cap, k.brake_mps2, v, k.accel_mps2, y, ceiling);
}

double lowest_speed_between_mps(double time_s, double x, double y, double start_cap, double end_cap,
                                const KinematicLimits& k, double ceiling) {
  const auto t = [&](double v) { return least_time_s(v, x, y, start_cap, end_cap, k, ceiling); };
  if (t(0) <= time_s) return 0;  // it could have stopped at p
  double hi = std::min(100.0, ceiling);
  if (!std::isnan(start_cap)) hi = std::min(hi, std::sqrt(start_cap * start_cap + 2 * k.accel_mps2 * std::max(0.0, x)));
  if (!std::isnan(end_cap)) hi = std::min(hi, std::sqrt(end_cap * end_cap + 2 * k.brake_mps2 * std::max(0.0, y)));
  // Even the fastest speed the caps allow is too slow to cover the span: the fixes contradict the
  // assumptions (a harder brake or acceleration, a misplaced fix): nothing is proven.
  if (!(t(hi) <= time_s)) return 0;
  double lo = 0;  // least_time(lo) > time_s throughout: lo stays a lower bound
  for (int i = 0; i < 40; ++i) {
    const double mid = (lo + hi) / 2;
    (t(mid) > time_s ? lo : hi) = mid;
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

// The best candidate's bound (none: 0).
CoreBound best_bound(const std::vector<Candidate>& candidates) {
  CoreBound best{};
  for (const Candidate& c : candidates) {
    if (c.bound.mps > best.mps) best = c.bound;
  }
  return best;
}

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
  const auto slack_of = [](const BoundFix& f) { return f.placement_m + kStepM / 2; };
  // The lowest speed at p that fixes i and j prove with the car between x and x_max before p and
  // between y and y_max past it (0: none). The pair is taken `slack` nearer p than placed, and may
  // really lie `slack` further out: the car may have gained speed over up to twice the slack before
  // reaching where the cap is put. A reported speed is also a floor (less its margin): the car had to
  // brake from it to v by p, and to regain it from v after p, which needs distance, and that
  // distance takes time.
  const auto pair_speed = [&](std::size_t i, std::size_t j, double x, double x_max, double y, double y_max) {
    const BoundFix& a = fixes[i];
    const BoundFix& b = fixes[j];
    const double span_s = b.time_s - a.time_s;
    if (!(span_s > 0)) return 0.0;
    const double start_cap = raised_cap(a.speed_mps, settings.speed_margin_mps, k.accel_mps2, 2 * slack_of(a));
    const double end_cap = raised_cap(b.speed_mps, settings.speed_margin_mps, k.brake_mps2, 2 * slack_of(b));
    // With both speeds reported, the car may have driven at most peak_over_fixes_mps faster than
    // the faster of them (and its margin) between them.
    const double ceiling = std::isnan(a.speed_mps) || std::isnan(b.speed_mps)
                               ? kInf
                               : std::max(a.speed_mps, b.speed_mps) + settings.speed_margin_mps + settings.peak_over_fixes_mps;
    const double start_floor = std::isnan(a.speed_mps) ? 0 : std::max(0.0, a.speed_mps - settings.speed_margin_mps);
    const double end_floor = std::isnan(b.speed_mps) ? 0 : std::max(0.0, b.speed_mps - settings.speed_margin_mps);
    const auto t = [&](double v) {
      const double xv = std::max(x, (start_floor * start_floor - v * v) / (2 * k.brake_mps2));
      const double yv = std::max(y, (end_floor * end_floor - v * v) / (2 * k.accel_mps2));
      if (xv > x_max || yv > y_max) return kInf;  // too slow at p for the speeds reported
      return least_time_s(v, xv, yv, start_cap, end_cap, k, ceiling);
    };
    // Only a pair that proves more than enough_below_mps matters: one evaluation tells.
    if (!(t(enough_below_mps) > span_s)) return 0.0;
    double hi = std::min(100.0, ceiling);
    if (!std::isnan(start_cap)) hi = std::min(hi, std::sqrt(start_cap * start_cap + 2 * k.accel_mps2 * std::max(0.0, x_max)));
    if (!std::isnan(end_cap)) hi = std::min(hi, std::sqrt(end_cap * end_cap + 2 * k.brake_mps2 * std::max(0.0, y_max)));
    // Even the fastest speed the caps allow is too slow to cover the span: the fixes contradict the
    // assumptions (a harder brake or acceleration, a misplaced fix): nothing is proven.
    if (!(t(hi) <= span_s)) return 0.0;
    double lo = enough_below_mps;  // t(lo) > span_s throughout: lo stays a lower bound
    for (int n = 0; n < 40; ++n) {
      const double mid = (lo + hi) / 2;
      (t(mid) > span_s ? lo : hi) = mid;
    }
    return lo;
  };
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
      if (a.s_m + slack > p) {
        // p within the fix's placement of it: the car passed p either before or after the fix.
        // Either way it is bounded by a pair with the fix at p (nothing between them), so the
        // lower of the two best such bounds holds (none on a side: nothing).
        if (a.s_m - slack < p && settings.near_fix_pairs) {
          double before = 0, after = 0;
          for (std::size_t h = i; h-- > 0 && a.time_s - fixes[h].time_s <= settings.max_span_s;) {
            const BoundFix& f = fixes[h];
            if (f.s_m + slack_of(f) > p) continue;
            const double x = shorter(p - f.s_m, h, p) - slack_of(f);
            before = std::max(before, pair_speed(h, i, x, p - f.s_m + slack_of(f), 0, a.s_m + slack - p));
          }
          for (std::size_t j = i + 1; j < fixes.size() && fixes[j].time_s - a.time_s <= settings.max_span_s; ++j) {
            const BoundFix& f = fixes[j];
            if (f.s_m - slack_of(f) < p) continue;
            const double y = shorter(f.s_m - p, j, p) - slack_of(f);
            after = std::max(after, pair_speed(i, j, 0, p - a.s_m + slack, y, f.s_m - p + slack_of(f)));
          }
          const double v = std::min(before, after);
          if (v > enough_below_mps) candidates.push_back({CoreBound{v, p, 0, 0, !std::isnan(a.speed_mps)}, i, -1});
        }
        continue;
      }
      const double x = shorter(p - a.s_m, i, p) - slack;
      for (std::size_t j = i + 1; j < fixes.size(); ++j) {
        const BoundFix& b = fixes[j];
        const double span_s = b.time_s - a.time_s;
        if (span_s > settings.max_span_s) break;
        if (b.s_m - slack_of(b) < p || !(span_s > 0)) continue;
        const double v = pair_speed(i, j, x, p - a.s_m + slack, shorter(b.s_m - p, j, p) - slack_of(b), b.s_m - p + slack_of(b));
        if (v > enough_below_mps) {
          const bool capped = !std::isnan(a.speed_mps) || !std::isnan(b.speed_mps);
          candidates.push_back({CoreBound{v, p, b.s_m - a.s_m, span_s, capped}, i, static_cast<std::ptrdiff_t>(j)});
        }
      }
    }
    CoreBound here = settings.one_fix_may_lie ? robust_bound(candidates) : best_bound(candidates);
    here.point_m = p;
    if (here.mps < core.mps) core = here;
    if (core.mps <= enough_below_mps) break;
  }
  if (!(core.mps < kInf)) core = CoreBound{};
  return core;
}

}  // namespace drivelog::detect
