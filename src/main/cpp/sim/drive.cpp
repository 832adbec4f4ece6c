#include "sim/drive.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "sim/event_injection.hpp"

namespace drivelog::sim {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<StopOnRoute> stops_on(const map::MapView& map, const std::vector<DirectedEdge>& route,
                                  const RouteGeometry& geometry) {
  std::vector<StopOnRoute> stops;
  for (size_t step = 0; step < route.size(); ++step) {
    const uint32_t node = end_node(map, route[step]);
    for (const auto& sign : map.stop_signs_on(route[step].edge)) {
      if (sign.node != node) continue;
      stops.push_back(StopOnRoute{step, geometry.step_end_m(step), sign.osm_node_id, map.node_coord(node), false, 0, 0});
      break;  // one sign per approach is enough to stop for
    }
  }
  return stops;
}

// Picks one stretch of known, finite limits to speed on, with room for a clear episode (at least
// min_speeding_room_m of such limits before the route's last 100 m); none if there is no such place.
std::vector<SpeedingStretch> choose_speeding(const SimConfig& config, const std::vector<DirectedEdge>& route,
                                             const RouteGeometry& geometry, Rng& rng,
                                             const std::vector<double>& step_limits_kmh) {
  const InjectionConfig& injection = config.injection;
  const double usable_end = geometry.length_m() - 100;
  // Where the run of known limits that contains each step ends (one backward pass).
  std::vector<double> run_end_m(route.size() + 1, 0.0);
  for (size_t step = route.size(); step-- > 0;) {
    const bool known = step_limits_kmh[step] > 0;
    const bool next_known = step + 1 < route.size() && step_limits_kmh[step + 1] > 0;
    run_end_m[step] = !known ? geometry.step_start_m(step) : next_known ? run_end_m[step + 1] : geometry.step_end_m(step);
  }
  std::vector<size_t> eligible;
  for (size_t step = 0; step < route.size(); ++step) {
    if (std::min(run_end_m[step], usable_end) - geometry.step_start_m(step) >= injection.min_speeding_room_m) {
      eligible.push_back(step);
    }
  }
  if (eligible.empty()) return {};
  const size_t first = eligible[rng.below(eligible.size())];
  const double start = geometry.step_start_m(first);
  double end = start;
  for (size_t step = first; step < route.size() && end - start < injection.speeding_stretch_m; ++step) {
    if (step_limits_kmh[step] <= 0) break;
    end = std::min({geometry.step_end_m(step), start + injection.speeding_stretch_m, usable_end});
  }
  return {SpeedingStretch{start, end}};
}

double min_speed_mps(const SpeedProfile& profile, double from_m, double to_m) {
  double lowest = 1e9;
  const auto& points = profile.points();
  for (size_t k = profile.index_at(std::max(0.0, from_m)); k < points.size() && points[k].s_m <= to_m; ++k) {
    if (points[k].s_m >= from_m) lowest = std::min(lowest, points[k].speed_mps);
  }
  return lowest;
}

// How a speeding stretch was driven against the truth's threshold: its longest run over one limit
// (the truth splits an episode where the limit changes); and where runs too short to be clear came
// before its first clear run or after the clear runs that follow it (apart by a corner's dip or a
// change of limit), the slowest point between them and the clear ones.
struct RunsOver {
  double longest_s = 0;
  bool clear = false;
  std::optional<double> slowest_before_m, slowest_after_m;  // where to cut, if anywhere
};

RunsOver runs_over(const SpeedProfile& profile, const std::vector<double>& limits_kmh, const TruthThresholds& th,
                   const SpeedingStretch& stretch, double clear_s) {
  const auto& points = profile.points();
  RunsOver out;
  double run = 0;
  bool run_before = false;                        // a run ended before the current one began
  double slowest_mps = 1e9, slowest_m = 0;        // since the last run ended
  double slowest_before_run_m = 0;                // in the gap before the current run
  const auto end_run = [&]() {
    if (run == 0) return;
    if (out.clear) {
      if (run < clear_s && !out.slowest_after_m) out.slowest_after_m = slowest_before_run_m;
    } else if (run >= clear_s) {
      out.clear = true;
      if (run_before) out.slowest_before_m = slowest_before_run_m;
    } else {
      run_before = true;
    }
    run = 0;
    slowest_mps = 1e9;
  };
  for (size_t k = std::max<size_t>(1, profile.index_at(stretch.start_m)); k < points.size() && points[k].s_m <= stretch.end_m; ++k) {
    const double limit = limits_kmh[k];
    const double threshold = std::max(limit * (1 + th.speeding_tolerance_percent / 100), limit + th.speeding_tolerance_kmh);
    if (limit > 0 && limits_kmh[k - 1] == limit && points[k].speed_mps * 3.6 > threshold &&
        points[k - 1].speed_mps * 3.6 > threshold) {
      if (run == 0) slowest_before_run_m = slowest_m;
      run += points[k].arrive_s - points[k - 1].depart_s;
      out.longest_s = std::max(out.longest_s, run);
      continue;
    }
    end_run();
    if (points[k].speed_mps < slowest_mps) {
      slowest_mps = points[k].speed_mps;
      slowest_m = points[k].s_m;
    }
  }
  end_run();
  return out;
}

struct Wait {
  double s_m, seconds;
};

// Red signals on the route: a wait at the line, after creeping up the queue in a few short moves.
uint32_t add_red_signals(const map::MapView& map, const DriverConfig& driver, const std::vector<DirectedEdge>& route,
                         const RouteGeometry& geometry, Rng& rng, std::vector<Wait>& waits) {
  constexpr double kLineBeforeNodeM = 3;
  uint32_t red = 0;
  for (size_t step = 0; step + 1 < route.size(); ++step) {
    if (!map.has_signal(end_node(map, route[step])) || !rng.chance(driver.signal_red_rate)) continue;
    const double line = geometry.step_end_m(step) - kLineBeforeNodeM;
    const auto moves = static_cast<int>(rng.below(static_cast<uint64_t>(driver.max_queue_moves) + 1));
    double red_left = rng.uniform(driver.min_red_s, driver.max_red_s);
    double at = line;
    std::vector<double> stops{line};
    for (int m = 0; m < moves; ++m) stops.push_back(at -= rng.uniform(5, 12));
    if (stops.back() < 10) continue;  // too close to the start of the trip for a queue
    for (auto it = stops.rbegin(); it != stops.rend(); ++it) {
      const bool last = it + 1 == stops.rend();
      const double wait = last ? std::max(2.0, red_left) : std::max(2.0, rng.uniform(0.1, 0.4) * red_left);
      red_left -= wait;
      waits.push_back(Wait{*it, wait});
    }
    ++red;
  }
  return red;
}

}  // namespace

