// Turns caller-supplied columns into a clean trace: bad points dropped and counted, never fatal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "match/trace.hpp"

namespace drivelog::match {

// What cleaning did, for the result's quality section.
struct CleaningReport {
  uint64_t input_points = 0;
  uint64_t dropped_points = 0;      // non-finite or out-of-range time/position, or a repeated time
  uint64_t out_of_order_points = 0; // points that came before their predecessor's time (re-sorted, kept)
  uint64_t cleared_values = 0;      // speed/heading/accuracy values that were implausible and ignored
};

// The raw columns of a trip as the C ABI receives them; optional columns may be null.
struct TraceColumns {
  std::size_t count = 0;
  const double* time_s = nullptr;
  const double* lat = nullptr;
  const double* lon = nullptr;
  const float* speed_mps = nullptr;
  const float* heading_deg = nullptr;
  const float* accuracy_m = nullptr;
};

// Fills `out` (cleared first, capacity reused) with the valid points in time order. Points with a
// non-finite or out-of-range time, latitude or longitude are dropped; so are later points with a
// time already seen. Unsorted input is sorted (stable). Negative or absurd speeds (> 150 m/s),
// non-positive accuracies and non-finite headings become NaN; headings are wrapped into [0, 360).
CleaningReport clean_trace(const TraceColumns& columns, std::vector<TracePoint>& out);

}  // namespace drivelog::match
