// Which stretches of a trip the braking, acceleration and cornering events can be judged on: two
// consecutive matched fixes of one piece, both with a trusted reported speed, close enough in
// time. Speeds derived from positions at 1 Hz carry metres of GPS error per second (a few m/s^2
// of false acceleration), and a gap of seconds hides what happened in it: those stretches are
// undecided, not guessed.
#pragma once

#include <cstddef>

#include "detect/detect_config.hpp"
#include "detect/path_lookup.hpp"
#include "detect/violation.hpp"

namespace drivelog::detect {

// True when the matched fixes k and k + 1 make a stretch the events can be judged on.
bool judged_pair(const TripView& trip, std::size_t k, const EventsConfig& config);

// How much slower than the speeds of fixes k and k + 1 the car may have been between them out of
// sight (events.unseen_slowing_mps_per_s for each second beyond the first): what a corner's or a
// curve's speed interpolated between them is lowered by.
double unseen_slowing_mps(const TripView& trip, std::size_t k, const EventsConfig& config);

// The trip's judged and undecided driving time and why (summary.events).
EventCoverage event_coverage(const TripView& trip, const EventsConfig& config);

// Fills a finding's place, ways and road from matched fixes first..last (indices into
// SpeedProfile::matched()).
void locate(const TripView& trip, std::size_t first, std::size_t last, Violation& v);

}  // namespace drivelog::detect
