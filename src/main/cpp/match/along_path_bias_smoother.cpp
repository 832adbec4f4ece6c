#include "match/along_path_bias_smoother.hpp"

#include <algorithm>

namespace drivelog::match {
namespace {

using Vector = AlongPathBiasSmoother::Vector;
using Matrix = AlongPathBiasSmoother::Matrix;
constexpr std::size_t N = AlongPathBiasSmoother::kStates;
constexpr std::size_t kS = 0, kV = 1, kEast = 2, kNorth = 3;

// A prior on speed before any evidence: wide enough for a motorway.
constexpr double kSpeedPriorSigmaMps = 15;
// The white part of the error never below this share of sigma^2: a fix is never exact, and the
// filter stays well conditioned when the trip's error looks all bias.
constexpr double kMinWhiteShare = 0.05;

double& at(Matrix& m, std::size_t r, std::size_t c) { return m[r * N + c]; }
double at(const Matrix& m, std::size_t r, std::size_t c) { return m[r * N + c]; }

// x' = F x: s += dt v, the error keeps rho of itself.
Vector predict_mean(const Vector& x, double dt, double rho) {
  return Vector{x[kS] + dt * x[kV], x[kV], rho * x[kEast], rho * x[kNorth]};
}

// F P F^T + Q for F = [[1 dt 0 0] [0 1 0 0] [0 0 rho 0] [0 0 0 rho]].
Matrix predict_covariance(const Matrix& p, double dt, double rho, double q_accel, double q_error) {
  Matrix fp{};  // F P
  for (std::size_t c = 0; c < N; ++c) {
    at(fp, kS, c) = at(p, kS, c) + dt * at(p, kV, c);
    at(fp, kV, c) = at(p, kV, c);
    at(fp, kEast, c) = rho * at(p, kEast, c);
    at(fp, kNorth, c) = rho * at(p, kNorth, c);
  }
  Matrix out{};  // (F P) F^T
  for (std::size_t r = 0; r < N; ++r) {
    at(out, r, kS) = at(fp, r, kS) + dt * at(fp, r, kV);
    at(out, r, kV) = at(fp, r, kV);
    at(out, r, kEast) = rho * at(fp, r, kEast);
    at(out, r, kNorth) = rho * at(fp, r, kNorth);
  }
  at(out, kS, kS) += q_accel * dt * dt * dt / 3;
  at(out, kS, kV) += q_accel * dt * dt / 2;
  at(out, kV, kS) += q_accel * dt * dt / 2;
  at(out, kV, kV) += q_accel * dt;
  at(out, kEast, kEast) += q_error;
  at(out, kNorth, kNorth) += q_error;
  return out;
}

// Kalman update with one scalar measurement y = a x[i] + b x[j] + noise (variance r): every
// measurement here involves at most two states, so P h is two columns of P.
void update_scalar(Vector& x, Matrix& p, std::size_t i, double a, std::size_t j, double b, double y, double r) {
  Vector ph{};  // P h
  for (std::size_t k = 0; k < N; ++k) ph[k] = a * at(p, k, i) + b * at(p, k, j);
  const double s = r + a * ph[i] + b * ph[j];
  if (!(s > 0)) return;
  const double innovation = y - (a * x[i] + b * x[j]);
  for (std::size_t k = 0; k < N; ++k) x[k] += ph[k] / s * innovation;
  for (std::size_t k = 0; k < N; ++k) {
    for (std::size_t l = 0; l < N; ++l) at(p, k, l) -= ph[k] * ph[l] / s;
  }
}

// Solves P X = B for symmetric positive definite P (Cholesky); false if P is not.
bool solve_spd(const Matrix& p, Matrix& b) {
  Matrix l{};
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      double sum = at(p, i, j);
      for (std::size_t k = 0; k < j; ++k) sum -= at(l, i, k) * at(l, j, k);
      if (i == j) {
        if (!(sum > 1e-12)) return false;
        at(l, i, i) = std::sqrt(sum);
      } else {
        at(l, i, j) = sum / at(l, j, j);
      }
    }
  }
  for (std::size_t c = 0; c < N; ++c) {
    for (std::size_t i = 0; i < N; ++i) {  // L y = b
      double sum = at(b, i, c);
      for (std::size_t k = 0; k < i; ++k) sum -= at(l, i, k) * at(b, k, c);
      at(b, i, c) = sum / at(l, i, i);
    }
    for (std::size_t i = N; i-- > 0;) {  // L^T x = y
      double sum = at(b, i, c);
      for (std::size_t k = i + 1; k < N; ++k) sum -= at(l, k, i) * at(b, k, c);
      at(b, i, c) = sum / at(l, i, i);
    }
  }
  return true;
}

}  // namespace

