#include "detect/trip_closures.hpp"

#include <algorithm>
#include <cmath>

namespace drivelog::detect {

void ConditionalTripClosures::start_trip(double first_utc, double last_utc) {
  closed_.clear();
  first_utc_ = std::isfinite(first_utc) ? first_utc : 0;
  last_utc_ = std::isfinite(last_utc) ? std::max(last_utc, first_utc_) : first_utc_;
}

bool ConditionalTripClosures::closed_during_trip(uint32_t edge) const {
  if (map_->conditionals_on(edge).empty()) return true;  // closed by its plain tags alone
  const auto known = closed_.find(edge);
  if (known != closed_.end()) return known->second;
  const map::EdgeRecord& record = map_->edge(edge);
  bool closed = false;
  // A trip of days (a logger left on) is judged at most every 10 minutes of its first day; a
  // longer one keeps the closed price, as before.
  const bool too_long = last_utc_ - first_utc_ > 86400;
  for (double t = first_utc_; !closed && !too_long; t += kSampleS) {
    const double at = std::min(t, last_utc_);
    const ConditionalVerdict verdict = rules_.at(edge, map::ConditionalKind::access, at);
    closed = verdict.state == ConditionalVerdict::State::undecidable || closed_under(record, verdict);
    if (at >= last_utc_) break;
  }
  closed_.emplace(edge, closed || too_long);
  return closed || too_long;
}

}  // namespace drivelog::detect
