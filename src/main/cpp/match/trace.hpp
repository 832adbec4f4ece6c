// A cleaned GPS trace: the points the matcher and the detectors work on.
#pragma once

#include <cstdint>

namespace drivelog::match {

// One GPS fix after cleaning: finite, in range, strictly increasing time. Optional values are NaN.
struct TracePoint {
  double time_s = 0;       // seconds since the Unix epoch, UTC
  double lat = 0;          // degrees
  double lon = 0;          // degrees
  float speed_mps = 0;     // reported speed, NaN when absent
  float heading_deg = 0;   // reported course over ground, [0, 360), NaN when absent
  float accuracy_m = 0;    // reported 1-sigma horizontal accuracy, NaN when absent
};

}  // namespace drivelog::match
