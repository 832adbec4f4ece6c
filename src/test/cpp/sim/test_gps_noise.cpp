#include <gtest/gtest.h>

#include <cmath>

#include "map/geo.hpp"
#include "sim/simulator.hpp"
#include "town_fixture.hpp"

namespace drivelog::sim {
namespace {

class GpsNoiseTest : public test::GridTownTest {};

struct ErrorStats {
  double mean_east = 0, mean_north = 0, sd_east = 0, sd_north = 0, mean_distance = 0;
  size_t fixes = 0, outliers = 0;
};

ErrorStats measure(const map::MapView& map, const SimConfig& config, uint32_t trips) {
  double se = 0, sn = 0, se2 = 0, sn2 = 0, sd = 0;
  ErrorStats stats;
  for (uint32_t k = 1; k <= trips; ++k) {
    const auto trip = simulate_trip(map, config, k);
    if (!trip) continue;
    const map::geo::LocalProjection proj(trip->fixes.front().true_lat, trip->fixes.front().true_lon);
    for (const auto& fix : trip->fixes) {
      if (fix.outlier) {
        ++stats.outliers;
        continue;
      }
      const double east = (fix.lon - fix.true_lon) * proj.meters_per_deg_lon;
      const double north = (fix.lat - fix.true_lat) * proj.meters_per_deg_lat;
      se += east;
      sn += north;
      se2 += east * east;
      sn2 += north * north;
      sd += std::hypot(east, north);
      ++stats.fixes;
    }
  }
  const auto n = static_cast<double>(stats.fixes);
  stats.mean_east = se / n;
  stats.mean_north = sn / n;
  stats.sd_east = std::sqrt(se2 / n - stats.mean_east * stats.mean_east);
  stats.sd_north = std::sqrt(sn2 / n - stats.mean_north * stats.mean_north);
  stats.mean_distance = sd / n;
  return stats;
}

TEST_F(GpsNoiseTest, WhiteNoiseHasTheRequestedSigmaPerAxis) {
  SimConfig config;
  config.gps.noise_m = 8;
  config.gps.outlier_rate = 0;
  const auto stats = measure(town(), config, 10);
  ASSERT_GT(stats.fixes, 2000u);
  EXPECT_NEAR(stats.mean_east, 0, 0.6);
  EXPECT_NEAR(stats.mean_north, 0, 0.6);
  EXPECT_NEAR(stats.sd_east, 8, 0.8);
  EXPECT_NEAR(stats.sd_north, 8, 0.8);
  // The distance error of a 2-D Gaussian is Rayleigh distributed: mean sigma x sqrt(pi / 2).
  EXPECT_NEAR(stats.mean_distance, 8 * std::sqrt(3.14159265358979 / 2), 1.0);
  EXPECT_EQ(stats.outliers, 0u);
}

TEST_F(GpsNoiseTest, CorrelatedNoiseKeepsItsStationarySigma) {
  SimConfig config;
  config.gps.noise_m = 5;
  config.gps.noise_correlation_s = 10;
  config.gps.outlier_rate = 0;
  const auto stats = measure(town(), config, 30);
  ASSERT_GT(stats.fixes, 5000u);
  EXPECT_NEAR(stats.sd_east, 5, 1.0);
  EXPECT_NEAR(stats.sd_north, 5, 1.0);
}

TEST_F(GpsNoiseTest, OutliersAndDropoutsHappenAtRoughlyTheirRates) {
  SimConfig config;
  config.gps.outlier_rate = 0.02;
  config.gps.dropout_rate = 0.01;
  size_t fixes = 0, outliers = 0, gaps = 0;
  double expected_fixes = 0;
  for (uint32_t k = 1; k <= 10; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    expected_fixes += std::floor(trip->drive.profile.duration_s()) + 1;
    for (size_t i = 0; i < trip->fixes.size(); ++i) {
      outliers += trip->fixes[i].outlier ? 1 : 0;
      if (i > 0 && trip->fixes[i].time_s - trip->fixes[i - 1].time_s > 1.5) ++gaps;
    }
    fixes += trip->fixes.size();
  }
  EXPECT_LT(static_cast<double>(fixes), expected_fixes);  // dropouts removed fixes
  EXPECT_GT(gaps, 5u);
  const double outlier_share = static_cast<double>(outliers) / static_cast<double>(fixes);
  EXPECT_GT(outlier_share, 0.01);
  EXPECT_LT(outlier_share, 0.03);
}

}  // namespace
}  // namespace drivelog::sim
