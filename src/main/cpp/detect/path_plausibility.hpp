// Whether the matched path over a stretch is one the car could have driven, judged by the speeds
// its receiver reported there.
#pragma once

#include "detect/detect_config.hpp"
#include "detect/path_lookup.hpp"

namespace drivelog::detect {

// True when covering the path from `start_s` to `end_s` in the time the matched fixes give it
// needs a speed well above the fastest the receiver reported around it: the path is then an
// artefact of GPS noise (a detour into a side road and back between two fixes) and the map rule it
// seems to break was not broken. False when no reported speed is at hand (nothing to judge by).
bool path_outruns_receiver(const TripView& trip, double start_s, double end_s, const PathCheckConfig& config);

}  // namespace drivelog::detect
