#include "match/along_path_smoother.hpp"

#include <algorithm>

namespace drivelog::match {
namespace {

// A prior on speed before any evidence: wide enough for a motorway.
constexpr double kSpeedPriorSigmaMps = 15;

}  // namespace

void AlongPathSmoother::smooth(std::span<const AlongPathObservation> points, const AlongPathModel& model,
                               std::vector<double>& out_s_m) {
  const std::size_t n = points.size();
  out_s_m.resize(n);  // every entry is written below
  if (n == 0) return;
  predicted_.resize(n);
  filtered_.resize(n);
  const double q = model.accel_sigma_mps2 * model.accel_sigma_mps2;
  const double speed_variance = model.speed_sigma_mps * model.speed_sigma_mps;

  // Forward: predict with constant speed and white random acceleration, then update with the
  // fix's projection and its reported speed (Kalman, 2 states).
  Gaussian2 g;
  for (std::size_t k = 0; k < n; ++k) {
    const AlongPathObservation& p = points[k];
    if (k == 0) {
      const auto first = std::find_if(points.begin(), points.end(), [](const AlongPathObservation& o) { return !std::isnan(o.s_m); });
      g.s = first == points.end() ? 0.0 : first->s_m;
      g.pss = first == points.end() ? 1e6 : 4 * first->sigma_m * first->sigma_m;
      g.v = 0;
      g.psv = 0;
      g.pvv = kSpeedPriorSigmaMps * kSpeedPriorSigmaMps;
    } else {
      const double dt = std::max(0.0, p.time_s - points[k - 1].time_s);
      const Gaussian2 f = filtered_[k - 1];
      g.s = f.s + dt * f.v;
      g.v = f.v;
      g.pss = f.pss + 2 * dt * f.psv + dt * dt * f.pvv + q * dt * dt * dt / 3;
      g.psv = f.psv + dt * f.pvv + q * dt * dt / 2;
      g.pvv = f.pvv + q * dt;
    }
    predicted_[k] = g;
    if (!std::isnan(p.s_m)) {
      const double innovation = p.s_m - g.s;
      const double variance = g.pss + p.sigma_m * p.sigma_m;
      const double ks = g.pss / variance, kv = g.psv / variance;
      g.s += ks * innovation;
      g.v += kv * innovation;
      const double pss = g.pss, psv = g.psv;
      g.pss = pss - ks * pss;
      g.psv = psv - ks * psv;
      g.pvv = g.pvv - kv * psv;
    }
    if (!std::isnan(p.speed_mps)) {
      const double innovation = p.speed_mps - g.v;
      const double variance = g.pvv + speed_variance;
      const double ks = g.psv / variance, kv = g.pvv / variance;
      g.s += ks * innovation;
      g.v += kv * innovation;
      const double psv = g.psv, pvv = g.pvv;
      g.pss = g.pss - ks * psv;
      g.psv = psv - ks * pvv;
      g.pvv = pvv - kv * pvv;
    }
    filtered_[k] = g;
  }

  // Backward: Rauch-Tung-Striebel, means only.
  double next_s = filtered_[n - 1].s, next_v = filtered_[n - 1].v;
  out_s_m[n - 1] = next_s;
  for (std::size_t k = n - 1; k-- > 0;) {
    const Gaussian2& f = filtered_[k];
    const Gaussian2& p = predicted_[k + 1];
    const double dt = std::max(0.0, points[k + 1].time_s - points[k].time_s);
    // C = P_f F^T P_p^-1
    const double m11 = f.pss + dt * f.psv, m12 = f.psv, m21 = f.psv + dt * f.pvv, m22 = f.pvv;
    const double det = p.pss * p.pvv - p.psv * p.psv;
    double s = f.s, v = f.v;
    if (det > 1e-12) {
      const double i11 = p.pvv / det, i12 = -p.psv / det, i22 = p.pss / det;
      const double c11 = m11 * i11 + m12 * i12, c12 = m11 * i12 + m12 * i22;
      const double c21 = m21 * i11 + m22 * i12, c22 = m21 * i12 + m22 * i22;
      const double ds = next_s - p.s, dv = next_v - p.v;
      s += c11 * ds + c12 * dv;
      v += c21 * ds + c22 * dv;
    }
    out_s_m[k] = s;
    next_s = s;
    next_v = v;
  }
  for (std::size_t k = 1; k < n; ++k) out_s_m[k] = std::max(out_s_m[k], out_s_m[k - 1]);
}

}  // namespace drivelog::match
