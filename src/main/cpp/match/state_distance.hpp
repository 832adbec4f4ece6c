// The straight line between two states' places on their roads: what the route between them is
// measured against in the transition (Newson & Krumm measure it against the line between the two
// fixes).
//
// The line between the fixes carries both fixes' errors across their roads. Where the car moves
// far between fixes that hardly matters; where it moves about as far as the noise (1 Hz in town,
// slow traffic, junctions: 7 m a second against sigma 5 m), the kept fixes lie up to 10 m further
// apart than the car drove, and the transition rewards the longer of two routes through a junction for "explaining"
// the noise: under Tokyo's expressway a car that took a junction's 12.6 m diagonal link was
// matched to the 17.8 m dog-leg beside it, or to a 28 m loop round an island, and the dog-leg's
// tight corner read as harsh cornering (docs/BENCHMARKS.md, "The transition measured between the
// states' places"). Between the places on the roads the fixes' errors are taken away: the errors
// across the roads are paid for once, by the emission, and the route is compared with where the
// candidates put the car.
#pragma once

#include <cmath>

#include "match/error_continuity.hpp"

namespace drivelog::match {

// The offset from one fix to the next in metres, east and north (`flat` false: the fixes lie too
// far apart for a flat frame, and the line between the fixes is used instead).
struct FixStep {
  double east = 0, north = 0;
  bool flat = false;
};

// A state's place on its road, in metres east and north of the step's first fix.
struct Place {
  double east = 0, north = 0;
};

// The distance between two states' places (each its fix less its error, in units of the fix's
// sigma), from places computed once per state: in the Viterbi step a pair costs two differences
// and a square root (the conversions and products per pair cost the town 6 % of its instructions
// per fix). The decided path's rebuild (Matcher::join) measures its one pair the same way, so
// that it prices a route exactly as the step that chose it.
//
// Not to first order: projected onto one line per step (the line between the places of the two
// fixes' nearest candidates; a subtraction per pair), places off that line come out short by
// their offset across it squared over twice the distance, and where the nearest candidates lie on
// two roads (a side road beside the street, the fixes biased towards it) the line runs diagonally
// between them: two places on the street 8 m apart came out 5 m apart, and the side road won
// (Matcher.carParkAisleBesideTheStreetNeedsEvidenceToBeDriven). Projected onto the line between the
// fixes instead, the fixes' errors across it are the errors across the road this distance takes
// away, and the places come out as much too close as the fixes lie too far apart
// (docs/BENCHMARKS.md, "The transition between the states' places, cheaper").
class StepPlaces {
 public:
  // For fixes `step` apart (`fixes_m` by the great circle) of sigmas `sigma_from` and `sigma_to`.
  // Fixes too far apart for the flat frame (a gap) put every pair `fixes_m` apart.
  StepPlaces(const FixStep& step, double fixes_m, double sigma_from, double sigma_to) {
    if (!step.flat) {
      step_east_ = fixes_m;
      return;
    }
    step_east_ = step.east, step_north_ = step.north;
    sigma_from_ = sigma_from, sigma_to_ = sigma_to;
  }

  // A state of the first fix (its error `e`, in sigmas): its place.
  [[nodiscard, gnu::always_inline]] Place from(const ErrorSample& e) const {
    return Place{-sigma_from_ * static_cast<double>(e.east), -sigma_from_ * static_cast<double>(e.north)};
  }
  // A state of the second fix: its place.
  [[nodiscard, gnu::always_inline]] Place to(const ErrorSample& e) const {
    return Place{step_east_ - sigma_to_ * static_cast<double>(e.east), step_north_ - sigma_to_ * static_cast<double>(e.north)};
  }
  [[nodiscard, gnu::always_inline]] static double apart_m(const Place& from, const Place& to) {
    const double east = to.east - from.east, north = to.north - from.north;
    return std::sqrt(east * east + north * north);
  }

 private:
  double step_east_ = 0, step_north_ = 0;  // the second fix from the first
  double sigma_from_ = 0, sigma_to_ = 0;   // 0 across a gap: every place at its fix
};

}  // namespace drivelog::match
