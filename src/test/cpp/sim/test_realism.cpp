// The simulator's options beyond the classic model (docs/SIMULATION.md, "Realism"): correlated
// and canyon error, long gaps and tunnels, missing columns, legal U-turns, minor roads, red signals.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "grid_town.hpp"
#include "map/geo.hpp"
#include "realism_town.hpp"
#include "sim/gps_sampler.hpp"
#include "sim/simulator.hpp"
#include "sim/trip_files.hpp"

namespace drivelog::sim {
namespace {

class RealismTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = std::make_unique<std::string>(test::temp_path("realism.dlmap"));
    test::write_realism_town(*path_);
    map_ = std::make_unique<map::MapView>(map::MapView::open(*path_));
  }
  static void TearDownTestSuite() {
    map_.reset();
    std::filesystem::remove(*path_);
    path_.reset();
  }
  static const map::MapView& town() { return *map_; }

  // Quiet defaults: no injected violations, no outliers or dropouts, unless a test asks.
  static SimConfig quiet() {
    SimConfig c;
    c.rates = ViolationRates{0, 0, 0, 0, 0};
    c.gps.outlier_rate = 0;
    c.gps.dropout_rate = 0;
    c.route.min_length_m = 1500;
    c.route.max_length_m = 2500;
    return c;
  }

 private:
  static inline std::unique_ptr<std::string> path_;
  static inline std::unique_ptr<map::MapView> map_;
};

// Error of each fix east/north of its true position, and across/along the road.
struct Errors {
  double east2 = 0, north2 = 0, across2 = 0, along2 = 0;
  size_t n = 0;
  void add(const GpsFix& f, double heading_deg) {
    const map::geo::LocalProjection p(f.true_lat, f.true_lon);
    const double e = p.x(f.lon), n_ = p.y(f.lat), h = heading_deg * 3.14159265358979 / 180;
    east2 += e * e;
    north2 += n_ * n_;
    along2 += std::pow(e * std::sin(h) + n_ * std::cos(h), 2);
    across2 += std::pow(e * std::cos(h) - n_ * std::sin(h), 2);
    ++n;
  }
  [[nodiscard]] double sd(double sum2) const { return std::sqrt(sum2 / static_cast<double>(n)); }
};

TEST_F(RealismTest, JitterAddsToThePositionError) {
  SimConfig c = quiet();
  c.gps.noise_m = 4;
  c.gps.jitter_m = 3;
  Errors errors;
  for (uint32_t k = 1; k <= 40; ++k) {
    const auto trip = simulate_trip(town(), c, k);
    for (const GpsFix& f : trip->fixes) errors.add(f, 0);
  }
  ASSERT_GT(errors.n, 4000u);
  EXPECT_NEAR(errors.sd(errors.east2), 5.0, 0.5);  // sqrt(4^2 + 3^2)
  EXPECT_NEAR(errors.sd(errors.north2), 5.0, 0.5);
}

TEST_F(RealismTest, StreetDensityIsHighAmongDenseStreetsAndNilOnALoneRoad) {
  EXPECT_DOUBLE_EQ(street_density(town(), test::kDenseLat, test::kDenseLon), 1.0);
  // Half way along a 150 m block of the town: only its own road within 40 m.
  EXPECT_DOUBLE_EQ(street_density(town(), 52.5, 13.4 + 75 / (111195.0 * 0.6087614)), 0.0);
}

TEST_F(RealismTest, CanyonErrorPushesFixesAcrossTheRoadWhereStreetsAreDense) {
  // The same drive on a plain and on a canyon receiver: in the town (sparse), the canyon adds
  // little; the error it adds is across the direction of travel, never along it.
  SimConfig plain = quiet();
  plain.gps.noise_m = 1;
  SimConfig canyon = plain;
  canyon.gps.canyon_m = 10;
  double extra_across = 0, extra_along = 0;
  size_t n = 0;
  for (uint32_t k = 1; k <= 10; ++k) {
    const auto a = simulate_trip(town(), plain, k), b = simulate_trip(town(), canyon, k);
    ASSERT_EQ(a->fixes.size(), b->fixes.size());
    for (size_t i = 1; i < a->fixes.size(); ++i) {
      const GpsFix &fa = a->fixes[i], &fb = b->fixes[i];
      const map::geo::LocalProjection p(fa.true_lat, fa.true_lon);
      const double de = p.x(fb.lon) - p.x(fa.lon), dn = p.y(fb.lat) - p.y(fa.lat);
      const double h = map::geo::bearing_deg(a->fixes[i - 1].true_lat, a->fixes[i - 1].true_lon, fa.true_lat,
                                             fa.true_lon) * 3.14159265358979 / 180;
      if (map::geo::distance_m(a->fixes[i - 1].true_lat, a->fixes[i - 1].true_lon, fa.true_lat, fa.true_lon) < 3) continue;
      extra_along += std::fabs(de * std::sin(h) + dn * std::cos(h));
      extra_across += std::fabs(de * std::cos(h) - dn * std::sin(h));
      ++n;
    }
  }
  ASSERT_GT(n, 1000u);
  EXPECT_GT(extra_across, 0.1 * static_cast<double>(n));   // the canyon did move fixes (at junctions)
  EXPECT_LT(extra_along, 0.25 * extra_across);            // and across the road, not along it
}

