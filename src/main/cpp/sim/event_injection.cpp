#include "sim/event_injection.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "detect/curve_speed.hpp"

namespace drivelog::sim {
namespace {

// Grid points i whose caps stay at least `speed` from i + from to i + to (no bend or stop in the way).
std::vector<size_t> clear_stretches(const std::vector<double>& cap, double speed, long from, long to) {
  std::vector<size_t> out;
  const long n = static_cast<long>(cap.size());
  for (long i = 150; i + 100 < n; ++i) {
    bool clear = true;
    for (long j = std::max(0L, i + from); j <= std::min(n - 1, i + to) && clear; ++j) clear = cap[static_cast<size_t>(j)] >= speed;
    if (clear) out.push_back(static_cast<size_t>(i));
  }
  return out;
}

template <typename T>
const T* pick(const std::vector<T>& options, Rng& rng) {
  return options.empty() ? nullptr : &options[rng.below(options.size())];
}

}  // namespace

uint16_t advisory_over(const std::vector<uint16_t>& advisory_tenths, double start_m, double end_m) {
  uint16_t lowest = map::kSpeedUnknown;
  const auto first = static_cast<size_t>(std::max(0.0, std::floor(start_m)));
  const auto last = std::min(advisory_tenths.size(), static_cast<size_t>(std::max(0.0, std::ceil(end_m))) + 1);
  for (size_t i = first; i < last; ++i) lowest = detect::lower_advisory(lowest, advisory_tenths[i]);
  return lowest;
}

EventPlan plan_events(const SimConfig& config, const RouteGeometry& geometry, const std::vector<double>& natural_cap_mps,
                      const std::vector<double>& road_cap_mps, const std::vector<uint16_t>& advisory_tenths,
                      const std::vector<map::CurvatureSample>& curvature, double accel_mps2, double brake_mps2, Rng& rng) {
  const EventRates& rates = config.event_rates;
  const EventInjection& inj = config.event_injection;
  const size_t n = natural_cap_mps.size();
  EventPlan plan{{}, std::vector<double>(n, accel_mps2), std::vector<double>(n, brake_mps2), std::vector<double>(n, 0.0)};
  const double event_speed = inj.min_event_speed_kmh / 3.6;
  const auto kappa = [&](size_t i) { return i < curvature.size() ? curvature[i].curvature : 0.0; };
  // No draw at all for an event that is off: the generator's later draws stay those of older settings.
  const auto happens = [&](double rate) { return rate > 0 && rng.chance(rate); };

  if (happens(rates.hard_stop)) {
    // Braking hard from at least the event speed to a standstill: 120 m of straight road before it.
    const double rate = rng.uniform(inj.min_brake_mps2, inj.max_brake_mps2);
    const double wait = rng.uniform(2, 8);
    const std::vector<size_t> places = clear_stretches(natural_cap_mps, event_speed, -150, 0);
    if (const size_t* at = pick(places, rng)) {
      plan.stops.push_back(EventPlan::Stop{static_cast<double>(*at), wait});
      // Hard only over the distance it takes from the road's speed: one clear burst, not two.
      const double from = *std::min_element(natural_cap_mps.begin() + static_cast<long>(*at) - 150,
                                            natural_cap_mps.begin() + static_cast<long>(*at));
      const auto zone = static_cast<size_t>(from * from / (2 * rate)) + 5;
      for (size_t j = *at > zone ? *at - zone : 0; j <= *at; ++j) plan.brake_mps2[j] = rate;
    }
  }
  if (happens(rates.hard_acceleration)) {
    // Pulling away hard from a stop onto 150 m of straight road.
    const double rate = rng.uniform(inj.min_accel_mps2, inj.max_accel_mps2);
    const double wait = rng.uniform(2, 8);
    const std::vector<size_t> places = clear_stretches(natural_cap_mps, event_speed, 0, 150);
    if (const size_t* at = pick(places, rng)) {
      plan.stops.push_back(EventPlan::Stop{static_cast<double>(*at), wait});
      const double to = *std::min_element(natural_cap_mps.begin() + static_cast<long>(*at) + 1,
                                          natural_cap_mps.begin() + static_cast<long>(std::min(n, *at + 150)));
      const auto zone = static_cast<size_t>(to * to / (2 * rate)) + 5;
      for (size_t j = *at + 1; j < std::min(n, *at + zone); ++j) plan.accel_mps2[j] = rate;
    }
  }
  if (happens(rates.fast_corner)) {
    // A sharp bend (a junction's corner) at the speed that gives the injected lateral acceleration
    // on the radius the engine measures, where the road's own speed allows it.
    const double lateral = rng.uniform(inj.min_lateral_mps2, inj.max_lateral_mps2);
    std::vector<size_t> corners;
    for (const auto& bend : geometry.bends()) {
      const auto i = static_cast<size_t>(std::lround(bend.s_m));
      // Not a U-turn (a fast one is no corner) and not at the route's ends.
      if (bend.angle_deg < inj.min_corner_deg || bend.angle_deg > 150 || i < 30 || i + 30 >= n || kappa(i) <= 0) continue;
      if (road_cap_mps[i] >= std::sqrt(lateral / kappa(i))) corners.push_back(i);  // at its sharpest
    }
    if (const size_t* at = pick(corners, rng)) {
      plan.fast_corner_at = static_cast<long>(*at);
      for (size_t j = *at - kFastCornerReach; j <= *at + kFastCornerReach; ++j) {
        // Only the corner itself (sharper than a curve): a curve beside it keeps the driver's care,
        // or it would be taken too fast as well, a second event nobody injected.
        if (kappa(j) * map::CurveShape{}.min_radius_m > 1) plan.corner_cap_mps[j] = std::sqrt(lateral / kappa(j));
      }
    }
  }
  if (happens(rates.fast_curve)) {
    // A curve of the road (as the engine finds them) at a multiple of the speed the engine judges
    // it against: its advisory speed where signed, else its comfortable speed.
    const double factor = rng.uniform(inj.min_curve_factor, inj.max_curve_factor);
    const auto reference = [&](const map::Curve& c) {
      return detect::curve_allowance(config.truth.curve_comfort_mps2, c.min_radius_m,
                                     advisory_over(advisory_tenths, c.start_s_m, c.end_s_m), 0, 0)
          .reference_mps();
    };
    std::vector<map::Curve> curves;
    for (const map::Curve& c : map::find_curves(curvature, map::CurveShape{})) {
      const double speed = factor * reference(c);
      bool reachable = c.start_s_m > 30 && c.end_s_m + 30 < static_cast<double>(n);
      for (auto j = static_cast<size_t>(std::max(0.0, c.start_s_m)); reachable && j <= static_cast<size_t>(c.end_s_m); ++j) {
        reachable = road_cap_mps[j] >= speed;
      }
      if (reachable) curves.push_back(c);
    }
    if (const map::Curve* c = pick(curves, rng)) {
      const double speed = factor * reference(*c);
      const auto first = static_cast<size_t>(std::max(0.0, c->start_s_m - 10));
      const auto last = std::min(n - 1, static_cast<size_t>(c->end_s_m + 10));
      for (size_t j = first; j <= last; ++j) plan.corner_cap_mps[j] = speed;
    }
  }
  return plan;
}

bool drop_unclear_corner(const SpeedProfile& profile, const std::vector<map::CurvatureSample>& curvature,
                         const TruthThresholds& th, EventPlan& plan) {
  if (plan.fast_corner_at < 0) return false;
  const auto& points = profile.points();
  const auto at = static_cast<size_t>(plan.fast_corner_at);
  const auto lateral = [&](size_t k) {
    const double v = points[k].speed_mps;
    return k < curvature.size() ? v * v * curvature[k].curvature : 0.0;
  };
  // The longest run over the threshold, measured as the truth measures an event (truth_events.cpp:
  // one unbroken run of grid steps): two runs of 0.7 s either side of a dip are two runs too short
  // to be events there, not 1.4 s of one.
  double peak = 0, longest_s = 0;
  size_t run_first = 0;  // 0: not in a run (k starts well past 0)
  for (size_t k = at - kFastCornerReach + 1; k <= at + kFastCornerReach && k < points.size(); ++k) {
    peak = std::max(peak, lateral(k));
    if (lateral(k) < th.cornering_mps2) {
      run_first = 0;
      continue;
    }
    if (run_first == 0) run_first = k;
    longest_s = std::max(longest_s, points[k].arrive_s - points[run_first - 1].depart_s);
  }
  if (peak >= 1.25 * th.cornering_mps2 && longest_s >= 1.3 * th.event_min_duration_s) return false;
  for (size_t j = at - kFastCornerReach; j <= at + kFastCornerReach; ++j) plan.corner_cap_mps[j] = 0;
  plan.fast_corner_at = -1;
  return true;
}

}  // namespace drivelog::sim
