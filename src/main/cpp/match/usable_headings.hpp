// Which fixes' reported headings say which way the car faced. A course is noise when the car is
// slow, so a heading counts where the car moved at heading_min_speed_mps or more: by its reported
// speed, or in a log without speeds by the slowest average the positions allow around the fix
// (SpeedBound, over about ten seconds). A receiver that writes its course but not its speed still
// shows the direction of travel: counted only with a speed, such a log was matched as one without
// headings (the same false findings on simulated legal drives as with both columns empty).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "match/speed_bound.hpp"
#include "match/trace.hpp"

namespace drivelog::match {

// usable[i] = 1 where fix i's heading is usable, else 0.
inline void mark_usable_headings(std::span<const TracePoint> trace, const SpeedBound& bound, double min_speed_mps,
                                 std::vector<uint8_t>& usable) {
  usable.assign(trace.size(), 0);
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const TracePoint& p = trace[i];
    if (std::isnan(p.heading_deg)) continue;
    const double moving_mps = std::isnan(p.speed_mps) ? static_cast<double>(bound.lowest_mps(i)) : p.speed_mps;
    usable[i] = moving_mps >= min_speed_mps ? 1 : 0;
  }
}

}  // namespace drivelog::match