TEST_F(RealismTest, LongGapLeavesOneGapOfTheDrawnLength) {
  SimConfig c = quiet();
  c.gps.long_gap_rate = 1;
  c.gps.min_long_gap_s = 60;
  c.gps.max_long_gap_s = 60;
  c.route.min_length_m = 3000;
  c.route.max_length_m = 3500;
  size_t whole = 0;
  for (uint32_t k = 1; k <= 10; ++k) {
    const auto trip = simulate_trip(town(), c, k);
    const auto gaps = receiver_gaps(trip->fixes, c.gps.hz);
    ASSERT_EQ(gaps.size(), 1u) << "trip " << k;
    const double length = gaps[0].end_s - gaps[0].start_s;
    // Inside the trip, leaving fixes at both ends; whole where the trip is long enough for it.
    EXPECT_GT(gaps[0].start_s, 0) << "trip " << k;
    EXPECT_LT(gaps[0].end_s, trip->fixes.back().time_s + 1e-9) << "trip " << k;
    EXPECT_LE(length, 61.001) << "trip " << k;
    if (trip->drive.profile.duration_s() > 130) {
      EXPECT_NEAR(length, 61, 1.001) << "trip " << k;
      ++whole;
    }
  }
  EXPECT_GE(whole, 3u);
}

TEST_F(RealismTest, NoFixesInsideATunnel) {
  SimConfig c = quiet();
  c.gps.tunnel_gaps = true;
  c.gps.noise_m = 0.5;
  size_t through_tunnel = 0;
  for (uint32_t k = 1; k <= 60; ++k) {
    const auto trip = simulate_trip(town(), c, k);
    bool tunnel = false;
    for (const auto& d : trip->drive.route) tunnel |= town().edge(d.edge).osm_way_id == test::kTunnelWay;
    if (!tunnel) continue;
    ++through_tunnel;
    // The tunnel is row 1 between columns 1 and 2: no fix's true position strictly inside it.
    const double row1 = 52.5 - 150 / 111195.0, col1 = 13.4 + 150 / (111195.0 * 0.6087614);
    const double col2 = 13.4 + 300 / (111195.0 * 0.6087614);
    for (const GpsFix& f : trip->fixes) {
      const bool inside = std::fabs(f.true_lat - row1) < 1e-6 && f.true_lon > col1 + 1e-5 && f.true_lon < col2 - 1e-5;
      EXPECT_FALSE(inside) << "trip " << k << " fix at " << f.time_s << " s";
    }
  }
  EXPECT_GT(through_tunnel, 2u);
}

TEST_F(RealismTest, ColumnsCanBeLeftEmpty) {
  SimConfig c = quiet();
  const auto trip = simulate_trip(town(), c, 1);
  const std::filesystem::path file = test::temp_path("columns.csv");
  write_log_csv(file, 0, trip->fixes, LogColumns{false, false, true});
  std::ifstream in(file);
  std::string header, line;
  std::getline(in, header);
  std::getline(in, line);
  EXPECT_EQ(header, "time,lat,lon,speed,heading,accuracy");
  EXPECT_NE(line.find(",,,"), std::string::npos) << line;  // lon, empty speed, empty heading, accuracy
  EXPECT_NE(line.back(), ',');
  std::filesystem::remove(file);
}

