// What the proven speed bound (detect/curve_speed_bound.hpp) is fed from a matched trip: the fixes
// around a stretch of path and the straight-line distances from them to the stretch. Shared by the
// rules that judge a stretch from fixes too far apart in time to interpolate (curve_overspeed,
// stop_sign at 0.2 Hz).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "detect/curve_speed_bound.hpp"
#include "detect/path_lookup.hpp"

namespace drivelog::detect {

// How far off along the path a fix may be placed: at least `min_placement_m`, and `accuracy_sigmas`
// x the fix's reported accuracy where that is worse (0: the accuracy is not used).
struct PlacementRule {
  double min_placement_m = 15;
  double accuracy_sigmas = 3;
};

// How far off along the path matched fix k (an index into SpeedProfile::matched()) may be placed.
double placement_m(const TripView& trip, std::size_t k, const PlacementRule& placement);

// The fixes first..last of `piece` (indices into SpeedProfile::matched()) and those of the piece
// within `window_s` before and after them, as the bound sees them: a reported speed only where
// trusted (not derived, not ignored by the matcher), placement by `placement`.
// `from_out`: the matched index of the first fix returned.
std::vector<BoundFix> bound_fixes(const TripView& trip, std::size_t first, std::size_t last, uint32_t piece,
                                  double window_s, const PlacementRule& placement, std::size_t& from_out);

// For the bound: the straight-line distance (m) from fix i of the bound's fixes (matched index
// first_fix + i) as logged to the path's point at path distance p in [start_s_m, end_s_m]; the
// stretch's points every metre, computed once (NaN where the piece's path has no traversal there).
// The returned function refers to `trip`, which must outlive it.
std::function<double(std::size_t, double)> straight_line(const TripView& trip, double start_s_m, double end_s_m,
                                                         uint32_t piece, std::size_t first_fix);

}  // namespace drivelog::detect