double default_cruise_kmh(const map::MapView& map, DirectedEdge d) {
  using map::RoadClass;
  if (limit_kmh(map, d) < 0) return 130;
  switch (map.edge(d.edge).road_class) {
    case RoadClass::motorway: return 120;
    case RoadClass::trunk: return 100;
    case RoadClass::primary: return 70;
    case RoadClass::secondary: return 60;
    case RoadClass::tertiary:
    case RoadClass::unclassified:
    case RoadClass::motorway_link:
    case RoadClass::trunk_link: return 50;
    case RoadClass::primary_link:
    case RoadClass::secondary_link:
    case RoadClass::tertiary_link:
    case RoadClass::residential:
    case RoadClass::road: return 40;
    case RoadClass::service:
    case RoadClass::track: return 20;
    case RoadClass::living_street: return 10;
    case RoadClass::count: break;
  }
  return 30;
}

Drive plan_drive(const map::MapView& map, const SimConfig& config, std::vector<DirectedEdge> route, Rng& rng,
                 Rng& extra_rng, int32_t local_day, std::vector<double> step_limits_kmh) {
  const DriverConfig& driver = config.driver;
  if (step_limits_kmh.size() != route.size()) {
    step_limits_kmh.resize(route.size());
    for (size_t step = 0; step < route.size(); ++step) step_limits_kmh[step] = limit_kmh(map, route[step], local_day);
  }
  const InjectionConfig& injection = config.injection;
  RouteGeometry geometry(map, route);
  const double length = geometry.length_m();
  const size_t n = std::max<size_t>(2, static_cast<size_t>(std::ceil(length / kProfileSpacingM)) + 1);
  const double speed_factor = rng.uniform(driver.min_speed_factor, driver.max_speed_factor);
  const double accel = rng.uniform(driver.min_accel_mps2, driver.max_accel_mps2);
  const double brake = rng.uniform(driver.min_brake_mps2, driver.max_brake_mps2);

  // Every random choice first, so that re-planning below draws nothing and stays deterministic.
  auto stops = stops_on(map, route, geometry);
  for (auto& stop : stops) {
    // A drive that ends within the log's error past the line stands there anyway: no log tells its
    // rolling stop from a stop at the line (--min-separation-m; the draw is made either way).
    const bool rolls = rng.chance(config.rates.stop_sign);
    stop.rolling = rolls && length - stop.line_m >= injection.min_separation_m;
    stop.rolling_speed_mps = rng.uniform(injection.min_rolling_speed_kmh, injection.max_rolling_speed_kmh) / 3.6;
    stop.wait_s = rng.uniform(driver.min_stop_wait_s, driver.max_stop_wait_s);
  }
  std::vector<SpeedingStretch> speeding;
  if (rng.chance(config.rates.speeding)) speeding = choose_speeding(config, route, geometry, rng, step_limits_kmh);
  const double speeding_factor = rng.uniform(injection.min_speeding_factor, injection.max_speeding_factor);
  std::vector<Wait> waits;
  const double expected_waits = length / 1000.0 * driver.waits_per_km;
  auto wait_count = static_cast<size_t>(std::floor(expected_waits));
  if (rng.chance(expected_waits - static_cast<double>(wait_count))) ++wait_count;
  for (size_t k = 0; k < wait_count && length > 100; ++k) {
    const double s = rng.uniform(50, length - 50);
    waits.push_back(Wait{s, rng.uniform(driver.min_wait_s, driver.max_wait_s)});
  }
  const uint32_t red_signals =
      driver.signal_red_rate > 0 ? add_red_signals(map, driver, route, geometry, extra_rng, waits) : 0;

  std::vector<double> limits(n), base_cap(n);
  auto index_of = [&](double s) { return std::min(n - 1, static_cast<size_t>(std::lround(s / kProfileSpacingM))); };
  for (size_t i = 0; i < n; ++i) {
    const size_t step = geometry.step_at(std::min(static_cast<double>(i) * kProfileSpacingM, length));
    const DirectedEdge d = route[step];
    limits[i] = step_limits_kmh[step];
    base_cap[i] = (limits[i] > 0 ? limits[i] : default_cruise_kmh(map, d)) * speed_factor / 3.6;
  }
  std::vector<double> bend_cap(n, 1e9);
  for (const auto& bend : geometry.bends()) {
    const double half = std::min(bend.angle_deg, 179.0) * kPi / 360.0;
    const double radius = driver.corner_radius_scale_m / std::tan(half);
    auto& c = bend_cap[index_of(bend.s_m)];
    c = std::min(c, std::max(driver.min_corner_speed_mps, std::sqrt(driver.lateral_accel_mps2 * radius)));
  }
  // The advisory speed (maxspeed:advisory) of the edge at every grid point, in the direction driven.
  std::vector<uint16_t> advisory(n, map::kSpeedUnknown);
  bool any_advisory = false;
  for (size_t i = 0; i < n; ++i) {
    const DirectedEdge d = route[geometry.step_at(std::min(static_cast<double>(i) * kProfileSpacingM, length))];
    advisory[i] = map.advisory_speed(d.edge, !d.reversed);
    any_advisory = any_advisory || advisory[i] != map::kSpeedUnknown;
  }
  // The route's curvature at every grid point, as the engine measures it: for curve speeds and events.
  std::vector<map::CurvatureSample> curvature;
  const bool events_on = config.event_rates.hard_stop > 0 || config.event_rates.hard_acceleration > 0 ||
                         config.event_rates.fast_corner > 0 || config.event_rates.fast_curve > 0;
  if (driver.curve_lateral_accel_mps2 > 0 || events_on || any_advisory) {
    map::sample_curvature(geometry.planar(), kProfileSpacingM, curvature);
  }
  // A curve signed with an advisory speed is driven at no more than that over the whole curve, the
  // stretch the engine judges against it (detect/curve_speed.hpp): a legal drive gives no finding.
  if (any_advisory) {
    for (const map::Curve& c : map::find_curves(curvature, map::CurveShape{})) {
      const uint16_t signed_tenths = advisory_over(advisory, c.start_s_m, c.end_s_m);
      if (signed_tenths == map::kSpeedUnknown) continue;
      for (size_t i = index_of(c.start_s_m); i <= index_of(c.end_s_m); ++i) {
        bend_cap[i] = std::min(bend_cap[i], signed_tenths / 36.0);
      }
    }
  }
  if (driver.curve_lateral_accel_mps2 > 0) {
    for (size_t i = 0; i < n && i < curvature.size(); ++i) {
      if (curvature[i].curvature <= 0) continue;
      const double curve_speed = std::sqrt(driver.curve_lateral_accel_mps2 / curvature[i].curvature);
      bend_cap[i] = std::min(bend_cap[i], std::max(driver.min_corner_speed_mps, curve_speed));
    }
  }
  std::vector<double> natural_cap(n);
  for (size_t i = 0; i < n; ++i) natural_cap[i] = std::min(base_cap[i], bend_cap[i]);
  // Where the driver stops anyway (signs, waits) is no place for a hard stop's approach or a hard start's run.
  for (const auto& wait : waits) natural_cap[index_of(wait.s_m)] = 0;
  for (const auto& stop : stops) natural_cap[index_of(std::max(0.0, stop.line_m - driver.stop_line_offset_m))] = 0;
  EventPlan events = plan_events(config, geometry, natural_cap, base_cap, advisory, curvature, accel, brake, extra_rng);
  for (const EventPlan::Stop& stop : events.stops) waits.push_back(Wait{stop.s_m, stop.wait_s});

  auto plan = [&]() {
    std::vector<double> cap(n), dwell(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
      double target = base_cap[i];
      const double s = static_cast<double>(i) * kProfileSpacingM;
      for (const auto& stretch : speeding) {
        if (limits[i] > 0 && s >= stretch.start_m && s <= stretch.end_m) {
          target = std::max(limits[i] * speeding_factor, limits[i] + injection.min_speeding_excess_kmh) / 3.6;
        }
      }
      // An injected fast corner or curve replaces the driver's care there.
      cap[i] = std::min(target, events.corner_cap_mps[i] > 0 ? events.corner_cap_mps[i] : bend_cap[i]);
    }
    for (const auto& stop : stops) {
      if (stop.rolling) {
        // Rolling: the approach slows to that speed at the line and no further.
        auto& c = cap[index_of(stop.line_m)];
        c = std::min(c, stop.rolling_speed_mps);
      } else {
        const size_t i = index_of(std::max(0.0, stop.line_m - driver.stop_line_offset_m));
        cap[i] = 0;
        dwell[i] = std::max(dwell[i], stop.wait_s);
      }
    }
    for (const auto& wait : waits) {
      const size_t i = index_of(wait.s_m);
      cap[i] = 0;
      dwell[i] = std::max(dwell[i], wait.seconds);
    }
    return SpeedProfile(length, kProfileSpacingM, std::move(cap), dwell, events.accel_mps2, events.brake_mps2);
  };

  // An injection the road does not let happen clearly (a bend or a wait at a rolling stop, a
  // speeding stretch cut short by bends) is dropped, so that the truth has no borderline cases
  // that no detector could judge from noisy fixes. Dropping only slows the car, so this settles.
  SpeedProfile profile = plan();
  for (int round = 0; round < 4; ++round) {
    bool changed = false;
    for (auto& stop : stops) {
      if (stop.rolling && min_speed_mps(profile, stop.line_m - config.truth.stop_zone_m, stop.line_m) * 3.6 <
                              injection.min_clear_rolling_kmh) {
        stop.rolling = false;
        changed = true;
      }
    }
    const auto unclear = std::remove_if(speeding.begin(), speeding.end(), [&](const SpeedingStretch& stretch) {
      return runs_over(profile, limits, config.truth, stretch, injection.min_clear_speeding_s).longest_s <
             injection.min_clear_speeding_s;
    });
    if (unclear != speeding.end()) {
      speeding.erase(unclear, speeding.end());
      changed = true;
    }
    // A stretch that goes on past a corner (or a change of limit) can make an episode of any length,
    // as short as the detector's minimum duration (Paris: 5.1 s found, 4.9 s in the truth): the
    // stretch is cut to its clear episodes.
    for (SpeedingStretch& stretch : speeding) {
      const RunsOver runs = runs_over(profile, limits, config.truth, stretch, injection.min_clear_speeding_s);
      // Cut at the slowest point between: the car slows there anyway, the clear episode stays.
      if (runs.slowest_before_m && *runs.slowest_before_m > stretch.start_m) {
        stretch.start_m = *runs.slowest_before_m;
        changed = true;
      }
      if (runs.slowest_after_m && *runs.slowest_after_m < stretch.end_m) {
        stretch.end_m = *runs.slowest_after_m;
        changed = true;
      }
    }
    if (drop_unclear_corner(profile, curvature, config.truth, events)) changed = true;
    if (!changed) break;
    profile = plan();
  }
  return Drive{std::move(route), std::move(geometry), std::move(profile), std::move(stops), std::move(speeding),
               red_signals, local_day, std::move(step_limits_kmh)};
}

}  // namespace drivelog::sim
