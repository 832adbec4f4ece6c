// Where along the decided path the car was at each fix: a Kalman filter and Rauch-Tung-Striebel
// smoother over (distance along the path, speed), fed with each fix's projection onto the path and,
// where trusted, its reported speed. A fix's projection alone is off along the road by the whole
// GPS error; its neighbours and the speedometer say much better where it was. Pure maths: no map.
#pragma once

#include <cmath>
#include <span>
#include <vector>

namespace drivelog::match {

// One point of a piece of the path, in time order.
struct AlongPathObservation {
  double time_s = 0;
  double s_m = NAN;        // the fix's projection onto the path (NaN: no position evidence)
  double sigma_m = 5;      // its standard deviation along the path
  double speed_mps = NAN;  // reported speed (NaN: none or not trusted)
};

struct AlongPathModel {
  double accel_sigma_mps2 = 1.5;  // random acceleration (white, spectral density sigma^2)
  double speed_sigma_mps = 0.5;   // error of a reported speed
};

// Reusable scratch; smooth() is a function of its inputs. Writes the smoothed distances into
// `out_s_m` (same length as `points`), non-decreasing: the car does not drive backwards along its
// own path.
class AlongPathSmoother {
 public:
  void smooth(std::span<const AlongPathObservation> points, const AlongPathModel& model, std::vector<double>& out_s_m);

 private:
  struct Gaussian2 {
    double s = 0, v = 0;               // mean
    double pss = 0, psv = 0, pvv = 0;  // covariance
  };
  std::vector<Gaussian2> predicted_, filtered_;
};

}  // namespace drivelog::match
