// A proven lower bound on a car's speed at one point of its path, from fixes around it, for
// curve_overspeed where the log has no trusted speeds at fixes close in time (0.2 Hz, no speeds).
//
// The only assumption is physical: the car never braked harder than `brake_mps2` nor sped up harder
// than `accel_mps2` (the vehicle class's harsh thresholds: a harder one is itself an event), and
// never drove backwards. Its speed is otherwise free, as fast as it likes away from the point.
//
// Time: a car at speed v at point p was, d metres before p, at most sqrt(v^2 + 2 x brake x d) (it
// had to be able to brake to v by p), and d metres after p at most sqrt(v^2 + 2 x accel x d). So
// to get from a fix x metres before p to one y metres after it, it needed at least
//   t(v) = (sqrt(v^2 + 2 brake x) - v) / brake + (sqrt(v^2 + 2 accel y) - v) / accel,
// decreasing in v: if the fixes are T seconds apart, t(v) <= T, and the lowest v with t(v) <= T is a
// lower bound on the speed at p (0 where t(0) <= T: it could have stopped there). With a reported
// speed at a fix, the envelope there is also capped by what the car can have reached from (or
// braked to) that speed, which lengthens t(v).
//
// Speed: a reported speed u at a fix d metres from p (on either side) proves v(p)^2 >= u^2 - 2 a d,
// a the larger of the two rates.
//
// Distance: the car drove at least the straight line from a fix to p, and, where the matched path
// is right, the path's distance; x and y are the shorter of the two. (At 0.2 Hz the matcher
// sometimes routes a detour between two fixes, a path longer than the car drove: measured, every
// false finding of a path-only bound on legal drives was such a detour.)
//
// Floors: a reported speed u at a fix (less its margin) is also a floor there: a car at v < u at p
// braked from u to v before p (at least (u^2 - v^2) / 2 brake metres) or regains u after it (at
// accel), so x and y are at least those distances, and a v needing more than the fixes' distance
// (plus placement) is impossible. Options (BoundSettings): points within a fix's placement bounded
// by the pairs either side of it, and a ceiling over two fixes' reported speeds.
//
// Placement: each fix's position is known to its `placement_m`, so x and y
// are taken that much shorter for the time bound and that much longer for the speed bound; a
// pair only bounds p if p lies between the fixes even so. Reported speeds are taken
// `speed_margin_mps` lower (and as the envelope's cap, that much higher).
#pragma once

#include <cmath>
#include <functional>
#include <limits>
#include <span>

namespace drivelog::detect {

struct KinematicLimits {
  double brake_mps2 = 3.7;
  double accel_mps2 = 3.6;
};

// One fix as the bound sees it: path distance, time, how far off along the path it may be placed,
// and a reported speed (NaN where none is trusted).
struct BoundFix {
  double s_m = 0;
  double time_s = 0;
  double placement_m = 15;
  double speed_mps = NAN;
};

// The least time (s) to cover x_m to point p and y_m beyond it, at speed v_mps at p, speeds capped by
// the reported speeds at the two ends (NaN: no cap). +inf when v cannot be reached from / left to
// those speeds within the distances at the rates.
double least_time_s(double v_mps, double x_m, double y_m, double start_cap_mps, double end_cap_mps,
                    const KinematicLimits& limits, double ceiling_mps = std::numeric_limits<double>::infinity());

// The lowest speed at p that lets the car cover x_m before p and y_m after it in time_s (0 when it
// could have stopped at p), with the end caps as in least_time_s.
double lowest_speed_between_mps(double time_s, double x_m, double y_m, double start_cap_mps, double end_cap_mps,
                                const KinematicLimits& limits,
                                double ceiling_mps = std::numeric_limits<double>::infinity());

// The lowest speed at p that a reported speed u at a fix at most distance_m away allows.
inline double lowest_speed_from_reported_mps(double u_mps, double distance_m, double rate_mps2) {
  const double v2 = u_mps * u_mps - 2 * rate_mps2 * distance_m;
  return v2 > 0 ? std::sqrt(v2) : 0.0;
}

struct BoundSettings {
  KinematicLimits limits;
  double speed_margin_mps = 1;  // how far off a reported speed may be
  double max_span_s = 12;       // fixes further apart in time bound nothing
  // A bound no single fix can carry (robust_bound: each point's best evidence must survive dropping
  // either of its fixes). Off, each point takes its best evidence: for fixes 5 s apart, where only
  // one pair brackets a point and nothing else can stand in for it.
  bool one_fix_may_lie = true;
  // Bound a point within a fix's placement of it too: by the lower of the best pair ending at that
  // fix and the best pair starting at it, each with the fix at the point (the car passed the point
  // before the fix or after it). Off, such points have only the fix's own reported speed.
  bool near_fix_pairs = false;
  // Between two fixes with reported speeds, the car drove at most this much faster than the faster
  // of them (plus speed_margin_mps): an assumption about the driver, not physics (inf: none).
  double peak_over_fixes_mps = std::numeric_limits<double>::infinity();
};

// The lowest speed the fixes prove over the core [core_start_m, core_end_m], and what proved it.
struct CoreBound {
  double mps = 0;         // the core's speed is at least this (0: nothing proven)
  double point_m = 0;     // the core's point where the bound is lowest ...
  double span_m = 0;      // ... and, for the bound there, the fixes' distance apart (0: a speed bound)
  double span_s = 0;      //     and time apart
  bool from_speed = false;  // a reported speed proved it, not the time alone
};

// `fixes` in time order, all on one piece of the matched path. Every metre of the core is
// bounded by the best pair of fixes around it (or reported speed near it); the core's bound is the
// lowest of these, so its average speed is at least that too. Stops early, with what it has, once
// the bound falls to `enough_below_mps` or under (the caller's threshold: nothing lower matters).
// `straight_m(i, p)`: the straight-line distance from fix i as placed to the path's point at path
// distance p (NaN: unknown, then the path's distance alone).
CoreBound core_speed_bound(std::span<const BoundFix> fixes, double core_start_m, double core_end_m,
                           const BoundSettings& settings, double enough_below_mps,
                           const std::function<double(std::size_t, double)>& straight_m);

}  // namespace drivelog::detect
