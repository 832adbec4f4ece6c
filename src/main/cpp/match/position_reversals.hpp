// Whether a trip's own positions show the car turning round between two fixes, for logs whose
// headings say nothing (none reported, or contradicting the motion). The course the fixes make
// over a few seconds before the first fix and the one they make over a few seconds after the
// second point (nearly) opposite ways, each longer than the fixes' noise can fake.
//
// Why: without this evidence a real U-turn pays uturn_penalty_m (20 log units at the defaults),
// beyond the beam's 15, so the state that turned round was pruned on its step and the path took
// the fixes back on the wrong road (Bristol, legal drives without speeds or headings: the car came
// back on a parallel street, the matched path joined it at 180 km/h; docs/ENGINE.md "Beam"). And
// at that price a lap round a block through a closed bus lane (40 + 0.2 a metre) was cheaper than
// the U-turn (Via Montebello): where the positions show it, the U-turn pays uturn_seen_penalty_m,
// as where the headings do (match/uturn_price.hpp).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "match/fix_sigmas.hpp"
#include "match/trace.hpp"

namespace drivelog::match {

class PositionReversals {
 public:
  // Courses are read over the fixes at most this long before the first fix and after the second:
  // long enough for a turning car to cover several sigmas, short enough that one course is one
  // stretch of road.
  static constexpr double kWindowS = 6;
  // Each course must be longer than this many sigmas of its end fixes (the larger): two fixes of a
  // standing car are about 1.4 sigma apart on average, over 3 sigmas in well under 1 % of pairs.
  static constexpr double kMinSigmas = 3;
  // cos 120 degrees: courses further apart are the car facing the other way (as CourseReversals).
  static constexpr double kCosReversed = -0.5;
  // The longest step read: over longer, a road bending round behind a receiver gap would read as
  // a U-turn (as CourseReversals::kSpanS).
  static constexpr double kSpanS = 20;

  // Where a car stands (or crawls) at the end of a window, its course is read from the last fix
  // before it (the first after it) beyond the noise, at most this long before (after): a car that
  // turns round and waits, or waits and turns round, shows no course within kWindowS of the turn.
  static constexpr double kStandS = 60;

  // Indexes `trace`; nothing is reversed when `used` is false.
  void index(std::span<const TracePoint> trace, const FixSigmas& sigmas, bool used);

  // Whether the course the fixes make up to fix `from` and the one they make from fix `to`
  // (from < to, at most kSpanS apart) are opposite, both beyond the noise.
  [[nodiscard]] bool reversed(uint32_t from, uint32_t to) const;

 private:
  struct Course {
    double east_m = 0, north_m = 0;
    bool known = false;  // longer than kMinSigmas
  };
  std::span<const TracePoint> trace_;
  std::vector<Course> before_;  // per fix: from the earliest fix within kWindowS before it to it
  std::vector<Course> after_;   // per fix: from it to the latest fix within kWindowS after it
};

}  // namespace drivelog::match
