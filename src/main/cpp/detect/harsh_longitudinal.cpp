// harsh_braking and harsh_acceleration: the change of the reported speed across a short window
// around each fix, over the vehicle class's threshold for at least the minimum duration.
#include <algorithm>
#include <cmath>
#include <vector>

#include "detect/event_fixes.hpp"
#include "detect/events.hpp"
#include "detect/severity.hpp"

namespace drivelog::detect {
namespace {

// The speed's slope at each matched fix: (v(after) - v(before)) / time, the window's ends the
// furthest judged fixes within accel_window_s / 2 either side (at 1 Hz: the two neighbours), or the
// nearest judged one beyond it (a fix skipped as a position outlier still leaves its neighbours).
// Reported speeds are noisy by a few tenths of a m/s; over 2 s that is about 0.2 m/s^2.
struct Slopes {
  std::vector<double> mps2;
  std::vector<uint8_t> judged;
  std::vector<std::size_t> before, after;
};

void slopes(const TripView& trip, const EventsConfig& config, Slopes& out) {
  const SpeedProfile& sp = trip.speeds;
  const std::size_t n = sp.matched().size();
  out.mps2.assign(n, 0.0);
  out.judged.assign(n, 0);
  out.before.assign(n, 0);
  out.after.assign(n, 0);
  std::vector<uint8_t> pair(n, 0);  // pair[k]: fixes k and k + 1 are judged together
  for (std::size_t k = 0; k + 1 < n; ++k) pair[k] = judged_pair(trip, k, config) ? 1 : 0;
  const double half = config.accel_window_s / 2;
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t a = k, b = k;
    while (a > 0 && pair[a - 1] && (a == k || sp.time_at(k) - sp.time_at(a - 1) <= half + 1e-9)) --a;
    while (b + 1 < n && pair[b] && (b == k || sp.time_at(b + 1) - sp.time_at(k) <= half + 1e-9)) ++b;
    if (a == k || b == k) continue;  // one side missing: the slope would be half a window off
    out.before[k] = a;
    out.after[k] = b;
    out.mps2[k] = (sp.speed_mps_at(b) - sp.speed_mps_at(a)) / (sp.time_at(b) - sp.time_at(a));
    out.judged[k] = 1;
  }
}

// When the slope crosses the threshold between fix `over` and its judged neighbour `other`.
double crossing(const SpeedProfile& sp, const Slopes& sl, std::size_t over, std::size_t other, double sign,
                double threshold) {
  const double a_over = sign * sl.mps2[over], a_other = sign * sl.mps2[other];
  if (a_over <= a_other) return (sp.time_at(over) + sp.time_at(other)) / 2;
  const double f = std::clamp((a_over - threshold) / (a_over - a_other), 0.0, 1.0);
  return sp.time_at(over) + f * (sp.time_at(other) - sp.time_at(over));
}

// The stretch of fix-to-fix slopes around an episode that stay near the threshold (kRawShare of it).
// The window's slope finds an event without the noise of single intervals, but at 1 Hz it spreads a
// 3 s start from rest over the fixes before and after and is over the threshold for about a second:
// the intervals themselves say how long the car really accelerated.
constexpr double kRawShare = 0.9;

double raw_slope(const SpeedProfile& sp, std::size_t k) {
  return (sp.speed_mps_at(k + 1) - sp.speed_mps_at(k)) / (sp.time_at(k + 1) - sp.time_at(k));
}

void raw_span(const TripView& trip, const EventsConfig& config, std::size_t first, std::size_t last, double sign,
              double threshold, double& start, double& end) {
  const SpeedProfile& sp = trip.speeds;
  const auto near = [&](std::size_t k) {
    return judged_pair(trip, k, config) && sign * raw_slope(sp, k) >= kRawShare * threshold;
  };
  std::size_t a = first, b = last;  // intervals (a, a + 1) .. (b - 1, b)
  while (a > 0 && near(a - 1)) --a;
  while (b + 1 < sp.matched().size() && near(b)) ++b;
  if (a < first || b > last) {
    start = std::min(start, sp.time_at(a));
    end = std::max(end, sp.time_at(b));
  }
}

void report(const TripView& trip, const EventsConfig& config, const Slopes& sl, std::size_t first, std::size_t last,
            ViolationType type, double threshold, std::vector<Violation>& out) {
  const SpeedProfile& sp = trip.speeds;
  const double sign = type == ViolationType::harsh_braking ? -1 : 1;
  double start = sp.time_at(first), end = sp.time_at(last);
  if (first > 0 && sl.judged[first - 1] && sp.piece_at(first - 1) == sp.piece_at(first)) {
    start = crossing(sp, sl, first, first - 1, sign, threshold);
  }
  if (last + 1 < sl.judged.size() && sl.judged[last + 1] && sp.piece_at(last + 1) == sp.piece_at(last)) {
    end = crossing(sp, sl, last, last + 1, sign, threshold);
  }
  raw_span(trip, config, first, last, sign, threshold, start, end);
  const double duration = end - start;
  if (duration < config.min_duration_s) return;
  double peak = 0, sum = 0;
  for (std::size_t k = first; k <= last; ++k) {
    peak = std::max(peak, sign * sl.mps2[k]);
    sum += sign * sl.mps2[k];
  }
  Violation v;
  v.type = type;
  v.start_time_s = start;
  v.end_time_s = end;
  locate(trip, first, last, v);
  const double ratio = peak / threshold;
  v.confidence = std::clamp(0.6 + 0.3 * std::clamp((ratio - 1) / 0.5, 0.0, 1.0) +
                                0.1 * std::clamp(duration / (3 * std::max(0.5, config.min_duration_s)), 0.0, 1.0),
                            0.0, 1.0);
  v.severity = event_severity(ratio, config);
  v.evidence.push_back(EvidenceItem::of_number("peak_mps2", peak, 2));
  v.evidence.push_back(EvidenceItem::of_number("mean_mps2", sum / static_cast<double>(last - first + 1), 2));
  v.evidence.push_back(EvidenceItem::of_number("threshold_mps2", threshold, 2));
  v.evidence.push_back(EvidenceItem::of_number("duration_s", duration));
  v.evidence.push_back(EvidenceItem::of_number("speed_before_kmh", sp.speed_mps_at(sl.before[first]) * 3.6));
  v.evidence.push_back(EvidenceItem::of_number("speed_after_kmh", sp.speed_mps_at(sl.after[last]) * 3.6));
  v.evidence.push_back(EvidenceItem::of_text("speed_source", "reported"));
  out.push_back(std::move(v));
}

void episodes(const TripView& trip, const EventsConfig& config, const Slopes& sl, ViolationType type,
              double threshold, std::vector<Violation>& out) {
  const SpeedProfile& sp = trip.speeds;
  const double sign = type == ViolationType::harsh_braking ? -1 : 1;
  const std::size_t n = sl.judged.size();
  std::size_t k = 0;
  while (k < n) {
    if (!sl.judged[k] || sign * sl.mps2[k] < threshold) {
      ++k;
      continue;
    }
    const std::size_t first = k;
    while (k + 1 < n && sl.judged[k + 1] && sp.piece_at(k + 1) == sp.piece_at(first) &&
           sign * sl.mps2[k + 1] >= threshold) {
      ++k;
    }
    report(trip, config, sl, first, k, type, threshold, out);
    ++k;
  }
}

}  // namespace

void detect_harsh_longitudinal(const TripView& trip, const EventsConfig& config, const EventThresholds& thresholds,
                               std::vector<Violation>& out) {
  Slopes sl;
  slopes(trip, config, sl);
  episodes(trip, config, sl, ViolationType::harsh_braking, thresholds.braking_mps2, out);
  episodes(trip, config, sl, ViolationType::harsh_acceleration, thresholds.acceleration_mps2, out);
}

}  // namespace drivelog::detect
