// How far a fix lies from a road, judged with the fix before it: receiver error is a bias that
// wanders slowly, so what one road over a parallel one has to explain is not each fix's distance
// afresh but how the error would have had to change between fixes.
//
// The error (per fix, in units of its sigma) is modelled as first-order autoregressive: from one
// fix to the next it keeps the share rho of itself and gains a fresh part of variance 1 - rho^2;
// now and then it re-draws outright (satellites change, a reflection appears or goes), which costs
// `jump_log`. A candidate sees only the part of the error across its road (the part along it moves
// the car's position instead), so the previous candidate's error across its own road predicts the
// new one's through the cosine between the two roads' normals, and the unseen part along the
// previous road widens the prediction as far as it lies across the new road (a right-angle turn
// predicts nothing). With rho = 0 this is the independent emission -|z|^2 / 2 of Newson & Krumm.
//
// What carries over is the error in metres, not in sigmas: a receiver's reported accuracy moves
// from fix to fix (4.4, 6.2, 5.0 m) while the bias it sits in stays where it is, so the previous
// error predicts the same metres, which are more or fewer of this fix's sigmas. Carried in sigmas,
// a steady 20 m bias read as 4 sigmas at one fix and 3 at the next: every wobble of the accuracy
// billed the road far from the fixes as a change of the error, and the road beside the bias won
// stretches it never earned (a one-way carriageway driven against, on legal drives).
#pragma once

#include <algorithm>
#include <cmath>

namespace drivelog::match {

// A fix's error against one candidate: the fix minus its projection on the road in units of the
// fix's sigma, and the road's unit direction there.
struct ErrorSample {
  float east = 0, north = 0;
  float dir_east = 1, dir_north = 0;

  // -|z|^2 / 2: the fix's distance as independent evidence.
  [[nodiscard]] double independent_log() const {
    return -0.5 * (static_cast<double>(east) * east + static_cast<double>(north) * north);
  }
};

class ErrorContinuity {
 public:
  // Below this the previous fix predicts under 6 % of the error's variance: not worth a term per
  // pair of states (a white-noise trace's estimated share of new error scatters a little below 1).
  static constexpr double kNegligibleRho = 0.25;

  // rho in [0, 1): how much of the error survives from the previous fix; jump_log >= 0;
  // `sigma_ratio`: the previous fix's sigma over this fix's (> 0), which turns the previous error,
  // in its own sigmas, into this fix's.
  ErrorContinuity(double rho, double jump_log, double sigma_ratio = 1.0)
      : rho_(rho), jump_log_(jump_log), carried_(rho * sigma_ratio), sigma_ratio_(sigma_ratio) {}

  // The correlation a step of `dt_s` leaves: the share of the error that is not new at every fix
  // (1 - independent_share) decaying with `correlation_s` (0: independent fixes).
  static double rho_for(double dt_s, double independent_share, double correlation_s) {
    if (correlation_s <= 0 || !(dt_s >= 0)) return 0.0;
    return std::clamp(1.0 - independent_share, 0.0, 1.0) * std::exp(-dt_s / correlation_s);
  }

  // Whether the previous fix says anything about this one's error (else each fix counts alone:
  // independent_log()).
  [[nodiscard]] bool correlated() const { return rho_ > kNegligibleRho; }

  // Log-likelihood of the error `now` given the error `before` (relative: 0 at a perfect fit).
  [[nodiscard]] double log_likelihood(const ErrorSample& before, const ErrorSample& now) const {
    const double independent = now.independent_log();
    if (!correlated()) return independent;
    // The new road's normal (left of its direction) and the parts of the error across and along it.
    const double normal_east = -now.dir_north, normal_north = now.dir_east;
    const double across = now.east * normal_east + now.north * normal_north;
    const double along = now.east * now.dir_east + now.north * now.dir_north;  // beyond a road's end only
    const double predicted = carried_ * (before.east * normal_east + before.north * normal_north);
    // The new part of the error (1 - rho^2 of this fix's variance) and the carried part of the
    // previous error along its road, which nobody saw, as far as it lies across this one.
    const double unseen = before.dir_east * normal_east + before.dir_north * normal_north;
    const double unseen_share = sigma_ratio_ * unseen;
    const double variance = 1.0 - rho_ * rho_ + rho_ * rho_ * unseen_share * unseen_share;
    const double miss = across - predicted;
    const double continued = -0.5 * (miss * miss / variance + along * along);
    return std::max(continued, independent - jump_log_);
  }

 private:

  double rho_;
  double jump_log_;
  double carried_;      // rho x sigma_ratio: the previous error's share, in this fix's sigmas
  double sigma_ratio_;
};

// ErrorContinuity::rho_for() remembering its last answer: fixes come at a steady rate, so most
// steps of a trip ask with the same time between fixes (an exp() each otherwise).
class RhoMemo {
 public:
  double rho_for(double dt_s, double independent_share, double correlation_s) {
    if (!filled_ || dt_s != dt_s_ || independent_share != share_ || correlation_s != correlation_s_) {
      rho_ = ErrorContinuity::rho_for(dt_s, independent_share, correlation_s);
      dt_s_ = dt_s;
      share_ = independent_share;
      correlation_s_ = correlation_s;
      filled_ = true;
    }
    return rho_;
  }

 private:
  bool filled_ = false;
  double dt_s_ = 0, share_ = 0, correlation_s_ = 0, rho_ = 0;
};

}  // namespace drivelog::match
