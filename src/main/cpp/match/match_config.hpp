// Tunables of the map matcher (config keys `analysis.matching.*`); defaults in one place.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "match/trace.hpp"

namespace drivelog::match {

struct MatchConfig {
  double search_radius_m = 50;        // candidates: road segments within this distance of a fix
  uint32_t max_candidates = 12;       // at most this many nearest roads per fix (each in 2 directions)
  double candidate_margin_sigmas = 4; // ... no further than the nearest plus this many sigma ...
  double correlated_margin_sigmas = 2;  // ... plus this many more as the trip's error is correlated (ErrorShare)
  double sigma_m = 5;                 // GPS noise (1 sigma) when a fix reports no accuracy
  bool use_reported_accuracy = true;  // use a fix's reported accuracy as its sigma
  double min_sigma_m = 2;             // reported accuracies are clamped to [min_sigma_m, max_sigma_m]
  double max_sigma_m = 50;
  double beta_m = 5;                  // transition scale: |route - great circle| of 1 beta costs e^-1 ...
  double beta_per_sigma = 1.0;        // ... at least this x the larger sigma of the two fixes (0: beta_m only)
  double error_correlation_s = 15;    // time over which receiver error is correlated (0: independent fixes)
  double error_jump_log = 4;          // log-odds against the error re-drawing between two fixes (ErrorContinuity)
  double heading_sigma_deg = 45;      // spread of reported heading vs road direction
  double heading_min_speed_mps = 3;   // below this a heading is ignored (noise when slow; usable_headings.hpp)
  double max_speed_kmh = 180;         // route search bound: no faster movement between fixes
  double max_detour_m = 200;          // route search bound: route at most great circle + this
  double reported_speed_factor = 1.5; // route bound with trusted reported speeds: dt x speed x this + 4 sigma
  double stationary_speed_mps = 1.0;  // fixes both reporting less (within 4 sigma) count as standing
  double wrong_way_penalty_m = 40;    // route cost of entering a road against its one-way direction
  double closed_penalty_m = 40;       // route cost of entering a road closed to motor vehicles
  double wrong_way_prior_per_m = 0.2;   // ... and of every metre driven against a one-way direction
  double wrong_way_min_speed_mps = 5;   // ... time there counted as metres at this speed at least (0: metres only)
  double closed_prior_per_m = 0.2;      // ... of every metre driven on a closed road
  double minor_road_prior_per_m = 0.1;  // ... of every metre on a car-park aisle, driveway, alley, drive-through, track
                                        //     or road open only for access (destination, delivery, private)
  double over_limit_prior_per_m = 0.2;  // ... of every metre on a road at a trusted speed far over its limit:
  double over_limit_factor = 1.6;       //   over this x its limit in force that day and at least 15 km/h over
  double uturn_penalty_m = 100;       // route cost of turning round (mid-road or at a node) ...
  double uturn_seen_penalty_m = 70;   // ... where the reported headings show the car facing the other way after (match/uturn_price.hpp)
  double uturn_radius_m = 5;          // a U-turn is a half circle of this radius: faster than the grip allows, priced as any turn
  double max_lateral_accel_mps2 = 6;  // a turn needing more grip at the trusted speeds is priced (0: never)
  double turn_radius_m = 15;          // ... on a corner of radius turn_radius_m / tan(angle / 2)
  double restricted_turn_penalty_m = 40;  // route cost of a turn a via-node restriction forbids (as entering a one-way against it)
  double stop_run_penalty_m = 40;    // route cost of passing a stop line where the trusted speeds say the car cannot have stopped
  double backward_tolerance_m = 10;   // moving back this far on the same road is jitter, not movement
  double stationary_radius_m = 8;     // fixes this close to the last matched one are collapsed onto it
  double break_gap_s = 60;            // a time gap above this starts a new matched segment
  double break_distance_m = 2000;     // a jump above this starts a new matched segment
  uint32_t max_outliers = 3;          // unreachable fixes skipped in a row before the trace is broken
  double outlier_log = 20;            // log-odds against a fix being a receiver spike the path need not explain (Matcher::connect_column)
  bool smooth_along_path = true;      // place fixes along the decided path with a Kalman smoother (speeds, neighbours)
  double beam_width_log = 15;         // states this far (natural log) below a step's best are not extended
};

// A fix's position error (1 sigma, metres): its reported accuracy, clamped, where it has one and
// the configuration uses it; else the configured sigma.
inline double fix_sigma_m(const TracePoint& p, const MatchConfig& config) {
  if (config.use_reported_accuracy && !std::isnan(p.accuracy_m)) {
    return std::clamp(static_cast<double>(p.accuracy_m), config.min_sigma_m, config.max_sigma_m);
  }
  return config.sigma_m;
}

}  // namespace drivelog::match
