// The vehicle's motion along its route: the fastest speed profile that respects speed caps at
// every grid point and the acceleration and braking limits (a forward and a backward pass), with
// constant acceleration between grid points, so position and speed at any time follow exactly.
#pragma once

#include <cstddef>
#include <vector>

namespace drivelog::sim {

class SpeedProfile {
 public:
  // `cap_mps[i]` caps the speed at s = i x spacing_m (the last point at length_m); `dwell_s[i]` is
  // how long the vehicle stands at point i (only where the cap is 0). Starts and ends at rest.
  SpeedProfile(double length_m, double spacing_m, std::vector<double> cap_mps, const std::vector<double>& dwell_s,
               double accel_mps2, double brake_mps2);
  // The same with a rate per grid point: `accel_mps2[i]` speeding up into point i, `brake_mps2[i]`
  // slowing down from it (an injected hard stop or start brakes or accelerates harder there).
  SpeedProfile(double length_m, double spacing_m, std::vector<double> cap_mps, const std::vector<double>& dwell_s,
               const std::vector<double>& accel_mps2, const std::vector<double>& brake_mps2);

  struct Point {
    double s_m;
    double speed_mps;
    double arrive_s;  // time the vehicle reaches the point
    double depart_s;  // time it leaves (later than arrive_s only where it waits)
  };
  [[nodiscard]] const std::vector<Point>& points() const { return points_; }
  [[nodiscard]] double duration_s() const { return points_.back().depart_s; }

  struct State {
    double s_m;
    double speed_mps;
    double accel_mps2;
  };
  // Where the vehicle is and how fast it goes at time t (clamped to [0, duration]).
  [[nodiscard]] State at(double t_s) const;
  // When the vehicle first reaches s (clamped to the route).
  [[nodiscard]] double time_at(double s_m) const;
  // Grid index of the point at or before s.
  [[nodiscard]] size_t index_at(double s_m) const;

 private:
  double spacing_m_;
  std::vector<Point> points_;
};

}  // namespace drivelog::sim
