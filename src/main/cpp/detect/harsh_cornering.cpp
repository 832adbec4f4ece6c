// harsh_cornering: lateral acceleration v^2 x curvature, the curvature of the matched path (the
// map's shape of the roads driven, steadier than GPS headings, which swing by metres of error
// over a second's travel), the speed the trusted reported one interpolated between the fixes, and
// how long a run lasted from its metres at that speed. Between fixes over a second apart the speed
// is taken lower by what the car may have slowed unseen (events.unseen_slowing_mps_per_s): at 0.5 Hz
// a car braking into a corner and out of it is under the speeds either side.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "detect/event_fixes.hpp"
#include "detect/events.hpp"
#include "detect/severity.hpp"
#include "match/hmm_probabilities.hpp"

namespace drivelog::detect {
namespace {

// The judged fix pair (k, k + 1) around path distance s in `piece`, or npos.
std::size_t pair_around(const TripView& trip, double s_m, uint32_t piece, const EventsConfig& config) {
  const SpeedProfile& sp = trip.speeds;
  std::size_t k = sp.first_at_or_after(s_m);
  if (k == 0 || k >= sp.matched().size()) return SIZE_MAX;
  --k;
  while (k + 1 < sp.matched().size() && sp.s_at(k + 1) < s_m) ++k;
  if (sp.piece_at(k) != piece || !judged_pair(trip, k, config)) return SIZE_MAX;
  return k;
}

double speed_at(const SpeedProfile& sp, std::size_t k, double s_m) {
  const double ds = sp.s_at(k + 1) - sp.s_at(k);
  const double f = ds > 0 ? std::clamp((s_m - sp.s_at(k)) / ds, 0.0, 1.0) : 0.0;
  return sp.speed_mps_at(k) + f * (sp.speed_mps_at(k + 1) - sp.speed_mps_at(k));
}

// The lowest speed the fixes give within `half_m` of path distance s in `piece` (fix pair k around
// s): a fix is placed along the path only as well as its error allows, so the speed paired with a
// corner's tightest metres is known only that well, and a car slowing into a corner and speeding
// out of it would be judged at the speed of its approach. 0 (undecided) where that window reaches
// a stretch with no judged speed (a receiver gap, the trip's or piece's ends): the car may have
// been slower there, and the first fix after a gap is often placed metres off along the path (a
// simulated Rome drive: placed 15 m back before Piazza Venezia's corner, its 26 km/h paired with a
// corner the car took at 19).
double lowest_speed_near(const TripView& trip, std::size_t k, double s_m, double half_m, uint32_t piece,
                         const EventsConfig& config) {
  const SpeedProfile& sp = trip.speeds;
  double lowest = speed_at(sp, k, s_m) - unseen_slowing_mps(trip, k, config);
  if (half_m <= 0) return std::max(0.0, lowest);
  for (const double at : {s_m - half_m, s_m + half_m}) {
    const std::size_t j = pair_around(trip, at, piece, config);
    if (j == SIZE_MAX) return 0;
    lowest = std::min(lowest, speed_at(sp, j, at) - unseen_slowing_mps(trip, j, config));
  }
  for (std::size_t j = sp.first_at_or_after(s_m - half_m); j < sp.matched().size() && sp.s_at(j) <= s_m + half_m; ++j) {
    if (sp.piece_at(j) == piece) lowest = std::min(lowest, static_cast<double>(sp.speed_mps_at(j)));
  }
  return std::max(0.0, lowest);  // the unseen slowing may reach a standstill: 0, undecided
}

// The circle through the points 15 m either side of a sharp corner has a radius of at least 7.5 m
// (a turn back on itself); tighter readings are the matched path doubling back (a U-turn, a detour
// through a junction's links), not a corner the car took at speed.
constexpr double kMinReadableRadiusM = 7.6;
// Tyres hold a car to about 1 g sideways: a path that asks more of it is the matching's, not the driver's.
constexpr double kMaxPlausibleMps2 = 9.81;
// What a reported (Doppler) speed is good to, 1 sigma: 0.1-0.5 m/s for phone and car receivers,
// 0.3 in the simulator. A peak over the threshold by less than such an error makes of v^2,
// (v + e)^2 / v^2 (10 % at 23 km/h), may be a car at the threshold that read fast: simulated central
// Tokyo, legal drives, where the matched path took a tighter link of one junction than the car
// did, peaked at 3.94-3.96 m/s^2 at 23 km/h against 3.7, lasting just over the second.
constexpr double kReportedSpeedErrorMps = 0.3;

struct Run {
  std::size_t first = 0, last = 0;  // samples
  std::size_t first_fix = 0, last_fix = 0;
  double peak = 0, sum = 0, peak_speed = 0, peak_radius = 0;
  double seconds = 0;  // the time the car took over the run's metres, at the speeds interpolated between the fixes
  uint32_t count = 0;
};

// The path a sample stands for: from halfway to the one before to halfway to the one after (a run
// of n samples is over the threshold for n spacings, not n - 1).
double sample_from_m(std::span<const map::CurvatureSample> samples, std::size_t i) {
  return i > 0 ? 0.5 * (samples[i - 1].s_m + samples[i].s_m) : samples[i].s_m;
}
double sample_to_m(std::span<const map::CurvatureSample> samples, std::size_t i) {
  return i + 1 < samples.size() ? 0.5 * (samples[i].s_m + samples[i + 1].s_m) : samples[i].s_m;
}

// The fastest turn the fixes' own reported headings show from the fix before the run to the one
// after it, as a lateral acceleration (speed x turn rate); negative where no pair reports headings.
double heading_lateral(const TripView& trip, const Run& run) {
  const SpeedProfile& sp = trip.speeds;
  double fastest = -1;
  const std::size_t from = run.first_fix > 0 ? run.first_fix - 1 : 0;
  const std::size_t to = std::min(run.last_fix + 2, sp.matched().size() - 1);
  for (std::size_t k = from; k < to; ++k) {
    const match::TracePoint& a = trip.trace[sp.matched()[k]];
    const match::TracePoint& b = trip.trace[sp.matched()[k + 1]];
    const double dt = b.time_s - a.time_s;
    if (std::isnan(a.heading_deg) || std::isnan(b.heading_deg) || !(dt > 0)) continue;
    const double turn = match::HmmProbabilities::angle_between_deg(a.heading_deg, b.heading_deg) * M_PI / 180;
    fastest = std::max(fastest, 0.5 * (sp.speed_mps_at(k) + sp.speed_mps_at(k + 1)) * turn / dt);
  }
  return fastest;
}

void report(const TripView& trip, std::span<const map::CurvatureSample> samples, const Run& run,
            const EventsConfig& config, double threshold, std::vector<Violation>& out) {
  const SpeedProfile& sp = trip.speeds;
  // The matched path's curvature is the map's: where the path took a tighter link of a junction than
  // the car did, the fixes' headings, where the receiver reports trusted ones, turn more slowly.
  const double by_heading = trip.match.stats.headings_ignored ? -1 : heading_lateral(trip, run);
  if (config.cornering_heading_share > 0 && by_heading >= 0 && by_heading < config.cornering_heading_share * threshold) return;
  // How long the car was over the threshold: the run's metres at the reported speeds (Run::seconds),
  // not the times interpolated between the fixes placed around its ends. A fix is placed along the
  // path only within its error (sigma 5 m is 0.7 s at 27 km/h), so at 1 Hz those times squeeze or
  // stretch a 10-15 m run by a good part of a second (simulated Rome: a fix placed 8 m ahead made
  // 10 m at 28 km/h, 1.3 s, read 0.66 s), while a reported speed is good to a few tenths of a m/s.
  // The placements say only where in time the run lies: its middle.
  const double duration = run.seconds;
  if (duration < config.min_duration_s || run.peak > kMaxPlausibleMps2) return;
  const double margin = (run.peak_speed + kReportedSpeedErrorMps) / run.peak_speed;
  if (run.peak < threshold * margin * margin) return;
  const double middle = 0.5 * (sp.time_at_distance(sample_from_m(samples, run.first)) +
                               sp.time_at_distance(sample_to_m(samples, run.last)));
  const double start = middle - 0.5 * duration;
  const double end = middle + 0.5 * duration;
  Violation v;
  v.type = ViolationType::harsh_cornering;
  v.start_time_s = start;
  v.end_time_s = end;
  locate(trip, run.first_fix, run.last_fix + 1, v);
  const match::Traversal& t =
      trip.match.traversals[trip.match.points[sp.matched()[run.first_fix]].traversal];
  const map::Coord where = position_at(trip.map, t, samples[run.first].s_m);
  v.lat = where.lat();
  v.lon = where.lon();
  const double ratio = run.peak / threshold;
  v.confidence = std::clamp(0.6 + 0.3 * std::clamp((ratio - 1) / 0.5, 0.0, 1.0) +
                                0.1 * std::clamp(duration / (3 * std::max(0.5, config.min_duration_s)), 0.0, 1.0),
                            0.0, 1.0);
  v.severity = event_severity(ratio, config);
  v.evidence.push_back(EvidenceItem::of_number("peak_mps2", run.peak, 2));
  v.evidence.push_back(EvidenceItem::of_number("mean_mps2", run.sum / run.count, 2));
  v.evidence.push_back(EvidenceItem::of_number("threshold_mps2", threshold, 2));
  v.evidence.push_back(EvidenceItem::of_number("duration_s", duration));
  v.evidence.push_back(EvidenceItem::of_number("speed_kmh", run.peak_speed * 3.6));
  v.evidence.push_back(EvidenceItem::of_number("radius_m", run.peak_radius));
  v.evidence.push_back(EvidenceItem::of_number("speed_before_kmh", sp.speed_mps_at(run.first_fix) * 3.6));
  v.evidence.push_back(EvidenceItem::of_number("speed_after_kmh", sp.speed_mps_at(run.last_fix + 1) * 3.6));
  v.evidence.push_back(EvidenceItem::of_text("speed_source", "reported"));
  if (by_heading >= 0) v.evidence.push_back(EvidenceItem::of_number("heading_turn_mps2", by_heading, 2));
  out.push_back(std::move(v));
}

}  // namespace

void detect_harsh_cornering(const TripView& trip, const TripCurvature& curvature, const EventsConfig& config,
                            const EventThresholds& thresholds, std::vector<Violation>& out) {
  const double threshold = thresholds.cornering_mps2;
  // No sample whose curvature at the trip's top speed stays below the threshold can be a corner:
  // those skip the search for their fixes (a little over the top, for rounding in speed_at).
  const double top = top_speed_mps(trip.speeds) * (1 + 1e-9);
  const double least_curvature = threshold / (top * top);
  for (const TripCurvature::Piece& piece : curvature.pieces()) {
    const auto samples = curvature.samples(piece);
    bool open = false;
    Run run;
    for (std::size_t i = 0; i <= samples.size(); ++i) {
      double lateral = 0, speed = 0;
      std::size_t k = SIZE_MAX;
      if (i < samples.size() && samples[i].curvature >= least_curvature && samples[i].curvature > 0 &&
          samples[i].curvature < 1 / kMinReadableRadiusM) {
        k = pair_around(trip, samples[i].s_m, piece.piece, config);
        if (k != SIZE_MAX) {
          speed = lowest_speed_near(trip, k, samples[i].s_m, config.cornering_placement_m, piece.piece, config);
          // The lowest of several reported speeds is low by about their error (each is off by
          // about kReportedSpeedErrorMps, and the minimum picks the one that read slow): it is
          // given back, never above the speed interpolated at the metre itself.
          if (speed > 0) speed = std::min(speed + kReportedSpeedErrorMps, speed_at(trip.speeds, k, samples[i].s_m));
          lateral = speed * speed * samples[i].curvature;
        }
      }
      if (lateral >= threshold) {
        if (!open) {
          run = Run{};
          run.first = i;
          run.first_fix = k;
          open = true;
        }
        run.last = i;
        run.last_fix = k;
        run.seconds += (sample_to_m(samples, i) - sample_from_m(samples, i)) / speed_at(trip.speeds, k, samples[i].s_m);
        run.sum += lateral;
        ++run.count;
        if (lateral > run.peak) {
          run.peak = lateral;
          run.peak_speed = speed;
          run.peak_radius = 1 / samples[i].curvature;
        }
      } else if (open) {
        report(trip, samples, run, config, threshold, out);
        open = false;
      }
    }
  }
}

}  // namespace drivelog::detect
