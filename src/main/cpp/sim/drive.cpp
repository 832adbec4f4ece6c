#include "sim/drive.hpp"

#include <algorithm>
#include <cmath>

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
      stops.push_back(StopOnRoute{step, geometry.step_end_m(step), sign.osm_node_id, map.node_coord(node), false});
      break;  // one sign per approach is enough to stop for
    }
  }
  return stops;
}

// Picks one stretch of known, finite limits to speed on; none if the route has no such edge.
std::vector<SpeedingStretch> choose_speeding(const map::MapView& map, const SimConfig& config,
                                             const std::vector<DirectedEdge>& route, const RouteGeometry& geometry,
                                             Rng& rng) {
  std::vector<size_t> eligible;
  for (size_t step = 0; step < route.size(); ++step) {
    if (limit_kmh(map, route[step]) > 0) eligible.push_back(step);
  }
  if (eligible.empty()) return {};
  const size_t first = eligible[rng.below(eligible.size())];
  const double start = geometry.step_start_m(first);
  double end = start;
  for (size_t step = first; step < route.size() && end - start < config.injection.speeding_stretch_m; ++step) {
    if (limit_kmh(map, route[step]) <= 0) break;
    end = std::min(geometry.step_end_m(step), start + config.injection.speeding_stretch_m);
  }
  return {SpeedingStretch{start, end}};
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

Drive plan_drive(const map::MapView& map, const SimConfig& config, std::vector<DirectedEdge> route, Rng& rng) {
  const DriverConfig& driver = config.driver;
  const InjectionConfig& injection = config.injection;
  RouteGeometry geometry(map, route);
  const double length = geometry.length_m();
  const size_t n = std::max<size_t>(2, static_cast<size_t>(std::ceil(length / kProfileSpacingM)) + 1);
  const double speed_factor = rng.uniform(driver.min_speed_factor, driver.max_speed_factor);
  const double accel = rng.uniform(driver.min_accel_mps2, driver.max_accel_mps2);
  const double brake = rng.uniform(driver.min_brake_mps2, driver.max_brake_mps2);

  auto stops = stops_on(map, route, geometry);
  for (auto& stop : stops) stop.rolling = rng.chance(config.rates.stop_sign);
  std::vector<SpeedingStretch> speeding;
  if (rng.chance(config.rates.speeding)) speeding = choose_speeding(map, config, route, geometry, rng);
  const double speeding_factor = rng.uniform(injection.min_speeding_factor, injection.max_speeding_factor);

  std::vector<double> cap(n), dwell(n, 0.0);
  auto index_of = [&](double s) { return std::min(n - 1, static_cast<size_t>(std::lround(s / kProfileSpacingM))); };
  for (size_t i = 0; i < n; ++i) {
    const double s = std::min(static_cast<double>(i) * kProfileSpacingM, length);
    const DirectedEdge d = route[geometry.step_at(s)];
    const double limit = limit_kmh(map, d);
    double target_kmh = (limit > 0 ? limit : default_cruise_kmh(map, d)) * speed_factor;
    for (const auto& stretch : speeding) {
      if (limit > 0 && s >= stretch.start_m && s <= stretch.end_m) {
        target_kmh = std::max(limit * speeding_factor, limit + injection.min_speeding_excess_kmh);
      }
    }
    cap[i] = target_kmh / 3.6;
  }
  for (const auto& bend : geometry.bends()) {
    const double half = std::min(bend.angle_deg, 179.0) * kPi / 360.0;
    const double radius = driver.corner_radius_scale_m / std::tan(half);
    const double corner = std::max(driver.min_corner_speed_mps, std::sqrt(driver.lateral_accel_mps2 * radius));
    auto& c = cap[index_of(bend.s_m)];
    c = std::min(c, corner);
  }
  for (const auto& stop : stops) {
    if (stop.rolling) {
      const double rolling = rng.uniform(injection.min_rolling_speed_kmh, injection.max_rolling_speed_kmh) / 3.6;
      // Rolling means the whole approach stays at or above that speed: cap only at the line.
      auto& c = cap[index_of(stop.line_m)];
      c = std::min(c, rolling);
    } else {
      const size_t i = index_of(std::max(0.0, stop.line_m - driver.stop_line_offset_m));
      cap[i] = 0;
      dwell[i] = std::max(dwell[i], rng.uniform(driver.min_stop_wait_s, driver.max_stop_wait_s));
    }
  }
  const double waits = length / 1000.0 * driver.waits_per_km;
  auto wait_count = static_cast<size_t>(std::floor(waits));
  if (rng.chance(waits - static_cast<double>(wait_count))) ++wait_count;
  for (size_t k = 0; k < wait_count && length > 100; ++k) {
    const size_t i = index_of(rng.uniform(50, length - 50));
    cap[i] = 0;
    dwell[i] = std::max(dwell[i], rng.uniform(driver.min_wait_s, driver.max_wait_s));
  }
  SpeedProfile profile(length, kProfileSpacingM, std::move(cap), dwell, accel, brake);
  return Drive{std::move(route), std::move(geometry), std::move(profile), std::move(stops), std::move(speeding)};
}

}  // namespace drivelog::sim
