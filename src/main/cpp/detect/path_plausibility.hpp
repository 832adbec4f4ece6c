// Whether the matched path over a stretch is one the car could have driven, judged by the speeds
// its receiver reported there.
#pragma once

#include "detect/detect_config.hpp"
#include "detect/path_lookup.hpp"

namespace drivelog::detect {

// True when covering the path from `start_s` to `end_s` in the time the matched fixes give it
// needs a speed well above the fastest the receiver reported around it: the path is then an
// artefact of GPS noise (a detour into a side road and back between two fixes) and the map rule it
// seems to break was not broken. The same holds for the mean speed the path needs against the
// distance the reported speeds cover in that time (where every speed there is reported and no two
// fixes lie more than max_unseen_s apart). False when no reported speed is at hand (nothing to
// judge by).
bool path_outruns_receiver(const TripView& trip, double start_s, double end_s, const PathCheckConfig& config);

// True when the receiver saw less than `min_seen_m` of the stretch from `start_s` to `end_s`: the
// rest lies between matched fixes more than `max_unseen_s` apart. The path there is the matcher's
// guess of the route through a receiver gap (the shortest one the priors allow), not an
// observation, so a map rule it seems to break is no finding: the evaluation counts a violation
// inside a receiver gap as unobservable for the same reason. A fix at the stretch's very end does
// not make it seen (Heidelberg: a 50 m one-way short cut guessed through a 27 s gap, the first
// fix after it placed at the short cut's end).
bool path_unseen(const TripView& trip, double start_s, double end_s, double min_seen_m, const PathCheckConfig& config);

// True when most of the matched fixes on traversals [first, last) (path distance start_s to end_s)
// that carry a trusted heading (the trip's headings not ignored, the fix at heading_min_speed_mps
// or more) point more than max_heading_off_deg away from the path's direction where they lie, and
// at least two do: the receiver saw the car go another way than the path, which a bias across the
// road put on a one-way street beside the one driven (a car turning round on a two-way road, its
// fixes 10 m across on the one-way street it meets: "into it and back out against it").
bool headings_contradict_path(const TripView& trip, std::size_t first, std::size_t last, double start_s, double end_s,
                              const PathCheckConfig& config);

}  // namespace drivelog::detect