void AlongPathBiasSmoother::smooth(std::span<const BiasObservation> points, const BiasModel& model,
                                   std::vector<double>& out_s_m) {
  const std::size_t n = points.size();
  out_s_m.assign(n, 0.0);
  if (n == 0) return;
  predicted_.resize(n);
  filtered_.resize(n);
  rho_.assign(n, 0.0);
  const double q_accel = model.accel_sigma_mps2 * model.accel_sigma_mps2;
  const double bias_share = std::clamp(1.0 - model.independent_share, 0.0, 1.0 - kMinWhiteShare);
  const double white_share = 1.0 - bias_share;

  // Forward: predict, then update with the fix (two scalar measurements, east and north: the
  // linearised path point T s + error) and the reported speed.
  Gaussian g;
  for (std::size_t k = 0; k < n; ++k) {
    const BiasObservation& o = points[k];
    const double sigma2 = o.sigma_m * o.sigma_m;
    if (k == 0) {
      g.mean = Vector{o.at_s_m, std::isnan(o.speed_mps) ? 0.0 : o.speed_mps, 0, 0};
      g.covariance = Matrix{};
      at(g.covariance, kS, kS) = 4 * sigma2;
      at(g.covariance, kV, kV) = kSpeedPriorSigmaMps * kSpeedPriorSigmaMps;
      at(g.covariance, kEast, kEast) = bias_share * sigma2;
      at(g.covariance, kNorth, kNorth) = bias_share * sigma2;
    } else {
      const double dt = std::max(0.0, o.time_s - points[k - 1].time_s);
      const double rho = model.correlation_s > 0 ? std::exp(-dt / model.correlation_s) : 0.0;
      rho_[k] = rho;
      const Gaussian& f = filtered_[k - 1];
      g.mean = predict_mean(f.mean, dt, rho);
      g.covariance = predict_covariance(f.covariance, dt, rho, q_accel, bias_share * sigma2 * (1 - rho * rho));
    }
    predicted_[k] = g;
    // fix = path(at) + dir (s - at) + error + white: in terms of the state, (fix - path(at) + dir at).
    const double white = white_share * sigma2;
    update_scalar(g.mean, g.covariance, kS, o.dir_east, kEast, 1, o.east_m - o.path_east_m + o.dir_east * o.at_s_m,
                  white);
    update_scalar(g.mean, g.covariance, kS, o.dir_north, kNorth, 1, o.north_m - o.path_north_m + o.dir_north * o.at_s_m,
                  white);
    if (!std::isnan(o.speed_mps)) {
      update_scalar(g.mean, g.covariance, kV, 1, kV, 0, o.speed_mps, model.speed_sigma_mps * model.speed_sigma_mps);
    }
    filtered_[k] = g;
  }

  // Backward: Rauch-Tung-Striebel, means only. C = P_f F^T P_p^-1, from P_p C^T = F P_f.
  Vector next = filtered_[n - 1].mean;
  out_s_m[n - 1] = next[kS];
  for (std::size_t k = n - 1; k-- > 0;) {
    const Gaussian& f = filtered_[k];
    const Gaussian& p = predicted_[k + 1];
    const double dt = std::max(0.0, points[k + 1].time_s - points[k].time_s);
    const double rho = rho_[k + 1];
    Matrix fpf{};  // F P_f, whose transpose is P_f F^T (P_f symmetric)
    for (std::size_t c = 0; c < N; ++c) {
      at(fpf, kS, c) = at(f.covariance, kS, c) + dt * at(f.covariance, kV, c);
      at(fpf, kV, c) = at(f.covariance, kV, c);
      at(fpf, kEast, c) = rho * at(f.covariance, kEast, c);
      at(fpf, kNorth, c) = rho * at(f.covariance, kNorth, c);
    }
    Vector x = f.mean;
    if (solve_spd(p.covariance, fpf)) {  // fpf now holds C^T
      Vector d{};
      for (std::size_t i = 0; i < N; ++i) d[i] = next[i] - p.mean[i];
      for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t j = 0; j < N; ++j) x[i] += at(fpf, j, i) * d[j];
      }
    }
    out_s_m[k] = x[kS];
    next = x;
  }
  for (std::size_t k = 1; k < n; ++k) out_s_m[k] = std::max(out_s_m[k], out_s_m[k - 1]);
}

}  // namespace drivelog::match
