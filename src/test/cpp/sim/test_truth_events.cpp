// The simulator judges a curve signed with an advisory speed as the engine does
// (detect/curve_speed.hpp): its legal driver keeps to the sign over the whole curve, and an injected
// fast curve is a multiple of the sign's value, with the truth saying so.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "grid_town.hpp"
#include "map/geo.hpp"
#include "map/map_builder.hpp"
#include "map/map_view.hpp"
#include "map/path_curvature.hpp"
#include "sim/drive.hpp"
#include "sim/event_injection.hpp"
#include "sim/random.hpp"
#include "sim/truth_events.hpp"
#include "truth_evidence.hpp"

namespace drivelog::sim {
namespace {

constexpr double kAdvisoryKmh = 35;  // under the curve's comfortable sqrt(2.5 x 100) = 57 km/h
constexpr double kLimitKmh = 80;
using test::evidence;

// A 300 m straight, a quarter circle of radius 100 m (a node every 3 degrees), a 300 m straight:
// one way, signed kAdvisoryKmh in its direction when `signed_curve`.
class AdvisoryCurve : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = test::temp_path("advisory-curve.dlmap");
    const map::geo::LocalProjection projection(50.0, 8.0);
    map::MapBuilder builder;
    map::WayInput way{1, {}, "Bend Road", map::RoadClass::secondary};
    way.maxspeed_forward = way.maxspeed_backward = static_cast<uint16_t>(kLimitKmh * 10);
    way.speed_source = map::SpeedSource::explicit_tag;
    way.advisory_forward = static_cast<uint16_t>(kAdvisoryKmh * 10);
    int64_t id = 1;
    const auto add = [&](double x, double y) {
      builder.add_node(id, map::Coord::from_degrees(projection.origin_lat + y / projection.meters_per_deg_lat,
                                                    projection.origin_lon + x / projection.meters_per_deg_lon));
      way.node_ids.push_back(id++);
    };
    add(-300, 0);
    for (int deg = 0; deg <= 90; deg += 3) {
      const double a = deg * 3.14159265358979 / 180;
      add(100 * std::sin(a), 100 - 100 * std::cos(a));
    }
    add(100, 400);
    builder.add_way(way);
    builder.write(path_);
    map_ = std::make_unique<map::MapView>(map::MapView::open(path_));
  }
  void TearDown() override {
    map_.reset();
    std::filesystem::remove(path_);
  }

  Drive drive(const SimConfig& config, uint64_t seed) const {
    Rng rng(seed), extra(seed + 1000);
    return plan_drive(*map_, config, {DirectedEdge{0, false}}, rng, extra);
  }
  // The slowest over the curve's core, as the engine and the truth measure a curve's speed.
  static double core_speed_kmh(const Drive& d, const map::Curve& c) {
    return (c.core_end_s_m - c.core_start_s_m) / (d.profile.time_at(c.core_end_s_m) - d.profile.time_at(c.core_start_s_m)) * 3.6;
  }
  static std::vector<map::Curve> curves(const Drive& d) {
    std::vector<map::CurvatureSample> samples;
    map::sample_curvature(d.geometry.planar(), 1.0, samples);
    return map::find_curves(samples, map::CurveShape{});
  }
  static std::vector<TruthViolation> curve_events(const map::MapView& m, const Drive& d, const SimConfig& config) {
    std::vector<TruthViolation> out;
    for (TruthViolation& v : find_events(m, d, config.truth)) {
      if (v.type == "curve_overspeed") out.push_back(std::move(v));
    }
    return out;
  }

  std::string path_;
  std::unique_ptr<map::MapView> map_;
};

TEST_F(AdvisoryCurve, LegalDriverKeepsToTheSignOverTheWholeCurve) {
  const SimConfig config;
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    const Drive d = drive(config, seed);
    const auto found = curves(d);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NEAR(found[0].min_radius_m, 100, 15);
    EXPECT_LE(core_speed_kmh(d, found[0]), kAdvisoryKmh + 0.5) << "seed " << seed;
    EXPECT_TRUE(curve_events(*map_, d, config).empty()) << "seed " << seed;
  }
}

TEST_F(AdvisoryCurve, InjectedFastCurveIsAMultipleOfTheSignAndTheTruthSaysSo) {
  SimConfig config;
  config.event_rates.fast_curve = 1;
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    const Drive d = drive(config, seed);
    const auto events = curve_events(*map_, d, config);
    ASSERT_EQ(events.size(), 1u) << "seed " << seed;
    EXPECT_NEAR(evidence(events[0], "advisory_kmh"), kAdvisoryKmh, 0.1);
    const double speed = evidence(events[0], "speed_kmh");
    // 1.35-1.6 x the sign: under the radius' comfortable 57 km/h, a finding only by the sign.
    EXPECT_GE(speed, kAdvisoryKmh * 1.3) << "seed " << seed;
    EXPECT_LT(speed, evidence(events[0], "comfortable_speed_kmh")) << "seed " << seed;
  }
}

}  // namespace
}  // namespace drivelog::sim

namespace drivelog::sim {
namespace {

// A 200 m drive at 10 m/s and curvature per metre: lateral acceleration 100 x curvature.
struct CornerRun {
  SpeedProfile profile{200, 1, std::vector<double>(201, 10.0), std::vector<double>(201, 0.0), 3.0, 3.0};
  std::vector<map::CurvatureSample> curvature;
  CornerRun() {
    for (int i = 0; i <= 200; ++i) curvature.push_back({static_cast<double>(i), 0.0});
  }
  void bend(int from_m, int to_m, double kappa) {
    for (int i = from_m; i <= to_m; ++i) curvature[static_cast<std::size_t>(i)].curvature = kappa;
  }
  bool dropped() const {
    EventPlan plan;
    plan.corner_cap_mps.assign(201, 10.0);
    plan.fast_corner_at = 100;
    return drop_unclear_corner(profile, curvature, TruthThresholds{}, plan);
  }
};

TEST(FastCornerInjection, TwoShortRunsOverTheThresholdAreNoClearCorner) {
  // 5 m/s^2 (over 1.25 x 3.7) for 8 m, a 2 m dip, 8 m more: 1.4-1.6 s over the threshold in all,
  // but the truth sees two runs of 0.8 s, neither an event. Dropped.
  CornerRun two_runs;
  two_runs.bend(92, 99, 0.05);
  two_runs.bend(102, 109, 0.05);
  EXPECT_TRUE(two_runs.dropped());
  // One unbroken run of 15 m (1.5 s): kept.
  CornerRun one_run;
  one_run.bend(93, 107, 0.05);
  EXPECT_FALSE(one_run.dropped());
}

}  // namespace
}  // namespace drivelog::sim
