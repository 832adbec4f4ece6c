#include "detect/trip_closures.hpp"

#include <algorithm>
#include <cmath>

namespace drivelog::detect {

void ConditionalTripClosures::start_trip(double first_utc, double last_utc) {
  closed_.clear();
  first_utc_ = std::isfinite(first_utc) ? first_utc : 0;
  last_utc_ = std::isfinite(last_utc) ? std::max(last_utc, first_utc_) : first_utc_;
}

bool ConditionalTripClosures::closed_during_trip(uint32_t edge, bool forward) const {
  const uint32_t key = edge * 2 + (forward ? 1 : 0);
  const auto known = closed_.find(key);
  if (known != closed_.end()) return known->second;
  const map::EdgeRecord& record = map_->edge(edge);
  // A trip of more than a day (a logger left on) keeps the closed price.
  bool closed = last_utc_ - first_utc_ > 86400;
  for (double t = first_utc_; !closed; t += kSampleS) {
    const double at = std::min(t, last_utc_);
    const ConditionalVerdict verdict = rules_.at(edge, forward, map::ConditionalKind::access, at);
    closed = verdict.state == ConditionalVerdict::State::undecidable || closed_under(record, verdict);
    if (at >= last_utc_) break;
  }
  closed_.emplace(key, closed);
  return closed;
}

}  // namespace drivelog::detect
