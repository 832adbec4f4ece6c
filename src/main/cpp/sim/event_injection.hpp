// Driving events injected into a simulated drive: a hard stop, a hard start, a junction corner
// taken fast, a curve taken too fast. Each changes the driver's speed caps or rates at one place;
// whether an event really happened is the truth's call on the resulting motion (truth_events.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "map/path_curvature.hpp"
#include "sim/random.hpp"
#include "sim/route_geometry.hpp"
#include "sim/sim_config.hpp"
#include "sim/speed_profile.hpp"

namespace drivelog::sim {

struct EventPlan {
  struct Stop {
    double s_m;
    double wait_s;
  };
  std::vector<Stop> stops;            // extra stops: a hard stop brakes into one, a hard start leaves one
  std::vector<double> accel_mps2;     // per grid point (the trip's rate, harder where injected)
  std::vector<double> brake_mps2;
  std::vector<double> corner_cap_mps; // per grid point: where > 0, replaces the bend and curve caps
  long fast_corner_at = -1;           // grid point of the injected fast corner's sharpest point, or -1
};

// Grid points either side of a fast corner's sharpest point that its injected speed covers.
inline constexpr long kFastCornerReach = 25;

// Drops an injected fast corner that the road did not let happen clearly (a stop or a slow road
// just before it): its peak lateral acceleration under 1.25 x the truth's threshold, or over the
// threshold for less than 1.3 x the minimum duration in one unbroken run (as the truth measures an
// event). Returns whether it dropped it.
bool drop_unclear_corner(const SpeedProfile& profile, const std::vector<map::CurvatureSample>& curvature,
                         const TruthThresholds& th, EventPlan& plan);

// The lowest advisory speed (tenths of km/h, detect/curve_speed.hpp) of the route from `start_m` to
// `end_m`; `advisory_tenths` holds the advisory speed of the route's edge at each point of the 1 m
// profile grid (kProfileSpacingM: a point's index is its distance along the route) in the direction
// driven (kSpeedUnknown where none).
uint16_t advisory_over(const std::vector<uint16_t>& advisory_tenths, double start_m, double end_m);

// `natural_cap_mps`: the driver's caps per grid point (limit, bends, curves, 0 at stops and waits)
// before any injection;
// `curvature`: the route's curvature per grid point (map::sample_curvature at the grid spacing).
// `road_cap_mps`: the speed the road's limit lets the driver reach (fast corners and curves go only
// where it allows the injected speed).
// `advisory_tenths`: per grid point, as advisory_over() reads it (a fast curve is a multiple of the
// speed the engine judges it against: the advisory speed where signed).
EventPlan plan_events(const SimConfig& config, const RouteGeometry& geometry, const std::vector<double>& natural_cap_mps,
                      const std::vector<double>& road_cap_mps, const std::vector<uint16_t>& advisory_tenths,
                      const std::vector<map::CurvatureSample>& curvature, double accel_mps2, double brake_mps2, Rng& rng);

}  // namespace drivelog::sim
