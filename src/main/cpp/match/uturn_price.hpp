// What turning round costs the path, in metres of route (a prior on how people drive, not distance
// the fixes measure; docs/ENGINE.md "Turning round").
//
// Drivers do turn round (a missed turn, a delivery, the way out of a car park), but a U-turn is
// also how a matcher explains away what the fixes show: a forbidden left turn becomes straight on,
// round a few metres on and right; a closed road's entry becomes a turn before it. So the price
// follows the evidence. Where the trip's reported headings show the car facing the other way a few
// seconds later (CourseReversals), or in a log whose headings say nothing its fixes' own course
// does (PositionReversals), it turned round: uturn_seen_penalty_m, less than a lap round a block
// or through a closed road would cost. Else uturn_penalty_m, the price of the doubt, more
// than a turn restriction's or a closed road's penalty. And a car turns round slowly, about a half
// circle of uturn_radius_m: where the trusted speeds say it was faster than that allows, the grip it
// would have needed is priced on top, as for any turn too fast for its corner.
#pragma once

#include <algorithm>
#include <cmath>

#include "match/hmm_probabilities.hpp"
#include "match/match_config.hpp"
#include "match/trace.hpp"

namespace drivelog::match {

// `seen`: the headings (or the positions) show the car turning round between fixes `a` and `b`. `speeds_trusted`: the
// trip's reported speeds agree with its motion (Matcher). `brake_mps2`: the deceleration assumed
// between the fixes when looking for the slowest the car can have gone.
inline double uturn_price_m(const MatchConfig& config, bool seen, bool speeds_trusted, double brake_mps2,
                            const TracePoint& a, const TracePoint& b) {
  const double base = seen ? config.uturn_seen_penalty_m : config.uturn_penalty_m;
  if (!speeds_trusted || config.max_lateral_accel_mps2 <= 0 || std::isnan(a.speed_mps) || std::isnan(b.speed_mps)) {
    return base;
  }
  const double slowest = std::max(0.0, std::min(a.speed_mps, b.speed_mps) - brake_mps2 * (b.time_s - a.time_s) / 2);
  // A half circle turns the heading by 180 degrees on a corner of radius uturn_radius_m, which
  // turn_speed_log() takes as tan(90 degrees / 2) = 1 over that radius.
  const double grip_log = HmmProbabilities::turn_speed_log(1.0, slowest, config.uturn_radius_m, config.max_lateral_accel_mps2);
  return base - grip_log * config.beta_m;
}

}  // namespace drivelog::match
