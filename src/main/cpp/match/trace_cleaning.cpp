#include "match/trace_cleaning.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace drivelog::match {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kMaxPlausibleSpeedMps = 150.0F;  // 540 km/h: anything above is a broken receiver
// Times are kept and reported to the millisecond: beyond 2^53 ms (about 285,000 years either side
// of 1970) a double holds no milliseconds, and the span between two such times can overflow to
// infinity, which no result field could show.
constexpr double kMaxAbsTimeS = 0x1p53 / 1000;

// An optional column value, NaN when the column is absent or the value implausible.
float optional_value(const float* column, std::size_t i, float min_exclusive, float max_inclusive, uint64_t& cleared) {
  if (column == nullptr) return kNaN;
  const float v = column[i];
  if (std::isnan(v)) return kNaN;
  if (!std::isfinite(v) || v <= min_exclusive || v > max_inclusive) {
    ++cleared;
    return kNaN;
  }
  return v;
}

}  // namespace

CleaningReport clean_trace(const TraceColumns& columns, std::vector<TracePoint>& out) {
  CleaningReport report;
  report.input_points = columns.count;
  out.clear();
  if (columns.count == 0 || columns.time_s == nullptr || columns.lat == nullptr || columns.lon == nullptr) {
    report.dropped_points = columns.count;
    return report;
  }
  out.reserve(columns.count);
  bool sorted = true;
  for (std::size_t i = 0; i < columns.count; ++i) {
    const double t = columns.time_s[i], lat = columns.lat[i], lon = columns.lon[i];
    if (!(std::abs(t) < kMaxAbsTimeS) || !std::isfinite(lat) || !std::isfinite(lon) || lat < -90.0 || lat > 90.0 ||
        lon < -180.0 || lon > 180.0) {
      ++report.dropped_points;
      continue;
    }
    TracePoint p;
    p.time_s = t;
    p.lat = lat;
    p.lon = lon;
    // Speed 0 is valid (stopped), so the lower bound is just below zero.
    p.speed_mps = optional_value(columns.speed_mps, i, -1e-6F, kMaxPlausibleSpeedMps, report.cleared_values);
    if (!std::isnan(p.speed_mps)) p.speed_mps = std::max(p.speed_mps, 0.0F);
    p.accuracy_m = optional_value(columns.accuracy_m, i, 0.0F, 1e6F, report.cleared_values);
    p.heading_deg = kNaN;
    if (columns.heading_deg != nullptr && !std::isnan(columns.heading_deg[i])) {
      const float h = columns.heading_deg[i];
      if (std::isfinite(h)) {
        // fmod() returns anything within (-360, 360) unchanged (exactly): no library call for it.
        float wrapped = h > -360.0F && h < 360.0F ? h : std::fmod(h, 360.0F);
        if (wrapped < 0) wrapped += 360.0F;
        p.heading_deg = wrapped >= 360.0F ? 0.0F : wrapped;
      } else {
        ++report.cleared_values;
      }
    }
    if (!out.empty() && t < out.back().time_s) sorted = false;
    out.push_back(p);
  }
  if (!sorted) {
    // Count how many points were out of order before sorting: each point below the running maximum.
    double running_max = -std::numeric_limits<double>::infinity();
    for (const TracePoint& p : out) {
      if (p.time_s < running_max) ++report.out_of_order_points;
      running_max = std::max(running_max, p.time_s);
    }
    std::stable_sort(out.begin(), out.end(), [](const TracePoint& a, const TracePoint& b) { return a.time_s < b.time_s; });
  }
  // A repeated timestamp cannot be a separate fix: keep the first.
  const auto last = std::unique(out.begin(), out.end(),
                                [](const TracePoint& a, const TracePoint& b) { return a.time_s == b.time_s; });
  report.dropped_points += static_cast<uint64_t>(out.end() - last);
  out.erase(last, out.end());
  return report;
}

}  // namespace drivelog::match
