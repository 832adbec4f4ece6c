// Where along the decided path the car was at each fix when the receiver's error wanders: a
// Kalman filter and Rauch-Tung-Striebel smoother over (distance along the path, speed, error east,
// error north). A fix is the path's point plus the error; the error is first-order autoregressive
// (the model ErrorContinuity judges candidates by), and a trusted speed integrates the distance.
//
// Along a straight road the part of the error along it cannot be told from the car's position: a
// fix 5 m ahead of the car is placed 5 m ahead, and near the end of a way half such fixes land on
// the next one. But at a turn, the part that was along the road before lies across the road
// after: the smoother carries it back and forth in time, so the fixes around a junction are placed
// where the car was. Pure maths: the caller linearises the path (its point and direction at a
// distance near the answer) for each fix.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace drivelog::match {

// One fix of a piece of the path, in time order, in local metres (any flat frame).
struct BiasObservation {
  double time_s = 0;
  double east_m = 0, north_m = 0;            // the fix
  double at_s_m = 0;                         // the distance along the path the path is linearised at
  double path_east_m = 0, path_north_m = 0;  // the path's point there
  double dir_east = 1, dir_north = 0;        // and its unit direction of travel
  double sigma_m = 5;                        // the fix's error (1 sigma per axis)
  double speed_mps = NAN;                    // trusted reported speed (NaN: none)
};

struct BiasModel {
  double accel_sigma_mps2 = 1.5;   // random acceleration (white, spectral density sigma^2)
  double speed_sigma_mps = 0.5;    // error of a reported speed
  double correlation_s = 15;       // the error's correlation time
  double independent_share = 0;    // the share of the error new at every fix (the rest wanders)
};

// Reusable scratch; smooth() is a function of its inputs. Writes the smoothed distances into
// `out_s_m` (same length as `points`), non-decreasing.
class AlongPathBiasSmoother {
 public:
  void smooth(std::span<const BiasObservation> points, const BiasModel& model, std::vector<double>& out_s_m);

  static constexpr std::size_t kStates = 4;  // s, v, error east, error north
  using Vector = std::array<double, kStates>;
  using Matrix = std::array<double, kStates * kStates>;  // row-major

 private:
  struct Gaussian {
    Vector mean{};
    Matrix covariance{};
  };
  std::vector<Gaussian> predicted_, filtered_;
  std::vector<double> rho_;
};

}  // namespace drivelog::match
