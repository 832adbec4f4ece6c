#include "sim/gps_sampler.hpp"

#include <cmath>

namespace drivelog::sim {
namespace {
constexpr double kPi = 3.14159265358979323846;
}

std::vector<GpsFix> sample_gps(const Drive& drive, const GpsConfig& gps, Rng& rng) {
  std::vector<GpsFix> fixes;
  if (gps.hz <= 0) return fixes;
  const double period = 1.0 / gps.hz;
  const double duration = drive.profile.duration_s();
  const auto& projection = drive.geometry.projection();
  const auto count = static_cast<size_t>(std::floor(duration * gps.hz)) + 1;
  fixes.reserve(count);
  // First-order Gauss-Markov error per axis: e' = rho e + sqrt(1 - rho^2) sigma n keeps the
  // stationary standard deviation at sigma whatever the correlation time.
  const double rho = gps.noise_correlation_s > 0 ? std::exp(-period / gps.noise_correlation_s) : 0.0;
  const double innovation = std::sqrt(1 - rho * rho);
  double error_east = rng.normal(0, gps.noise_m), error_north = rng.normal(0, gps.noise_m);
  double heading = drive.geometry.position_at(0).heading_deg;
  double dropout_until = -1;
  for (size_t k = 0; k < count; ++k) {
    const double t = static_cast<double>(k) * period;
    if (k > 0) {
      error_east = rho * error_east + innovation * rng.normal(0, gps.noise_m);
      error_north = rho * error_north + innovation * rng.normal(0, gps.noise_m);
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
    if (t < dropout_until) continue;
    if (starts_dropout && k > 0 && k + 1 < count) {
      dropout_until = t + dropout_s;
      continue;
    }
    const auto state = drive.profile.at(t);
    const auto where = drive.geometry.position_at(state.s_m);
    if (state.speed_mps > 0.5) heading = where.heading_deg;  // a standing receiver keeps its last heading
    double east = error_east, north = error_north;
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