TEST_F(RealismTest, UTurnsAreLegalAndCommitNoViolation) {
  SimConfig c = quiet();
  c.route.uturn_rate = 1;
  size_t turned = 0;
  for (uint32_t k = 1; k <= 20; ++k) {
    const auto trip = simulate_trip(town(), c, k);
    const auto& route = trip->drive.route;
    bool found = false;
    for (size_t i = 1; i < route.size(); ++i) found |= route[i].edge == route[i - 1].edge && route[i].reversed != route[i - 1].reversed;
    EXPECT_EQ(found, trip->uturns > 0) << "trip " << k;
    turned += trip->uturns;
    EXPECT_TRUE(trip->truth.violations.empty()) << "trip " << k;
  }
  EXPECT_GE(turned, 15u);
}

TEST_F(RealismTest, MinorRoadsStartAndEndTrips) {
  SimConfig c = quiet();
  c.route.minor_road_rate = 1;
  size_t starts = 0, ends = 0;
  for (uint32_t k = 1; k <= 20; ++k) {
    const auto trip = simulate_trip(town(), c, k);
    const auto& route = trip->drive.route;
    const auto minor = [&](const DirectedEdge& d) {
      const auto rc = town().edge(d.edge).road_class;
      return rc == map::RoadClass::service || rc == map::RoadClass::track;
    };
    starts += minor(route.front()) ? 1 : 0;
    ends += minor(route.back()) ? 1 : 0;
  }
  EXPECT_EQ(starts, 20u);
  EXPECT_GE(ends, 15u);
}

TEST_F(RealismTest, RedSignalsStopTheCarBeforeTheLine) {
  SimConfig c = quiet();
  c.driver.signal_red_rate = 1;
  c.driver.waits_per_km = 0;
  size_t red = 0;
  for (uint32_t k = 1; k <= 30; ++k) {
    const auto trip = simulate_trip(town(), c, k);
    const Drive& drive = trip->drive;
    for (size_t step = 0; step + 1 < drive.route.size(); ++step) {
      if (!town().has_signal(end_node(town(), drive.route[step]))) continue;
      // The car stands (for at least 2 s) within the 50 m before the signal node.
      const double line = drive.geometry.step_end_m(step);
      bool stood = false;
      for (double t = 0; t < drive.profile.duration_s(); t += 0.5) {
        const auto at = drive.profile.at(t);
        stood |= at.speed_mps == 0 && at.s_m > line - 50 && at.s_m < line && drive.profile.at(t + 2).speed_mps == 0;
      }
      EXPECT_TRUE(stood) << "trip " << k << " step " << step;
    }
    red += drive.red_signals;
  }
  EXPECT_GE(red, 5u);
}

TEST_F(RealismTest, ReceiverOptionsLeaveTheDriveAlone) {
  // Changing only the receiver keeps route, motion and truth: figures stay comparable.
  SimConfig a = quiet();
  a.rates = ViolationRates{0.5, 0.5, 0.5, 0.5, 0.5};
  SimConfig b = a;
  b.gps.jitter_m = 2;
  b.gps.canyon_m = 5;
  b.gps.long_gap_rate = 1;
  b.gps.tunnel_gaps = true;
  for (uint32_t k = 1; k <= 10; ++k) {
    const auto x = simulate_trip(town(), a, k), y = simulate_trip(town(), b, k);
    ASSERT_EQ(x->drive.route, y->drive.route) << "trip " << k;
    ASSERT_EQ(x->truth.violations.size(), y->truth.violations.size()) << "trip " << k;
    EXPECT_DOUBLE_EQ(x->drive.profile.duration_s(), y->drive.profile.duration_s());
  }
}

}  // namespace
TEST_F(RealismTest, SpeedingStretchesAcrossCornersLeaveNoShortEpisodes) {
  // 150 m blocks at 30 km/h: a 450 m speeding stretch crosses corners, and each corner's dip splits
  // the speed over the threshold into runs. A run as short as the detector's minimum duration is a
  // coin toss for it (Paris: 5.1 s found, 4.9 s in the truth), so the stretch is cut to its clear
  // runs and every episode in the truth is clear.
  SimConfig config = quiet();
  config.rates.speeding = 1;
  size_t episodes = 0;
  for (uint32_t k = 1; k <= 40; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    for (const auto& v : trip->truth.violations) {
      if (v.type != "speeding") continue;
      EXPECT_GE(v.end_s - v.start_s, config.injection.min_clear_speeding_s - 1) << "trip " << k << " at " << v.start_s;
      ++episodes;
    }
  }
  EXPECT_GT(episodes, 10u);
}

}  // namespace drivelog::sim
