#include "sim/gps_sampler.hpp"

#include <algorithm>
#include <cmath>

#include "map/geo.hpp"

namespace drivelog::sim {
namespace {
constexpr double kPi = 3.14159265358979323846;

// First-order Gauss-Markov process: e' = rho e + sqrt(1 - rho^2) sigma n keeps the stationary
// standard deviation at sigma whatever the correlation time (rho = 0: white noise).
struct GaussMarkov {
  double rho = 0, innovation = 1, sigma = 0, value = 0;

  GaussMarkov(double sigma_m, double correlation_s, double period_s, Rng& rng)
      : rho(correlation_s > 0 ? std::exp(-period_s / correlation_s) : 0.0),
        innovation(std::sqrt(1 - rho * rho)),
        sigma(sigma_m),
        value(rng.normal(0, sigma_m)) {}

  double step(Rng& rng) { return value = rho * value + innovation * rng.normal(0, sigma); }
};

bool in_tunnel(const map::MapView& map, const Drive& drive, double s_m) {
  return map.edge(drive.route[drive.geometry.step_at(s_m)].edge).has(map::edge_flags::kTunnel);
}

}  // namespace

double street_density(const map::MapView& map, double lat, double lon) {
  constexpr double kRadiusM = 40;
  thread_local std::vector<map::SegmentRef> near;
  thread_local std::vector<uint32_t> edges;
  near.clear();
  edges.clear();
  map.segments_near(map::Coord::from_degrees(lat, lon), kRadiusM, near);
  const map::geo::LocalProjection projection(lat, lon);
  for (const map::SegmentRef& ref : near) {
    const auto shape = map.edge_shape(ref.edge);
    const double ax = projection.x(shape[ref.segment].lon()), ay = projection.y(shape[ref.segment].lat());
    const double bx = projection.x(shape[ref.segment + 1].lon()), by = projection.y(shape[ref.segment + 1].lat());
    const double dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(-(ax * dx + ay * dy) / length2, 0.0, 1.0) : 0.0;
    if (std::hypot(ax + t * dx, ay + t * dy) <= kRadiusM) edges.push_back(ref.edge);
  }
  std::sort(edges.begin(), edges.end());
  const auto distinct = static_cast<double>(std::unique(edges.begin(), edges.end()) - edges.begin());
  return std::clamp((distinct - 2) / 6, 0.0, 1.0);
}

std::vector<GpsFix> sample_gps(const map::MapView& map, const Drive& drive, const GpsConfig& gps, Rng& rng,
                               Rng& extra_rng) {
  std::vector<GpsFix> fixes;
  if (gps.hz <= 0) return fixes;
  const double period = 1.0 / gps.hz;
  const double duration = drive.profile.duration_s();
  const auto& projection = drive.geometry.projection();
  const auto count = static_cast<size_t>(std::floor(duration * gps.hz)) + 1;
  fixes.reserve(count);
  GaussMarkov east_error(gps.noise_m, gps.noise_correlation_s, period, rng);
  GaussMarkov north_error(gps.noise_m, gps.noise_correlation_s, period, rng);
  const bool canyon = gps.canyon_m > 0;
  GaussMarkov canyon_error(canyon ? gps.canyon_m : 0, gps.canyon_correlation_s, period, extra_rng);
  double long_gap_start = -1, long_gap_end = -1;
  if (gps.long_gap_rate > 0 && extra_rng.chance(gps.long_gap_rate)) {
    const double length = extra_rng.uniform(gps.min_long_gap_s, gps.max_long_gap_s);
    // Somewhere inside the trip, leaving fixes at both ends (a gap at the very end is a shorter log).
    long_gap_start = extra_rng.uniform(std::min(30.0, duration / 4), std::max(duration / 4, duration - length - 30));
    long_gap_end = long_gap_start + length;
  }
  double heading = drive.geometry.position_at(0).heading_deg;
  double dropout_until = -1;
  double density = 0, density_at_m = -1e9;
  for (size_t k = 0; k < count; ++k) {
    const double t = static_cast<double>(k) * period;
    if (k > 0) {
      east_error.step(rng);
      north_error.step(rng);
      if (canyon) canyon_error.step(extra_rng);
    }
    // Draw every random number for every tick, so a dropout does not shift later fixes.
    const bool starts_dropout = rng.chance(gps.dropout_rate);
    const double dropout_s = rng.uniform(gps.min_dropout_s, gps.max_dropout_s);
    const bool outlier = rng.chance(gps.outlier_rate);
    const double outlier_m = rng.uniform(gps.min_outlier_m, gps.max_outlier_m);
    const double outlier_dir = rng.uniform(0, 2 * kPi);
    const double speed_noise = rng.normal(0, gps.speed_noise_mps);
    const double heading_noise = rng.normal(0, gps.heading_noise_deg);
    const double accuracy_factor = rng.uniform(0.8, 1.3);
    const double jitter_east = gps.jitter_m > 0 ? extra_rng.normal(0, gps.jitter_m) : 0.0;
    const double jitter_north = gps.jitter_m > 0 ? extra_rng.normal(0, gps.jitter_m) : 0.0;
    if (t < dropout_until) continue;
    if (starts_dropout && k > 0 && k + 1 < count) {
      dropout_until = t + dropout_s;
      continue;
    }
    const bool last = k + 1 == count;
    if (!last && k > 0 && t >= long_gap_start && t < long_gap_end) continue;
    const auto state = drive.profile.at(t);
    if (gps.tunnel_gaps && !last && k > 0 && in_tunnel(map, drive, state.s_m)) continue;
    const auto where = drive.geometry.position_at(state.s_m);
    if (state.speed_mps > 0.5) heading = where.heading_deg;  // a standing receiver keeps its last heading
    double east = east_error.value + jitter_east, north = north_error.value + jitter_north;
    if (canyon) {
      // Reflections off the buildings on both sides push the fix across the street, more so the
      // denser the streets (re-measured every 10 m of travel).
      if (std::fabs(state.s_m - density_at_m) > 10) {
        density = street_density(map, where.lat, where.lon);
        density_at_m = state.s_m;
      }
      const double across = density * canyon_error.value;
      const double h = where.heading_deg * kPi / 180;
      east += across * std::cos(h);
      north -= across * std::sin(h);
    }
    if (outlier) {
      east += outlier_m * std::sin(outlier_dir);
      north += outlier_m * std::cos(outlier_dir);
    }
    GpsFix fix;
    fix.time_s = t;
    fix.lat = where.lat + north / projection.meters_per_deg_lat;
    fix.lon = where.lon + east / projection.meters_per_deg_lon;
    fix.speed_mps = std::max(0.0, state.speed_mps + speed_noise);
    fix.heading_deg = std::fmod(heading + heading_noise + 360.0, 360.0);
    fix.accuracy_m = std::max(1.0, gps.noise_m * accuracy_factor);
    fix.true_lat = where.lat;
    fix.true_lon = where.lon;
    fix.outlier = outlier;
    fixes.push_back(fix);
  }
  return fixes;
}

std::vector<ReceiverGap> receiver_gaps(const std::vector<GpsFix>& fixes, double hz) {
  std::vector<ReceiverGap> gaps;
  if (hz <= 0) return gaps;
  const double longest_regular_s = 1.5 / hz;
  for (size_t k = 1; k < fixes.size(); ++k) {
    if (fixes[k].time_s - fixes[k - 1].time_s > longest_regular_s) gaps.push_back({fixes[k - 1].time_s, fixes[k].time_s});
  }
  return gaps;
}

}  // namespace drivelog::sim
