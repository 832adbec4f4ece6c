#include "sim/speed_profile.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace drivelog::sim {

SpeedProfile::SpeedProfile(double length_m, double spacing_m, std::vector<double> cap_mps,
                           const std::vector<double>& dwell_s, double accel_mps2, double brake_mps2)
    : SpeedProfile(length_m, spacing_m, std::move(cap_mps), dwell_s, std::vector<double>(dwell_s.size(), accel_mps2),
                   std::vector<double>(dwell_s.size(), brake_mps2)) {}

SpeedProfile::SpeedProfile(double length_m, double spacing_m, std::vector<double> cap_mps,
                           const std::vector<double>& dwell_s, const std::vector<double>& accel_mps2,
                           const std::vector<double>& brake_mps2)
    : spacing_m_(spacing_m) {
  const size_t n = cap_mps.size();
  const auto positive = [](const std::vector<double>& v) { return std::all_of(v.begin(), v.end(), [](double x) { return x > 0; }); };
  if (n < 2 || dwell_s.size() != n || accel_mps2.size() != n || brake_mps2.size() != n || spacing_m <= 0 ||
      !positive(accel_mps2) || !positive(brake_mps2)) {
    throw std::invalid_argument("SpeedProfile: need >= 2 grid points, matching dwell times and rates, positive limits");
  }
  auto s_of = [&](size_t i) { return i + 1 == n ? length_m : static_cast<double>(i) * spacing_m; };
  std::vector<double> v = std::move(cap_mps);
  v.front() = 0;
  v.back() = 0;
  for (size_t i = 1; i < n; ++i) {
    const double ds = s_of(i) - s_of(i - 1);
    v[i] = std::min(v[i], std::sqrt(v[i - 1] * v[i - 1] + 2 * accel_mps2[i] * ds));
  }
  for (size_t i = n - 1; i-- > 0;) {
    const double ds = s_of(i + 1) - s_of(i);
    v[i] = std::min(v[i], std::sqrt(v[i + 1] * v[i + 1] + 2 * brake_mps2[i] * ds));
  }
  points_.reserve(n);
  double t = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) {
      const double ds = s_of(i) - s_of(i - 1);
      const double mean = (v[i - 1] + v[i]) / 2;
      // Two consecutive points at rest would take forever at constant acceleration; creep instead.
      t += mean > 1e-3 ? ds / mean : ds / 0.5;
    }
    const double wait = v[i] == 0 ? std::max(0.0, dwell_s[i]) : 0.0;
    points_.push_back(Point{s_of(i), v[i], t, t + wait});
    t += wait;
  }
}

SpeedProfile::State SpeedProfile::at(double t_s) const {
  const double t = std::clamp(t_s, 0.0, duration_s());
  // The first point whose departure is after t: the vehicle is waiting there or heading to it.
  auto it = std::upper_bound(points_.begin(), points_.end(), t, [](double x, const Point& p) { return x < p.depart_s; });
  if (it == points_.end()) return State{points_.back().s_m, 0, 0};
  if (t >= it->arrive_s) return State{it->s_m, it->speed_mps, 0};
  const Point& b = *it;
  const Point& a = *(it - 1);
  const double span = b.arrive_s - a.depart_s;
  const double tau = t - a.depart_s;
  const double accel = span > 0 ? (b.speed_mps - a.speed_mps) / span : 0.0;
  // Constant acceleration between the points; the creep case has equal speeds and moves linearly.
  double s = a.s_m + a.speed_mps * tau + accel * tau * tau / 2;
  double speed = a.speed_mps + accel * tau;
  if (a.speed_mps == 0 && b.speed_mps == 0 && span > 0) {
    s = a.s_m + (b.s_m - a.s_m) * tau / span;
    speed = (b.s_m - a.s_m) / span;
  }
  return State{std::clamp(s, a.s_m, b.s_m), std::max(0.0, speed), accel};
}

size_t SpeedProfile::index_at(double s_m) const {
  const double i = std::floor(std::max(0.0, s_m) / spacing_m_);
  return std::min(points_.size() - 1, static_cast<size_t>(i));
}

double SpeedProfile::time_at(double s_m) const {
  const size_t i = index_at(s_m);
  if (i + 1 >= points_.size()) return points_.back().arrive_s;
  const Point& a = points_[i];
  const Point& b = points_[i + 1];
  const double ds = b.s_m - a.s_m;
  const double f = ds > 0 ? std::clamp((s_m - a.s_m) / ds, 0.0, 1.0) : 0.0;
  // Linear in time within one grid step is exact enough (one step is a metre).
  return a.depart_s + f * (b.arrive_s - a.depart_s);
}

}  // namespace drivelog::sim
