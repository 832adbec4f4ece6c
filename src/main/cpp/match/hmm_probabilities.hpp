// The probability model of Newson & Krumm, "Hidden Markov Map Matching Through Noise and
// Sparseness" (ACM SIGSPATIAL GIS 2009), in log space. Pure maths: no map, no search.
#pragma once

#include <algorithm>
#include <cmath>

namespace drivelog::match {

// Log-probabilities for the HMM. Emission: a zero-mean Gaussian in the distance between the fix
// and its candidate on the road (paper eq. 1). Transition: an exponential in the difference
// between route distance and great-circle distance of consecutive fixes (paper eq. 2). Heading:
// a Gaussian in the angle between the reported course and the road's direction of travel.
struct HmmProbabilities {
  static constexpr double kLogSqrtTwoPi = 0.91893853320467274178;

  // log N(distance_m; 0, sigma_m)
  static double emission_log(double distance_m, double sigma_m) {
    const double z = distance_m / sigma_m;
    return -0.5 * z * z - std::log(sigma_m) - kLogSqrtTwoPi;
  }

  // log( 1/beta * exp(-|route - great circle| / beta) )
  static double transition_log(double route_m, double great_circle_m, double beta_m) {
    return -std::fabs(route_m - great_circle_m) / beta_m - std::log(beta_m);
  }

  // The same two terms without the parts that are equal for every candidate of a fix (every
  // transition of a step): Viterbi's argmax does not change, and the hot loop needs no log().
  static double emission_log_relative(double distance_m, double inverse_sigma) {
    const double z = distance_m * inverse_sigma;
    return -0.5 * z * z;
  }
  static double transition_log_relative(double route_m, double great_circle_m, double inverse_beta) {
    return -std::fabs(route_m - great_circle_m) * inverse_beta;
  }

  // Smallest angle between two bearings, degrees in [0, 180].
  static double angle_between_deg(double a_deg, double b_deg) {
    // fmod() returns a difference within (-360, 360) unchanged (exactly): no library call for it.
    const double difference = a_deg - b_deg;
    double d = std::fabs(difference > -360.0 && difference < 360.0 ? difference : std::fmod(difference, 360.0));
    return d > 180.0 ? 360.0 - d : d;
  }

  // Against a turn at `speed_mps` whose angle a has tan(a / 2) = `tan_half_angle`, when the lateral
  // acceleration it needs on a corner of radius `radius_m` / tan(a / 2) exceeds `max_lateral_mps2`:
  // ((excess) / 2)^2, at most kMaxTurnLog (a car that cannot have made the turn at that speed did
  // not: a frontage road is not entered through a right angle at 85 km/h). Log units, <= 0.
  static constexpr double kMaxTurnLog = 40;
  static double turn_speed_log(double tan_half_angle, double speed_mps, double radius_m, double max_lateral_mps2) {
    if (max_lateral_mps2 <= 0 || tan_half_angle <= 0) return 0;
    const double needed = speed_mps * speed_mps * tan_half_angle / radius_m;
    if (needed <= max_lateral_mps2) return 0;
    const double z = (needed - max_lateral_mps2) / 2;
    return -std::min(z * z, kMaxTurnLog);
  }
  // tan(a / 2) of the angle a between two unit directions: |u x v| / (1 + u . v), no trigonometry.
  static double tan_half_angle(double ux, double uy, double vx, double vy) {
    const double cross = std::fabs(ux * vy - uy * vx), dot = ux * vx + uy * vy;
    return dot <= -0.999 ? 1e3 : cross / (1 + dot);
  }

  // The angle in degrees, in [0, 180], between two directions given as vectors of any length:
  // atan2(|u x v|, u . v) without a library call (a polynomial for atan on [0, 1], error below
  // 0.001 degree; the hot path asks it for every candidate of every fix with a heading).
  static double angle_between_vectors_deg(double ux, double uy, double vx, double vy) {
    const double cross = std::fabs(ux * vy - uy * vx), dot = ux * vx + uy * vy;
    const double adot = std::fabs(dot);
    if (cross == 0 && adot == 0) return 0;
    const bool steep = cross > adot;
    const double z = steep ? adot / cross : cross / adot;  // in [0, 1]
    const double z2 = z * z;
    double a = z * (0.99997726 + z2 * (-0.33262347 + z2 * (0.19354346 + z2 * (-0.11643287 + z2 * (0.05265332 + z2 * -0.01172120)))));
    constexpr double kHalfPi = 1.57079632679489661923, kPi = 3.14159265358979323846;
    if (steep) a = kHalfPi - a;
    if (dot < 0) a = kPi - a;
    return a * (180.0 / kPi);
  }

  // Unnormalised: only the relative value between candidates of one fix matters.
  static double heading_log(double reported_deg, double road_deg, double sigma_deg) {
    return heading_log_of_angle(angle_between_deg(reported_deg, road_deg), sigma_deg);
  }
  static double heading_log_of_angle(double angle_deg, double sigma_deg) {
    const double z = angle_deg / sigma_deg;
    return -0.5 * z * z;
  }
};

}  // namespace drivelog::match
