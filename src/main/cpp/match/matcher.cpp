#include "match/matcher.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "map/geo.hpp"
#include "match/hmm_probabilities.hpp"
#include "match/path_geometry.hpp"
#include "match/uturn_price.hpp"

namespace drivelog::match {
namespace {

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();


}  // namespace

Matcher::Matcher(const map::MapView& map, const MatchConfig& config)
    : map_(&map),
      config_(config),
      candidates_(map),
      routes_(map, RouteCosts{config.wrong_way_penalty_m, config.closed_penalty_m, config.wrong_way_prior_per_m,
                              config.closed_prior_per_m, config.minor_road_prior_per_m, config.restricted_turn_penalty_m}) {
  states_.reserve(kWindowColumns * 8);
  columns_.reserve(kWindowColumns + 1);
}

inline double Matcher::fix_distance_m(const TracePoint& a, const TracePoint& b) {
  // Beyond a few km (a gap) the flat metric drifts; the haversine is exact and rarely needed.
  if (std::fabs(a.lat - b.lat) > 0.05 || std::fabs(a.lon - b.lon) > 0.05) {
    return map::geo::distance_m(a.lat, a.lon, b.lat, b.lon);
  }
  return metric_.distance_m(a.lat, a.lon, b.lat, b.lon);
}

inline FixStep Matcher::fix_step(const TracePoint& a, const TracePoint& b) {
  // The flat frame where fix_distance_m() uses it, with the same scale.
  if (std::fabs(a.lat - b.lat) > 0.05 || std::fabs(a.lon - b.lon) > 0.05) return FixStep{};
  return FixStep{(b.lon - a.lon) * metric_.meters_per_deg_lon(a.lat), (b.lat - a.lat) * LocalMetric::kMetersPerDegLat, true};
}

bool Matcher::headings_agree_with_motion(std::span<const TracePoint> trace) {
  // Reported headings are only worth their weight if they describe the motion: a receiver that
  // reports a constant, magnetic-compass or rotated course would otherwise push every fix onto the
  // wrong direction of its road (and into false wrong-way findings). Compare the course with the
  // direction between fixes that moved clearly, on up to kSamples such pairs.
  constexpr int kSamples = 200;
  constexpr double kMinMoveM = 15;
  int compared = 0, agreeing = 0;
  std::size_t last = 0;
  for (std::size_t i = 1; i < trace.size() && compared < kSamples; ++i) {
    const TracePoint& a = trace[last];
    const TracePoint& b = trace[i];
    if (!heading_usable_[i]) {
      last = i;
      continue;
    }
    // As vectors in the local metric (no bearing's atan2 and three trigonometric calls per pair).
    double dlon = b.lon - a.lon;  // across the antimeridian the short way round
    if (dlon > 180) dlon -= 360;
    if (dlon < -180) dlon += 360;
    const double east = dlon * metric_.meters_per_deg_lon(a.lat);
    const double north = (b.lat - a.lat) * LocalMetric::kMetersPerDegLat;
    if (east * east + north * north < kMinMoveM * kMinMoveM) continue;
    ++compared;
    if (HmmProbabilities::angle_between_vectors_deg(east, north, course_.east(b.heading_deg), course_.north(b.heading_deg)) <= 60) {
      ++agreeing;
    }
    last = i;
    // Decided before kSamples: 70 % of kSamples agree, or more than 30 % disagree; no further
    // comparison up to kSamples could change the verdict below, so it is the same.
    if (agreeing * 10 >= kSamples * 7 || (compared - agreeing) * 10 > kSamples * 3) break;
  }
  // Too few comparisons to judge: trust them (the Gaussian term is mild on its own).
  return compared < 10 || agreeing * 10 >= compared * 7;
}

bool Matcher::speeds_agree_with_motion(std::span<const TracePoint> trace) {
  // As for headings: reported speeds are used to bound routes and to detect standing only if the
  // distance between fixes agrees with them (within 50 % + 3 m/s) on at least 80 % of up to 200
  // stretches; a receiver reporting 0, km/h or garbage is then simply not believed. A stretch spans
  // at least kStretchS seconds: between fixes a second apart GPS noise outweighs the movement of a
  // car in town, and only the noisiest pairs would move far enough to be compared at all.
  // Judged on as few as kMinStretches (30 s of clear motion): ten were once required, so a trip
  // under 100 s never trusted its speeds, and its fixes were placed by their projections alone and
  // its standing fixes spread along the road (the old-town extracts of the accuracy suite, trips
  // of about a minute: changes of way 2.5 m off at the median instead of 0.8 m). Speeds in the
  // wrong unit or stuck contradict every stretch, so a few are enough to see them. One stretch
  // may disagree however few there are: a turn round or a stray fix inside it shortens or stretches
  // the straight line between its ends (a fifth of four stretches is less than one).
  constexpr int kSamples = 200;
  constexpr int kMinStretches = 3;
  constexpr double kStretchS = 10;
  constexpr double kMaxFixGapS = 30;
  int compared = 0, agreeing = 0;
  std::size_t anchor = 0;
  double reported = 0;  // distance by the trapezoid rule over the reported speeds since the anchor
  for (std::size_t i = 1; i < trace.size() && compared < kSamples; ++i) {
    const TracePoint& a = trace[i - 1];
    const TracePoint& b = trace[i];
    const double step_s = b.time_s - a.time_s;
    if (std::isnan(a.speed_mps) || std::isnan(b.speed_mps) || step_s <= 0 || step_s > kMaxFixGapS) {
      anchor = i;
      reported = 0;
      continue;
    }
    reported += 0.5 * (a.speed_mps + b.speed_mps) * step_s;
    const double dt = b.time_s - trace[anchor].time_s;
    if (dt < kStretchS) continue;
    const double moved = fix_distance_m(trace[anchor], b);
    const double slack = 3 * dt + 4 * config_.sigma_m;
    if (std::max(moved, reported) >= 4 * config_.sigma_m) {  // standing stretches prove nothing
      ++compared;
      if (moved <= reported * 1.5 + slack && reported <= moved * 1.5 + slack) ++agreeing;
    }
    anchor = i;
    reported = 0;
    // Decided before kSamples: 80 % of kSamples agree, or more than 20 % disagree; no further
    // stretch up to kSamples could change either verdict below, so they are the same.
    if (agreeing * 10 >= kSamples * 8 || (compared - agreeing) * 10 > kSamples * 2) break;
  }
  speeds_contradicted_ = compared >= kMinStretches && agreeing * 10 < compared * 8 && compared - agreeing > 1;
  return compared >= kMinStretches && !speeds_contradicted_;
}

inline bool Matcher::is_spike(std::span<const TracePoint> trace, uint32_t before_index, uint32_t i, double known_leg_m) {
  // A fix further off the line between its neighbours than the car can have gone out and come
  // back in the time between them is a gross receiver error (multipath, a bad cold fix). The HMM
  // alone would often follow it: a road near the stray fix fits it well, and driving there and
  // back costs little when each leg alone looks plausible; the result is a phantom detour, a
  // wrong-way or a forbidden turn that never happened. How fast the car went: the trusted reported
  // speeds, else the neighbours' own progress (from one to the other, at least kSlowestMps), which
  // a stray fix between them does not change.
  constexpr double kMaxNeighbourS = 5;
  // Each leg's length is off by the difference of two fixes' errors (sigma x sqrt 2 per axis):
  // both legs together stay within 10 sigma of the truth but for about one fix in 10,000.
  constexpr double kNoiseSigmas = 10;
  constexpr double kSlowestMps = 5;
  const TracePoint& before = trace[before_index];
  const TracePoint& p = trace[i];
  const double dt_before = p.time_s - before.time_s;
  if (dt_before <= 0 || dt_before > kMaxNeighbourS) return false;
  const double slack = kNoiseSigmas * std::max(sigma_of(p), config_.sigma_m);
  // The way via p is longer than the direct one by at most twice either leg (triangle
  // inequality): a fix near the one before is no spike, which spares most fixes two distances.
  const double leg_before = std::isnan(known_leg_m) ? fix_distance_m(before, p) : known_leg_m;
  if (2 * leg_before <= slack) return false;
  const bool speeds_known = speeds_trusted_ && !std::isnan(before.speed_mps) && !std::isnan(p.speed_mps);
  const double v_before = std::max({static_cast<double>(before.speed_mps), static_cast<double>(p.speed_mps), 2.0});
  // The next fix, and the one after it: in a burst of two stray fixes (multipath lasts seconds)
  // the way to the second via the first is hardly longer than the straight line to it, so the
  // first passes the test against the second alone; the fix after the burst shows it.
  double v_after = std::max(static_cast<double>(p.speed_mps), 2.0);  // the fastest reported from p on
  bool speeds_after_known = speeds_known;
  for (uint32_t after_index = i + 1; after_index <= i + 2 && after_index < trace.size(); ++after_index) {
    const TracePoint& after = trace[after_index];
    const double dt_after = after.time_s - p.time_s;
    if (dt_after > kMaxNeighbourS && after_index == i + 1 && speeds_known) {
      // A receiver gap follows (a tunnel, a garage: multipath often comes just before the signal
      // goes): no fix after it to compare with, but a car whose own reported speeds say it crept
      // cannot have covered the way to p since the fix before. Baltimore, a legal drive: a fix
      // 65 m up a side street at 2 m/s, then 7 s without fixes; the path went up the street and
      // back and the stop sign at the corner read as run.
      return leg_before > config_.reported_speed_factor * v_before * dt_before + slack;
    }
    if (dt_after <= 0 || dt_after > kMaxNeighbourS) return false;
    speeds_after_known = speeds_after_known && !std::isnan(after.speed_mps);
    v_after = std::max(v_after, static_cast<double>(after.speed_mps));
    const double direct = fix_distance_m(before, after);
    const double via = leg_before + fix_distance_m(p, after);
    const double travel = speeds_after_known
                              ? config_.reported_speed_factor * (v_before * dt_before + v_after * dt_after)
                              : config_.reported_speed_factor * std::max(direct / (dt_before + dt_after), kSlowestMps) *
                                    (dt_before + dt_after);
    // The car's path from one neighbour to the other passes (within the fixes' errors) by all
    // three fixes, so it is at least as long as the way via the middle one; and it is the middle
    // one that lies off the line between the others (a good fix next to a stray one makes a long
    // way via itself too, but the line between its neighbours is as long).
    if (via > travel + slack && via - direct > slack) return true;
  }
  return false;
}

void Matcher::index_reported_distances(std::span<const TracePoint> trace) {
  // Prefix sums of the distance the reported speeds give (trapezoid rule), and of the steps they
  // cannot vouch for (a speed missing, or fixes too far apart to integrate across).
  constexpr double kMaxStepS = 2.5;
  // Every entry is written below: sized, not zeroed first.
  reported_prefix_m_.resize(trace.size());
  unreported_steps_.resize(trace.size());
  if (trace.empty()) return;
  reported_prefix_m_[0] = 0;
  unreported_steps_[0] = 0;
  for (std::size_t k = 1; k < trace.size(); ++k) {
    const TracePoint& a = trace[k - 1];
    const TracePoint& b = trace[k];
    const double dt = b.time_s - a.time_s;
    const bool usable = !std::isnan(a.speed_mps) && !std::isnan(b.speed_mps) && dt <= kMaxStepS;
    reported_prefix_m_[k] = reported_prefix_m_[k - 1] + (usable ? 0.5 * (a.speed_mps + b.speed_mps) * dt : 0.0);
    unreported_steps_[k] = unreported_steps_[k - 1] + (usable ? 0 : 1);
  }
}

double Matcher::reported_between_m(uint32_t from, uint32_t to) const {
  if (!speeds_trusted_ || unreported_steps_[to] != unreported_steps_[from]) return kNoReport;
  return reported_prefix_m_[to] - reported_prefix_m_[from];
}

inline bool Matcher::standing_since(uint32_t last_kept, uint32_t stand_from, uint32_t i, double gap_m) const {
  // With trusted speeds: the fix reports standing, and either it is within the noise of the last
  // fix used and that one stood too, or the speeds since the car came to rest (`stand_from`, the
  // first of the fixes reporting standing in a row) add up to (almost) no movement, however far
  // the receiver's drift has carried the fix (a long wait at a signal).
  if (!speeds_trusted_ || !(trace_[i].speed_mps < config_.stationary_speed_mps)) return false;
  constexpr double kStandingM = 3;
  if (gap_m < 4 * config_.sigma_m && trace_[last_kept].speed_mps < config_.stationary_speed_mps) return true;
  const double moved = reported_between_m(stand_from, i);
  return stand_from < i && moved != kNoReport && moved < kStandingM && gap_m < 10 * config_.sigma_m;
}

double Matcher::backward_cost(double moved_m) const {
  return std::max(0.0, -moved_m - config_.backward_tolerance_m) / config_.beta_m;
}

double Matcher::cost_limit_m(const TracePoint& a, const TracePoint& b, double great_circle_m) const {
  // No faster than max_speed (plus what GPS noise can add), no longer than a plausible detour,
  // plus room for one penalised entry so that forbidden travel stays reachable (a closed road
  // entered against its one-way is one entry, priced once: RouteSearch::penalty_of).
  const double dt_s = b.time_s - a.time_s;
  double by_speed = dt_s * config_.max_speed_kmh / 3.6 + 4 * config_.sigma_m;
  if (speeds_trusted_ && !std::isnan(a.speed_mps) && !std::isnan(b.speed_mps)) {
    // Reported speeds that describe the motion bound it much tighter: a single outlier fix 50 m
    // off the road then cannot pull the path into a side road and back.
    const double v = std::max({static_cast<double>(a.speed_mps), static_cast<double>(b.speed_mps), 2.0});
    by_speed = std::min(by_speed, dt_s * v * config_.reported_speed_factor + 4 * config_.sigma_m);
  }
  const double by_detour = great_circle_m + config_.max_detour_m;
  return std::min(by_speed, by_detour) + std::max(config_.wrong_way_penalty_m, config_.closed_penalty_m);
}

inline double Matcher::turn_check_speed_mps(const TracePoint& a, const TracePoint& b) const {
  // The slowest the car can have gone between the two fixes (braking hard half the time, then
  // accelerating): below kTurnCheckMps no turn short of turning round needs much grip.
  constexpr double kTurnCheckMps = 10;
  if (!speeds_trusted_ || config_.max_lateral_accel_mps2 <= 0 || std::isnan(a.speed_mps) || std::isnan(b.speed_mps)) return 0;
  const double slowest = std::min(a.speed_mps, b.speed_mps) - kBrakeForChecksMps2 * (b.time_s - a.time_s) / 2;
  return slowest >= kTurnCheckMps ? slowest : 0;
}

double Matcher::uturn_price_m(uint32_t from, uint32_t to) const {
  return match::uturn_price_m(config_, turn_round_seen(from, to), speeds_trusted_, kBrakeForChecksMps2,
                              trace_[from], trace_[to]);
}

double Matcher::turn_speed_prior_m(Direction out, Direction in, double speed_mps) const {
  return -HmmProbabilities::turn_speed_log(HmmProbabilities::tan_half_angle(out.east, out.north, in.east, in.north),
                                           speed_mps, config_.turn_radius_m, config_.max_lateral_accel_mps2) *
         config_.beta_m;
}

double Matcher::turn_speed_prior_at_ends_m(uint32_t first_state, uint32_t i, std::size_t j, std::size_t cell, double speed_mps) {
  // The directions are cached per previous state (i), pending state (j) and route (cell) for this step.
  const auto cached = [](Direction& slot, auto&& compute) {
    if (slot.east == kUnknownDirection.east) slot = compute();
    return slot;
  };
  const State& s = states_[first_state + i];
  const State& c = states_[pending_first_ + j];
  const Direction out = cached(exit_direction_[i], [&] { return direction_at(s.edge, s.forward, false); });
  const Direction in = cached(entry_direction_[j], [&] { return direction_at(c.edge, c.forward, true); });
  const uint32_t first = source_target_first_edge_[cell];
  if (first == RouteSearch::kNoEdge) return turn_speed_prior_m(out, in, speed_mps);
  const Direction route_in = cached(first_direction_[cell], [&] {
    return direction_at(first, map_->edge(first).from_node == sources_[cell / targets_.size()], true);
  });
  const Direction route_out = cached(last_direction_[cell], [&] {
    const uint32_t last = source_target_last_edge_[cell];
    return direction_at(last, map_->edge(last).to_node == targets_[cell % targets_.size()], false);
  });
  return turn_speed_prior_m(out, route_in, speed_mps) + turn_speed_prior_m(route_out, in, speed_mps);
}

Direction Matcher::direction_at(uint32_t edge, bool forward, bool at_start) const {
  return direction_near_end(*map_, edge, forward, at_start, kTurnSpanM, turn_cos_lat_);
}

double Matcher::sigma_of(const TracePoint& p) const {
  // Every caller passes a fix of trace_, whose sigmas match() computes before any is asked for.
  return sigmas_[static_cast<std::size_t>(&p - trace_.data())];
}

double Matcher::transition_score(double driven_m, double priors_m, double great_circle_m, double inverse_beta,
                                 double odometer_m) const {
  // Turning round and entering a road against its one-way direction or closed to traffic are
  // priors on driving, not distances the fixes measure: priced in units of the configured beta_m,
  // they do not get cheaper when noisier fixes widen beta. A route longer than the moving car's
  // speeds say it drove (odometer_m, slack included) pays for the excess like a detour.
  return HmmProbabilities::transition_log_relative(driven_m, great_circle_m, inverse_beta) - priors_m / config_.beta_m -
         std::max(0.0, driven_m - odometer_m) * inverse_beta;
}

double Matcher::odometer_m(uint32_t from, uint32_t to) const {
  // Only while the car moves at both fixes: a car creeping in a queue under a wandering error
  // traces loops no per-step odometer can price fairly (docs/BENCHMARKS.md, "Tried ... and not
  // adopted"), while a moving car's reported speeds bound the road between its fixes.
  constexpr double kMovingMps = 3;
  const TracePoint& a = trace_[from];
  const TracePoint& b = trace_[to];
  if (!speeds_trusted_ || !(a.speed_mps >= kMovingMps) || !(b.speed_mps >= kMovingMps)) return kNoOdometer;
  const double reported = reported_between_m(from, to);
  if (reported == kNoReport) return kNoOdometer;
  // Each state may lie off along its road by its fix's error: two sigma of the larger one.
  return reported + 2 * std::max({sigma_of(a), sigma_of(b), config_.sigma_m});
}

double Matcher::inverse_beta(const TracePoint& a, const TracePoint& b) const {
  return 1.0 / std::max(config_.beta_m, config_.beta_per_sigma * std::max(sigma_of(a), sigma_of(b)));
}

inline void Matcher::find_candidates(const TracePoint& p) {
  // build_states() keeps only roads within the nearest + candidate_margin_sigmas x sigma. So a
  // search within that margin + kNearSlackM finds exactly what the full radius would keep whenever
  // the nearest road lies within kNearSlackM: most fixes, at a third of the area searched. Only
  // the others are searched again with the full radius.
  // Roads further than the nearest + that margin are not made candidates at all (build_states()
  // would stop at the first of them; the roads ahead added after them lie further still).
  constexpr double kNearSlackM = 12;
  const double margin = margin_sigmas_ * sigma_of(p);
  const double near_radius = margin + kNearSlackM;
  if (near_radius < config_.search_radius_m) {
    candidates_.find(p.lat, p.lon, near_radius, config_.max_candidates, found_, margin);
    if (!found_.empty() && found_.front().distance_m <= kNearSlackM) {
      add_roads_ahead();
      return;
    }
  }
  candidates_.find(p.lat, p.lon, config_.search_radius_m, config_.max_candidates, found_, margin);
  add_roads_ahead();
}

void Matcher::add_roads_ahead() {
  // Looked for only where the nearest roads took every place (rare outside dense junctions).
  if (!candidates_.left_out_any()) return;
  collect_roads_ahead();
  candidates_.add_left_out(roads_ahead_, found_);
}

void Matcher::collect_roads_ahead() {
  // The roads of the last step's likely states and the roads leaving them at their exit nodes
  // stay candidates however many nearer roads there are. Under central Tokyo's elevated
  // expressway the ramps and short links of one junction took all 12 places, the street a car
  // turned onto lay 13 m from its biased fixes and was no candidate, and the path went round a
  // loop of one-way links and back to reach it (a stop sign before the junction passed at
  // speed, or, with the loop driven backwards, a wrong-way finding).
  constexpr double kLikelyLog = 5;  // states within this of the step's best (a factor of about 150)
  roads_ahead_.clear();
  if (columns_.empty()) return;
  const Column& last = columns_.back();
  const auto add = [&](uint32_t edge) {
    if (std::find(roads_ahead_.begin(), roads_ahead_.end(), edge) == roads_ahead_.end()) roads_ahead_.push_back(edge);
  };
  for (uint32_t k = 0; k < last.count; ++k) {
    const State& s = states_[last.first + k];
    if (!(s.score >= -kLikelyLog)) continue;
    add(s.edge);
    for (const map::AdjacentEdge adj : map_->adjacent(s.exit_node)) add(adj.edge());
  }
}

void Matcher::build_states(const TracePoint& p) {
  // The new states go straight after the last column (push_column() then only counts them).
  pending_first_ = columns_.empty() ? 0 : columns_.back().first + columns_.back().count;
  states_end_ = pending_first_;
  const double sigma = sigma_of(p);
  const double inverse_sigma = 1.0 / sigma;
  const bool correlated_errors = 1 - independent_share_ > ErrorContinuity::kNegligibleRho;
  const bool use_heading = headings_trusted_ && heading_usable_[static_cast<std::size_t>(&p - trace_.data())] != 0;
  const double heading_east = use_heading ? course_.east(p.heading_deg) : 0.0;
  const double heading_north = use_heading ? course_.north(p.heading_deg) : 0.0;
  // Speeds far over a road's limit are priced with trusted reported speeds or, in a log without
  // speeds, the slowest the fixes around allow, and not for a fix too slow to be far over any limit
  // (the lowest in a map are walking pace).
  const double check_mps = !std::isnan(p.speed_mps)
                               ? (speeds_trusted_ ? p.speed_mps : NAN)
                               : speed_bound_.lowest_mps(static_cast<std::size_t>(&p - trace_.data()));
  const double speed_kmh = check_mps * 3.6;
  const bool over_limit_check =
      config_.over_limit_prior_per_m > 0 && !std::isnan(check_mps) && speed_kmh >= OverLimitPrior::kMinExcessKmh;
  // The law in force that day (Japan's default limits changed on 2026-09-01), the day as local to
  // the fix where it was first seen.
  if (over_limit_check && !local_day_.holds(p.time_s)) {
    local_day_ = OverLimitPrior::local_day(*map_, map_->time_zone_at(map::Coord::from_degrees(p.lat, p.lon)), p.time_s);
  }
  // The candidates kept (nearest first: those within the margin of the nearest), then two states
  // each, written in one pass: what a candidate's two directions share is computed once.
  const double keep_within_m = found_.front().distance_m + margin_sigmas_ * sigma;
  std::size_t kept = 0;
  while (kept < found_.size() && !(found_[kept].distance_m > keep_within_m)) ++kept;
  // Grown only (constructing states), never cut: fill() below writes every member.
  states_end_ = pending_first_ + 2 * kept;
  if (states_.size() < states_end_) states_.resize(states_end_);
  State* out = states_.data() + pending_first_;
  for (std::size_t k = 0; k < kept; ++k) {
    const Candidate& c = found_[k];
    const map::EdgeRecord& e = map_->edge(c.edge);
    ErrorSample error;
    error.east = static_cast<float>(c.error_east_m * inverse_sigma);
    error.north = static_cast<float>(c.error_north_m * inverse_sigma);
    const double length = correlated_errors ? std::hypot(c.east_m, c.north_m) : 0.0;  // else unused
    if (length > 0) {
      error.dir_east = static_cast<float>(c.east_m / length);
      error.dir_north = static_cast<float>(c.north_m / length);
    }
    const double independent = error.independent_log();
    // The reported course against the road's forward direction; backward is the supplement.
    const double forward_angle = use_heading ? HmmProbabilities::angle_between_vectors_deg(
                                                   heading_east, heading_north, c.east_m, c.north_m)
                                             : 0.0;
    const bool restricted_from = e.has(map::edge_flags::kRestrictedFrom);
    const OverLimitPrior::BothWays limits =
        over_limit_check ? limits_.both_kmh(*map_, c.edge, local_day_.day) : OverLimitPrior::BothWays{};
    const auto fill = [&](State& s, bool forward) {
      s.edge = c.edge;
      s.back = 0;
      s.candidate = static_cast<uint16_t>(k);
      s.forward = forward;
      s.entry_node = forward ? e.from_node : e.to_node;
      s.exit_node = forward ? e.to_node : e.from_node;
      s.length_m = e.length_m;
      s.offset_m = forward ? c.offset_m : std::max(0.0F, e.length_m - c.offset_m);
      const RouteSearch::EntryCosts entry = routes_.entry_costs(c.edge, e, forward);
      s.entry_penalty_m = static_cast<float>(entry.penalty_m);
      s.prior_per_m = static_cast<float>(entry.prior_per_m);
      if (over_limit_check &&
          OverLimitPrior::grossly_over(speed_kmh, forward ? limits.forward_kmh : limits.backward_kmh,
                                       config_.over_limit_factor)) {
        s.prior_per_m += static_cast<float>(config_.over_limit_prior_per_m);
      }
      s.restricted_from = restricted_from;
      s.skips = false;
      const bool allowed = e.has(forward ? map::edge_flags::kForwardAllowed : map::edge_flags::kBackwardAllowed);
      s.wrong_way_penalty_m = allowed ? 0.0F : static_cast<float>(config_.wrong_way_penalty_m);
      s.error = error;
      s.heading_log = 0;
      if (use_heading) {
        s.heading_log = static_cast<float>(HmmProbabilities::heading_log_of_angle(
            forward ? forward_angle : 180.0 - forward_angle, config_.heading_sigma_deg));
      }
      s.score = s.heading_log + independent;
    };
    fill(out[2 * k], true);
    fill(out[2 * k + 1], false);
  }
}

bool Matcher::connect_column(uint32_t point_index, double great_circle_m) {
  // A receiver's spike (multipath: 30-200 m off for a second, at the accuracy its neighbours
  // report) is not something the car did. Its column can leave only absurd states (the road under
  // the car is no candidate of a fix 45 m beside it), and the path is forced through them: out and
  // back along a side street through two U-turns at 60 km/h, whose price the normalisation of each
  // column makes nobody's cost. So dropping the last column's fix is a hypothesis of its own,
  // priced outlier_log: where the last two fixes together cost more than that, the pending states
  // are also extended from the column before it, and each keeps the better of the two paths (a
  // non-emitting state, as in Meert & Verbeke, "HMM with non-emitting states for map matching",
  // 2018). Only a fix the car cannot have reached from its neighbours at its speed may be dropped
  // (beyond_reach()): at 0.2 Hz the one fix on a street driven the wrong way is all that shows the
  // manoeuvre, and explaining it costs more than outlier_log too.
  const double last_cost = columns_.back().shift;
  const double direct = connect_column_from(point_index, columns_.size() - 1, great_circle_m, 0.0);
  double best = direct;
  if (!(last_cost + direct >= -config_.outlier_log) && beyond_reach(point_index)) {
    const std::span<State> pending = this->pending();
    direct_scores_.resize(pending.size());
    direct_backs_.resize(pending.size());
    for (std::size_t j = 0; j < pending.size(); ++j) {
      direct_scores_[j] = pending[j].score;
      direct_backs_[j] = pending[j].back;
    }
    // The column before's scores, in the last column's terms, less the price of the dropped fix;
    // where the last column is the piece's first, the piece may start here instead.
    const double offset = -last_cost - config_.outlier_log;
    double skip = kMinusInfinity;
    if (columns_.size() >= 2) {
      const Column& before = columns_[columns_.size() - 2];
      skip = connect_column_from(point_index, columns_.size() - 2,
                                 fix_distance_m(trace_[before.point], trace_[point_index]), offset);
    } else {
      skip = score_as_first(offset);
    }
    best = std::max(direct, skip);
    for (std::size_t j = 0; j < pending.size(); ++j) {
      State& c = pending[j];
      c.skips = c.score > direct_scores_[j];
      if (!c.skips) {
        c.score = direct_scores_[j];
        c.back = direct_backs_[j];
      }
    }
  }
  if (best == kMinusInfinity) return false;
  for (State& c : pending()) {
    if (c.score != kMinusInfinity) c.score -= best;  // keeps long traces far from underflow
  }
  pending_shift_ = best;
  return true;
}

bool Matcher::out_of_reach(const TracePoint& a, const TracePoint& b, double progress_mps) {
  // With trusted speeds the car covers at most the faster of two fixes' speeds times the time
  // between them (at least walking pace); without them, what the fixes around show it covered
  // (`progress_mps`, at least kSlowestMps), as the spike test reads it. Each leg is off by two
  // fixes' errors: kNoiseSigmas of the larger sigma for them, so that a good fix is rarely a
  // suspect (and a suspect is dropped only where explaining it costs more than outlier_log).
  constexpr double kNoiseSigmas = 3;
  double v = progress_mps;
  if (speeds_trusted_ && !std::isnan(a.speed_mps) && !std::isnan(b.speed_mps)) {
    v = std::max({static_cast<double>(a.speed_mps), static_cast<double>(b.speed_mps), 2.0});
  }
  const double reach = v * (b.time_s - a.time_s) + kNoiseSigmas * std::max(sigma_of(a), sigma_of(b));
  return fix_distance_m(a, b) > reach;
}

double Matcher::progress_mps(uint32_t from, uint32_t to) {
  if (speeds_trusted_ || !(trace_[to].time_s > trace_[from].time_s)) return config_.max_speed_kmh / 3.6;
  return std::max(kSlowestProgressMps, fix_distance_m(trace_[from], trace_[to]) / (trace_[to].time_s - trace_[from].time_s));
}

bool Matcher::beyond_reach(uint32_t next) {
  const uint32_t p = columns_.back().point;
  if (columns_.size() < 2) return out_of_reach(trace_[p], trace_[next], config_.max_speed_kmh / 3.6);
  const uint32_t before = columns_[columns_.size() - 2].point;
  const double progress = progress_mps(before, next);
  return out_of_reach(trace_[before], trace_[p], progress) || out_of_reach(trace_[p], trace_[next], progress);
}

void Matcher::drop_stray_last_fix() {
  // No fix after the piece's last one can skip it (connect_column()), so a stray last fix (the
  // receiver's spike as the engine stops, or before a gap) had to be explained however absurd:
  // NY, a legal drive without speeds, ended with a fix 95 m off a second after the one before,
  // on a cross street, and the path drove it the wrong way for 26 nats. The piece may end at the
  // fix before instead, on the same terms as a skip: the last fix cost more than outlier_log, and
  // the car cannot have reached it from the fix before at the progress the fixes before showed.
  if (columns_.size() < 2) return;
  const Column& last = columns_.back();
  if (!(last.shift < -config_.outlier_log)) return;
  const uint32_t before = columns_[columns_.size() - 2].point;
  const double progress =
      columns_.size() >= 3 ? progress_mps(columns_[columns_.size() - 3].point, before) : config_.max_speed_kmh / 3.6;
  if (!out_of_reach(trace_[before], trace_[last.point], progress)) return;
  out_->points[last.point].kind = PointKind::outlier;
  ++out_->stats.outliers;
  states_end_ = last.first;
  columns_.pop_back();
}

double Matcher::connect_column_from(uint32_t point_index, std::size_t from_column, double great_circle_m,
                                    double reach_offset) {
  // Beam pruning: states more than beam_width_log below the best of their step (scores are
  // normalised to 0) are not extended; they become the best path only if every other path dies,
  // and then the step is tried again with all of them.
  //
  // A state behind by the price of a U-turn the headings show is not ruled out by the evidence: the
  // alternatives that keep going (a lap round a block, through a forbidden turn, or a one-way driven
  // back) pay for their turning round later, in their own priors and in the headings they
  // contradict. At 70 m the seen price is 14 log units at beta 5, which left 1 of the beam's 15 for
  // the fixes' noise, and a real U-turn was pruned on the step it was made or the next. The room is
  // for turning round only: a state driven against a one-way or into a closed road after it is
  // judged by the beam as before (on a one-way hairpin under a bias towards its other branch, the
  // U-turn back along the first branch against its direction was otherwise kept, and won).
  const double floor = -config_.beam_width_log;
  const double legal_floor = floor - columns_[from_column].turn_round_log;
  const double best = connect_column_from(point_index, from_column, great_circle_m, floor, legal_floor, reach_offset);
  return best != kMinusInfinity ? best
                                : connect_column_from(point_index, from_column, great_circle_m, kMinusInfinity,
                                                      kMinusInfinity, reach_offset);
}

// Extends the states of column `from_column` scoring at least `score_floor` (`legal_floor` for those
// on their road legally: no entry penalty) to the pending ones.
double Matcher::connect_column_from(uint32_t point_index, std::size_t from_column, double great_circle, double score_floor,
                                    double legal_floor, double reach_offset) {
  const Column& prev = columns_[from_column];
  const uint32_t previous_index = prev.point;
  const TracePoint& p = trace_[point_index];
  const TracePoint& previous = trace_[previous_index];
  const double limit = cost_limit_m(previous, p, great_circle);
  const double odometer = odometer_m(previous_index, point_index);
  // Noisier fixes make |route - great circle| larger for the right path too: the transition's
  // scale grows with the fixes' sigma (Newson & Krumm fit beta to the data; here it follows it).
  const double inverse_beta = this->inverse_beta(previous, p);
  const FixStep step = fix_step(previous, p);
  const double sigma_before = sigma_of(previous), sigma_now = sigma_of(p);
  const ErrorContinuity continuity(
      rho_memo_.rho_for(p.time_s - previous.time_s, independent_share_, config_.error_correlation_s),
      config_.error_jump_log, sigma_before / sigma_now);
  // Independent errors (most simulators, a receiver in the open): the fix's distance counts alone,
  // added once per new state instead of per pair.
  const bool paired = continuity.correlated();
  if (paired) pair_position_.resize(prev.count);
  // Stop lines the car cannot have stopped at: priced only where the trusted speeds say it went
  // too fast (match/stop_run_prior.hpp), at the exit of each previous state's edge and at the ends
  // of each route (added to the route's penalties, which are priors and not distance).
  const bool stop_check = config_.stop_run_penalty_m > 0 && speeds_trusted_ &&
                          StopRunPrior::cannot_have_stopped(previous.speed_mps, p.speed_mps, p.time_s - previous.time_s,
                                                            kBrakeForChecksMps2);

  // Targets: entry nodes of the new states reachable within the limit. Sources: exit nodes of
  // the previous states that could leave their edge and still reach the cheapest target; each
  // search gets the budget its best state leaves (one search per distinct node, not per state).
  targets_.clear();
  target_cost_.clear();
  target_lat_.clear();
  target_lon_.clear();
  const std::span<State> pending = this->pending();
  // The previous states' places on their roads once per state (below); a new state's where a pair
  // needs it (about one pair in two past the reach test, and its place in registers across the pair
  // loop cost more than computing it there).
  const StepPlaces places(step, great_circle, sigma_before, sigma_now);
  state_target_.resize(pending.size());
  double cheapest_target = RouteSearch::kUnreachable;
  for (std::size_t j = 0; j < pending.size(); ++j) {
    const State& s = pending[j];
    const double cost = static_cast<double>(s.offset_m) * (1 + s.prior_per_m) + s.entry_penalty_m;
    state_target_[j] = -1;
    if (cost > limit) continue;
    cheapest_target = std::min(cheapest_target, cost);
    auto it = std::find(targets_.begin(), targets_.end(), s.entry_node);
    if (it == targets_.end()) {
      state_target_[j] = static_cast<int32_t>(targets_.size());
      targets_.push_back(s.entry_node);
      target_cost_.push_back(cost);
      const map::Coord at = map_->node_coord(s.entry_node);
      target_lat_.push_back(at.lat());
      target_lon_.push_back(at.lon());
    } else {
      const auto t = static_cast<std::size_t>(it - targets_.begin());
      state_target_[j] = static_cast<int32_t>(t);
      target_cost_[t] = std::min(target_cost_[t], cost);
    }
  }
  // The previous states in the running (scored, above the floor), with what the pairs below need
  // of each computed once here.
  sources_.clear();
  source_budget_.clear();
  predecessors_.clear();
  for (uint32_t i = 0; i < prev.count; ++i) {
    const State& s = states_[prev.first + i];
    if (s.score == kMinusInfinity || s.score < (s.entry_penalty_m > 0 ? score_floor : legal_floor)) continue;
    Predecessor d;
    d.index = i;
    d.remaining_m = static_cast<double>(s.length_m) - s.offset_m;
    d.remaining_prior_m = d.remaining_m * s.prior_per_m;
    d.place = places.from(s.error);
    const double budget =
        limit - (static_cast<double>(s.length_m) - s.offset_m) * (1 + s.prior_per_m) - cheapest_target;
    if (!targets_.empty() && budget >= 0) {
      if (stop_check && StopRunPrior::stop_line_at(*map_, s.edge, s.exit_node)) d.exit_stop_m = config_.stop_run_penalty_m;
      auto it = std::find(sources_.begin(), sources_.end(), s.exit_node);
      if (it == sources_.end()) {
        d.source = static_cast<int32_t>(sources_.size());
        sources_.push_back(s.exit_node);
        source_budget_.push_back(static_cast<float>(budget));
      } else {
        const auto k = static_cast<std::size_t>(it - sources_.begin());
        d.source = static_cast<int32_t>(k);
        source_budget_[k] = std::max(source_budget_[k], static_cast<float>(budget));
      }
    }
    predecessors_.push_back(d);
  }
  // Only the distances need a value for every cell: a route's first and last edges and penalties
  // are read only where its distance says it was found.
  // (resize and fill, not assign: GCC made assign a call here, 1.3M instructions on the town.)
  source_target_m_.resize(sources_.size() * targets_.size());
  std::fill(source_target_m_.begin(), source_target_m_.end(), RouteSearch::kUnreachable);
  source_target_first_edge_.resize(source_target_m_.size());
  source_target_last_edge_.resize(source_target_m_.size());
  source_target_penalty_m_.resize(source_target_m_.size());
  // Road distance is never shorter than the straight line: a search is run only towards targets
  // that this lower bound leaves within reach, and not at all if there are none.
  for (std::size_t k = 0; k < sources_.size(); ++k) {
    const map::Coord from = map_->node_coord(sources_[k]);
    const double slack = static_cast<double>(source_budget_[k]) + cheapest_target;
    reachable_targets_.clear();
    reachable_index_.clear();
    double cheapest = RouteSearch::kUnreachable;
    for (std::size_t t = 0; t < targets_.size(); ++t) {
      const double straight = targets_[t] == sources_[k] ? 0.0
                                                          : metric_.distance_m(from.lat(), from.lon(), target_lat_[t],
                                                                               target_lon_[t]);
      if (0.99 * straight + target_cost_[t] > slack) continue;  // 1 % for the flat metric
      reachable_targets_.push_back(targets_[t]);
      reachable_index_.push_back(t);
      cheapest = std::min(cheapest, target_cost_[t]);
    }
    if (reachable_targets_.empty()) continue;
    reachable_costs_.resize(reachable_targets_.size());
    routes_.run(sources_[k], slack - cheapest, reachable_targets_, reachable_costs_);
    for (std::size_t r = 0; r < reachable_index_.size(); ++r) {
      const std::size_t cell = k * targets_.size() + reachable_index_[r];
      source_target_m_[cell] = reachable_costs_[r];
      if (reachable_costs_[r] != RouteSearch::kUnreachable) {
        const RouteSearch::RouteEnds ends = routes_.ends_to(reachable_targets_[r]);
        source_target_first_edge_[cell] = ends.first_edge;
        source_target_last_edge_[cell] = ends.last_edge;
        source_target_penalty_m_[cell] = ends.penalty_m;
        if (stop_check) {
          const double stops = config_.stop_run_penalty_m *
                               StopRunPrior::on_route(*map_, source_target_first_edge_[cell], source_target_last_edge_[cell],
                                                      sources_[k], reachable_targets_[r], RouteSearch::kNoEdge);
          source_target_m_[cell] += stops;
          source_target_penalty_m_[cell] += stops;
        }
      }
    }
  }

  // Turns the car could not have made at its speed: bearings at the ends of states and routes, only
  // where the trusted speeds say it went fast enough for any turn to matter.
  const double turn_speed = turn_check_speed_mps(previous, p);
  if (turn_speed > 0) {
    // Filled on first use: most steps at 1 Hz stay on their edge and need none.
    exit_direction_.assign(prev.count, kUnknownDirection);
    entry_direction_.assign(pending.size(), kUnknownDirection);
    first_direction_.assign(source_target_m_.size(), kUnknownDirection);
    last_direction_.assign(source_target_m_.size(), kUnknownDirection);
  }

  // The Viterbi step proper: for every new state the best predecessor. Hot: locals instead of
  // member lookups, so the compiler can keep everything in registers.
  const State* previous_states = states_.data() + prev.first;
  const uint32_t previous_count = prev.count;
  const Predecessor* predecessors = predecessors_.data();
  const std::size_t predecessor_count = predecessors_.size();
  const double* matrix = source_target_m_.data();
  const uint32_t* first_edges = source_target_first_edge_.data();
  const uint32_t* last_edges = source_target_last_edge_.data();
  const double* route_penalties = source_target_penalty_m_.data();
  const std::size_t target_count = targets_.size();
  const std::size_t pending_count = pending.size();
  const double uturn_penalty = uturn_price_m(previous_index, point_index);
  // Time on a road against its one-way direction counts as if driven at wrong_way_min_speed_mps at
  // least: a car there meets the oncoming traffic by the second, not by the metre. Per metre
  // alone, waiting or creeping there would cost nothing, and a bias that carries a queue at a
  // signal onto the other carriageway of a divided road (urban canyons) made minute-long "wrong
  // way" stretches at walking pace cheaper than the fixes' offset from the right carriageway.
  const double against_exposure_m = config_.wrong_way_min_speed_mps * (p.time_s - previous.time_s);
  const double wrong_way_prior = config_.wrong_way_prior_per_m;
  double best_overall = kMinusInfinity;
  for (std::size_t j = 0; j < pending_count; ++j) {
    State& c = pending[j];
    // The position term depends on the two fixes' candidates, not on the directions (a
    // candidate's two states are neighbours in a column): computed once per pair of candidates.
    if (paired && (j == 0 || c.candidate != pending[j - 1].candidate)) {
      for (uint32_t i = 0; i < previous_count; ++i) {
        pair_position_[i] = i > 0 && previous_states[i].candidate == previous_states[i - 1].candidate
                                ? pair_position_[i - 1]
                                : continuity.log_likelihood(previous_states[i].error, c.error);
      }
    }
    const int32_t target = state_target_[j];
    const double c_offset = c.offset_m;
    const double c_entry_penalty = c.entry_penalty_m;
    const double c_prior_per_m = c.prior_per_m;
    const double c_position_reversed = static_cast<double>(c.length_m) - c_offset;
    const bool c_against = c.wrong_way_penalty_m > 0;
    const double c_offset_prior = c_offset * c_prior_per_m;
    double best = kMinusInfinity;
    uint16_t back = 0;
    for (std::size_t k = 0; k < predecessor_count; ++k) {
      const Predecessor& d = predecessors[k];
      const uint32_t i = d.index;
      const State& s = previous_states[i];
      const double position = paired ? pair_position_[i] : 0.0;
      // What follows only lowers the score: every transition term is a log-probability <= 0
      // (distances, penalties and priors are >= 0; HmmProbabilities::transition_log_relative), and
      // adding a term <= 0 never raises a floating-point sum. So a predecessor that does not beat
      // the best so far before its transition cannot win with it (the winner needs a strictly
      // higher score), and its routes and turns need not be priced.
      const double reach = s.score + reach_offset + position;
      if (reach <= best) continue;
      // What the route is measured against: the line between the two states' places on their roads
      // (match/state_distance.hpp). Computed where a score needs it: half the pairs that get this
      // far have no route within the limit (no search reached the target, or none ran), and the new
      // state's place with it.
      const auto apart = [&] { return StepPlaces::apart_m(d.place, places.to(c.error)); };
      double driven = RouteSearch::kUnreachable;  // distance driven
      double priors = 0;                          // turns and forbidden entries on the way, priced in metres
      if (s.edge == c.edge) {
        if (s.forward == c.forward) {
          // Staying on the road: a fix behind the previous one is GPS noise, most of all while
          // standing, so it costs its distance beyond the tolerance instead of a turn-around.
          const double moved = c_offset - s.offset_m;
          if (moved <= limit) {
            const double forward_m = std::max(0.0, moved);
            double priors_m = forward_m * c_prior_per_m;
            if (c_against && against_exposure_m > forward_m) priors_m += (against_exposure_m - forward_m) * wrong_way_prior;
            const double score = reach + transition_score(forward_m, priors_m, apart(), inverse_beta, odometer) -
                                 backward_cost(moved);
            if (score > best) {
              best = score;
              back = static_cast<uint16_t>(i);
            }
          }
          continue;
        }
        // The other direction: turning round mid-road, driving on to the turning point and back.
        const double turn = std::max<double>(s.offset_m, c_position_reversed);
        driven = (turn - s.offset_m) + (turn - c_position_reversed);
        priors = uturn_penalty + c.wrong_way_penalty_m + (turn - s.offset_m) * s.prior_per_m +
                 (turn - c_position_reversed) * c_prior_per_m;
      }
      const int32_t source = d.source;
      if (source >= 0 && target >= 0) {
        const std::size_t cell = static_cast<std::size_t>(source) * target_count + static_cast<std::size_t>(target);
        const double between = matrix[cell];
        if (between != RouteSearch::kUnreachable) {
          // Back along the road just driven, or onto the road just arrived by: turning round at a
          // node costs what turning round mid-road does (else a fix past a corner would be
          // explained by driving into the cross road and back for free).
          // An empty route (the exit node is the entry node) turns round there if it re-enters
          // the same edge.
          double node_turns = node_turn_prior(s, c, first_edges[cell], last_edges[cell], uturn_penalty);
          if (turn_speed > 0) node_turns += turn_speed_prior_at_ends_m(prev.first, i, j, cell, turn_speed);
          const double via_nodes = d.remaining_m + (between - route_penalties[cell]) + c_offset;
          const double via_priors =
              node_turns + route_penalties[cell] + d.exit_stop_m + c_entry_penalty + d.remaining_prior_m + c_offset_prior;
          if (via_nodes <= limit &&
              (driven > limit || transition_score(via_nodes, via_priors, apart(), inverse_beta, odometer) >
                                     transition_score(driven, priors, apart(), inverse_beta, odometer))) {
            driven = via_nodes;
            priors = via_priors;
          }
        }
      }
      // The bound is on the distance driven; a turn's penalty is a price, not distance, so a
      // U-turn stays possible whatever uturn_penalty_m is (a dead end leaves no other way).
      if (driven > limit) continue;
      const double score = reach + transition_score(driven, priors, apart(), inverse_beta, odometer);
      if (score > best) {
        best = score;
        back = static_cast<uint16_t>(i);
      }
    }
    if (best == kMinusInfinity) {
      c.score = kMinusInfinity;
      continue;
    }
    c.back = back;
    c.score = best + c.heading_log + (paired ? 0.0 : c.error.independent_log());
    best_overall = std::max(best_overall, c.score);
  }
  return best_overall;
}

double Matcher::score_as_first(double offset) {
  // A piece that starts against a one-way direction or on a closed road is as unlikely as one
  // that enters it: with nothing before to say otherwise, a bias that happens to put the first
  // fixes on the one-way street beside would make a wrong-way start cost only its metres.
  double best = kMinusInfinity;
  for (State& s : pending()) {
    s.score = s.heading_log + s.error.independent_log() - s.entry_penalty_m / config_.beta_m + offset;
    s.back = 0;
    best = std::max(best, s.score);
  }
  return best;
}

inline void Matcher::push_column(uint32_t point, bool initial) {
  if (initial) {
    pending_shift_ = score_as_first(0.0);
    for (State& s : pending()) s.score -= pending_shift_;
  }
  Column column{point, pending_first_, static_cast<uint32_t>(states_end_ - pending_first_), pending_shift_};
  if (!initial && turn_round_seen(columns_.back().point, point)) {
    // The seen price only: the grip priced on top where the speeds say the car was too fast to
    // turn round is their evidence against the U-turn, which the beam may judge. Without usable
    // headings the fixes' own course reversing is the evidence a reversed heading is.
    column.turn_round_log = static_cast<float>(config_.uturn_seen_penalty_m / config_.beta_m);
  }
  columns_.push_back(column);
  out_->points[point].kind = PointKind::kept;
}

void Matcher::match(std::span<const TracePoint> trace, MatchResult& out) {
  out.clear();
  out.points.assign(trace.size(), PointMatch{});
  trace_ = trace;
  out_ = &out;
  states_end_ = 0;
  columns_.clear();
  decided_ = Decided{};
  uint32_t outlier_streak = 0;
  uint32_t last_placed = 0;  // the latest fix kept or collapsed
  local_day_ = OverLimitPrior::LocalDay{};
  sigmas_.compute(trace, config_);
  independent_share_ = error_share_.estimate(trace, sigmas_);
  speed_bound_.compute(trace, config_, independent_share_,
                       [this](const TracePoint& a, const TracePoint& b) { return fix_distance_m(a, b); });
  mark_usable_headings(trace, speed_bound_, config_.heading_min_speed_mps, heading_usable_);
  headings_trusted_ = headings_agree_with_motion(trace);
  // A wandering bias carries fixes further from their road than their accuracy says (and a road
  // left out cannot be chosen, however well it fits the rest of the trip); independent errors do not.
  turn_cos_lat_ = trace.empty() ? 1.0 : std::cos(trace.front().lat * map::geo::kDegToRad);
  margin_sigmas_ = config_.candidate_margin_sigmas + config_.correlated_margin_sigmas * (1 - independent_share_);
  index_reported_distances(trace);
  speeds_trusted_ = speeds_agree_with_motion(trace);
  out.stats.speeds_ignored = speeds_contradicted_;
  out.stats.headings_ignored = !headings_trusted_;
  course_reversals_.index(trace, heading_usable_, headings_trusted_);
  // The positions stand in for the headings only in a trip whose headings say nothing (none
  // reported, or contradicting the motion): where they are trusted they show a turn better.
  const bool headings_reported =
      std::any_of(trace.begin(), trace.end(), [](const TracePoint& p) { return !std::isnan(p.heading_deg); });
  position_reversals_.index(trace, sigmas_, !headings_trusted_ || !headings_reported);

  uint32_t stand_from = 0;  // the first of the latest fixes in a row to report standing
  for (uint32_t i = 0; i < trace.size(); ++i) {
    const TracePoint& p = trace[i];
    if (!(p.speed_mps < config_.stationary_speed_mps)) stand_from = i + 1;
    double gap = 0;  // from the last fix used (also the Viterbi step's great-circle distance)
    if (!columns_.empty()) {
      const TracePoint& last = trace[columns_.back().point];
      // The receiver's own gap, not the time since the last fix used: a car that stood at a
      // signal for two minutes (its fixes collapsed) has not lost its path.
      const double receiver_gap_s = p.time_s - trace[i - 1].time_s;
      gap = fix_distance_m(last, p);
      if (receiver_gap_s > config_.break_gap_s || gap > config_.break_distance_m) {
        finish_piece(i);
        ++out.stats.gap_breaks;
        outlier_streak = 0;
      } else if (gap < config_.stationary_radius_m || standing_since(columns_.back().point, stand_from, i, gap)) {
        // Standing (by distance, or by trustworthy reported speeds): GPS jitter and drift must
        // not become movement, nor wander into side roads.
        out.points[i].kind = PointKind::collapsed;
        last_placed = i;
        continue;
      }
    }
    // The spike test looks at the fix just before (a standing fix collapsed onto the path is as
    // good a witness of where the car is as the last one used), not at the last one used, which
    // may lie minutes back after a wait. Where it is the last one used (no fix collapsed since),
    // its distance is `gap`, measured above.
    if (!columns_.empty() && i + 1 < trace.size() &&
        is_spike(trace, last_placed, i, last_placed == columns_.back().point ? gap : NAN)) {
      out.points[i].kind = PointKind::outlier;
      ++out.stats.outliers;
      continue;
    }
    find_candidates(p);
    if (found_.empty()) {
      ++out.stats.no_candidate_points;
      continue;
    }
    build_states(p);
    if (columns_.empty()) {
      push_column(i, true);
      last_placed = i;
      continue;
    }
    if (connect_column(i, gap)) {
      push_column(i, false);
      last_placed = i;
      outlier_streak = 0;
      if (columns_.size() >= kWindowColumns) decide(columns_.size() - kLagColumns, false);
    } else if (outlier_streak < config_.max_outliers) {
      ++outlier_streak;
      out.points[i].kind = PointKind::outlier;
      ++out.stats.outliers;
    } else {
      finish_piece(i);
      ++out.stats.route_breaks;
      outlier_streak = 0;
      build_states(p);
      push_column(i, true);
      last_placed = i;
    }
  }
  finish_piece(static_cast<uint32_t>(trace.size()));
  // Only with trusted speeds: without them the smoother's motion is a guess that rounds off real
  // stops (a stop sign passed at a crawl would read as rolled through).
  if (config_.smooth_along_path && speeds_trusted_) smooth_positions();
  for (const PointMatch& m : out.points) {
    if (m.kind == PointKind::kept || m.kind == PointKind::collapsed) ++out.stats.matched_points;
  }
  out_ = nullptr;
  trace_ = {};
}

void Matcher::smooth_positions() {
  const std::vector<Traversal>& traversals = out_->traversals;
  std::vector<PointMatch>& points = out_->points;
  const auto matched = [&](uint32_t i) {
    return points[i].kind == PointKind::kept || points[i].kind == PointKind::collapsed;
  };
  const AlongPathModel model;
  const bool wandering = 1 - independent_share_ > ErrorContinuity::kNegligibleRho;
  uint32_t i = 0;
  const auto n = static_cast<uint32_t>(points.size());
  while (i < n) {
    if (!matched(i)) {
      ++i;
      continue;
    }
    // One piece of the path: its matched points, in order (unmatched and outliers between them skipped).
    const uint32_t piece = traversals[points[i].traversal].piece;
    along_.clear();
    along_points_.clear();
    for (; i < n; ++i) {
      if (!matched(i)) continue;
      if (traversals[points[i].traversal].piece != piece) break;
      const TracePoint& p = trace_[i];
      AlongPathObservation o;
      o.time_s = p.time_s;
      const bool speed = speeds_trusted_ && !std::isnan(p.speed_mps);
      o.speed_mps = speed ? p.speed_mps : NAN;
      o.sigma_m = sigma_of(p);
      if (points[i].kind == PointKind::kept || (!wandering && speed && p.speed_mps >= config_.stationary_speed_mps)) {
        // Kept, or (projected onto the path below) collapsed though moving, within
        // stationary_radius_m of the last kept fix at a crawl: its place is evidence too. Kept
        // fixes alone are a biased sample at low speeds: a fix whose error points ahead is the one
        // that clears the radius (changes of way came out 0.26 s early below 6 m/s; independent
        // error, town). The second smoother, for a wandering error, reads every fix's position.
        o.s_m = points[i].s_m;
      } else if (!speed) {
        // A standing fix placed between its neighbours: weak evidence where no speed says more.
        o.s_m = points[i].s_m;
        o.sigma_m *= 2;
      }
      along_.push_back(o);
      along_points_.push_back(i);
    }
    // Keep every fix within its piece, and give it the traversal its new distance falls on.
    uint32_t first = points[along_points_.front()].traversal, last = points[along_points_.back()].traversal;
    while (first > 0 && traversals[first - 1].piece == piece) --first;
    while (last + 1 < traversals.size() && traversals[last + 1].piece == piece) ++last;
    const double lo = traversals[first].start_s_m, hi = traversals[last].end_s_m();
    const std::span<const Traversal> piece_traversals(traversals.data() + first, last - first + 1);
    // The piece's path as a polyline in a flat frame at its first fix, for both placements below.
    const TracePoint& origin = trace_[along_points_.front()];
    const map::geo::LocalProjection frame(origin.lat, origin.lon);
    path_polyline(*map_, piece_traversals, frame, polyline_);
    // With a wandering error the second smoother places the fixes on the path in two dimensions;
    // with an independent one the first smoother's observations must not stop at edge ends.
    if (!wandering) project_onto_path(frame, lo, hi);
    smoother_.smooth(along_, model, smoothed_s_);
    if (wandering) smooth_with_wandering_error(frame, lo, hi);
    uint32_t t = first;
    for (std::size_t k = 0; k < along_points_.size(); ++k) {
      PointMatch& m = points[along_points_[k]];
      m.s_m = std::clamp(smoothed_s_[k], lo, hi);
      while (t < last && traversals[t].end_s_m() < m.s_m) ++t;
      m.traversal = t;
    }
  }
}

void Matcher::project_onto_path(const map::geo::LocalProjection& frame, double lo, double hi) {
  // A kept fix's distance is its projection onto the edge the Viterbi chose for it, which ends at
  // the edge's ends: a fix a few metres before a change of edge but chosen on the next edge sits at
  // that edge's start, never before it, so the path's changes of way came out 0.17 s early on
  // average (independent error, 1 Hz; town, Paris, Tokyo). Its nearest point on the path within a
  // few sigma of that distance has no such edge.
  std::size_t hint = 0;
  for (std::size_t k = 0; k < along_.size(); ++k) {
    AlongPathObservation& o = along_[k];
    const bool kept = out_->points[along_points_[k]].kind == PointKind::kept;
    if (std::isnan(o.s_m) || (!kept && std::isnan(o.speed_mps))) continue;  // a standing fix's place stays
    const TracePoint& p = trace_[along_points_[k]];
    const double window = kProjectionWindowSigmas * o.sigma_m;
    o.s_m = nearest_s_on_polyline(polyline_, frame.x(p.lon), frame.y(p.lat), std::max(lo, o.s_m - window),
                                  std::min(hi, o.s_m + window), hint);
  }
}

void Matcher::smooth_with_wandering_error(const map::geo::LocalProjection& frame, double lo, double hi) {
  // Linearised on the first smoother's answer: the path's point and direction there, the fix in
  // the same flat frame as the piece's polyline (polyline_).
  bias_observations_.clear();
  std::size_t hint = 0;
  for (std::size_t k = 0; k < along_points_.size(); ++k) {
    const TracePoint& p = trace_[along_points_[k]];
    BiasObservation o;
    o.time_s = p.time_s;
    o.east_m = frame.x(p.lon);
    o.north_m = frame.y(p.lat);
    o.at_s_m = std::clamp(smoothed_s_[k], lo, hi);
    const PathPoint at = point_on_polyline(polyline_, o.at_s_m, hint);
    o.path_east_m = at.east_m;
    o.path_north_m = at.north_m;
    o.dir_east = at.dir_east;
    o.dir_north = at.dir_north;
    o.sigma_m = sigma_of(p);
    o.speed_mps = along_[k].speed_mps;
    bias_observations_.push_back(o);
  }
  BiasModel model;
  model.correlation_s = config_.error_correlation_s;
  model.independent_share = independent_share_;
  bias_smoother_.smooth(bias_observations_, model, smoothed_s_);
}

void Matcher::finish_piece(uint32_t end) {
  drop_stray_last_fix();
  if (!columns_.empty()) decide(columns_.size(), true);
  // Collapsed fixes after the last decided one stay where it was.
  if (decided_.valid) {
    for (uint32_t k = decided_.point + 1; k < end; ++k) {
      PointMatch& m = out_->points[k];
      if (m.kind == PointKind::collapsed) {
        m.traversal = decided_.traversal;
        m.s_m = decided_.s_m;
      } else if (m.kind == PointKind::kept) {
        break;
      }
    }
  }
  states_end_ = 0;
  columns_.clear();
  decided_ = Decided{};
}

void Matcher::decide(std::size_t columns, bool finish) {
  // Backtrack from the best state of the newest column.
  const std::size_t n = columns_.size();
  chosen_.assign(n, 0);
  const Column& last = columns_.back();
  double best = kMinusInfinity;
  for (uint32_t i = 0; i < last.count; ++i) {
    if (states_[last.first + i].score > best) {
      best = states_[last.first + i].score;
      chosen_[n - 1] = static_cast<uint16_t>(i);
    }
  }
  // A state that skips drops the column before it: its fix is an outlier, its back pointer is in
  // the column before that (the first column's skip drops it, its predecessor already decided).
  dropped_.assign(n, 0);
  for (std::size_t j = n - 1; j > 0;) {
    const State& s = states_[columns_[j].first + chosen_[j]];
    if (!s.skips) {
      chosen_[j - 1] = s.back;
      --j;
      continue;
    }
    dropped_[j - 1] = 1;
    if (j < 2) break;
    chosen_[j - 2] = s.back;
    j -= 2;
  }
  for (std::size_t j = 0; j < columns; ++j) {
    if (dropped_[j]) {
      out_->points[columns_[j].point].kind = PointKind::outlier;
      ++out_->stats.outliers;
    } else {
      emit(columns_[j].point, states_[columns_[j].first + chosen_[j]]);
    }
  }
  if (finish) return;
  // Release the decided columns. The first remaining column's back pointers now dangle; they are
  // never followed, because the decided prefix is joined to it by routing (join()).
  const uint32_t drop_states = columns_[columns].first;
  std::move(states_.begin() + drop_states, states_.begin() + static_cast<std::ptrdiff_t>(states_end_), states_.begin());
  states_end_ -= drop_states;
  columns_.erase(columns_.begin(), columns_.begin() + static_cast<std::ptrdiff_t>(columns));
  for (Column& c : columns_) c.first -= drop_states;
  for (uint32_t i = 0; i < columns_.front().count; ++i) {
    states_[columns_.front().first + i].back = 0;
    states_[columns_.front().first + i].skips = false;
  }
}

void Matcher::start_piece(const State& state) {
  std::vector<Traversal>& traversals = out_->traversals;
  const double s = traversals.empty() ? 0.0 : traversals.back().end_s_m();
  Traversal t;
  t.edge = state.edge;
  t.forward = state.forward;
  t.piece = out_->stats.pieces++;
  t.start_s_m = s;
  t.from_m = state.offset_m;
  t.to_m = state.offset_m;
  traversals.push_back(t);
  decided_.traversal = static_cast<uint32_t>(traversals.size() - 1);
  decided_.s_m = s;
}

inline bool Matcher::join(const State& from, uint32_t from_point, const State& to, uint32_t to_point) {
  std::vector<Traversal>& traversals = out_->traversals;
  const uint32_t piece = traversals.back().piece;
  // Same road, same direction, not clearly backwards: stay on it.
  if (from.edge == to.edge && from.forward == to.forward) {
    Traversal& t = traversals.back();
    t.to_m = std::max(t.to_m, to.offset_m);
    decided_.s_m = std::max(decided_.s_m, t.start_s_m + (static_cast<double>(to.offset_m) - t.from_m));
    return true;
  }
  // Scored as in connect_column(), so that the path chosen there is the one rebuilt here.
  const TracePoint& a = trace_[from_point];
  const TracePoint& b = trace_[to_point];
  const double great_circle = fix_distance_m(a, b);
  const StepPlaces places(fix_step(a, b), great_circle, sigma_of(a), sigma_of(b));
  const double apart = StepPlaces::apart_m(places.from(from.error), places.to(to.error));
  const double inverse_beta = this->inverse_beta(a, b);
  const double odometer = odometer_m(from_point, to_point);
  constexpr double kImpossible = -std::numeric_limits<double>::infinity();
  const double uturn_price = uturn_price_m(from_point, to_point);
  double uturn = kImpossible;
  double turn = 0;
  if (from.edge == to.edge && from.forward != to.forward) {
    turn = std::max<double>(from.offset_m, to.length_m - to.offset_m);
    const double out = turn - from.offset_m, back = turn - (to.length_m - to.offset_m);
    uturn = transition_score(out + back,
                             uturn_price + to.wrong_way_penalty_m + out * from.prior_per_m + back * to.prior_per_m,
                             apart, inverse_beta, odometer);
  }
  const double remaining = from.length_m - from.offset_m;
  const double budget = cost_limit_m(a, b, great_circle) - remaining * (1 + from.prior_per_m);
  double routed = kImpossible;
  if (budget >= 0) {
    const uint32_t target = to.entry_node;
    double between = RouteSearch::kUnreachable;
    routes_.run(from.exit_node, budget, std::span<const uint32_t>(&target, 1), std::span<double>(&between, 1));
    if (between != RouteSearch::kUnreachable) {
      const uint32_t first = routes_.first_edge_to(target), last = routes_.last_edge_to(target);
      double turns = node_turn_prior(from, to, first, last, uturn_price);
      const double turn_speed = turn_check_speed_mps(a, b);
      if (turn_speed > 0) {
        const Direction out = direction_at(from.edge, from.forward, false), in = direction_at(to.edge, to.forward, true);
        turns += first == RouteSearch::kNoEdge
                     ? turn_speed_prior_m(out, in, turn_speed)
                     : turn_speed_prior_m(out, direction_at(first, map_->edge(first).from_node == from.exit_node, true), turn_speed) +
                           turn_speed_prior_m(direction_at(last, map_->edge(last).to_node == to.entry_node, false), in, turn_speed);
      }
      const double penalties = routes_.penalty_to(target);
      routed = transition_score(remaining + (between - penalties) + to.offset_m,
                                turns + penalties + to.entry_penalty_m + remaining * from.prior_per_m +
                                    to.offset_m * to.prior_per_m,
                                apart, inverse_beta, odometer);
    }
  }
  if (uturn == kImpossible && routed == kImpossible) return false;

  if (uturn >= routed) {
    Traversal& t = traversals.back();
    t.to_m = std::max(t.to_m, static_cast<float>(turn));
    Traversal back;
    back.edge = to.edge;
    back.forward = to.forward;
    back.piece = piece;
    back.start_s_m = t.end_s_m();
    back.from_m = static_cast<float>(to.length_m - turn);
    back.to_m = std::max(back.from_m, to.offset_m);
    traversals.push_back(back);
  } else {
    routes_.path_to(to.entry_node, path_);
    traversals.back().to_m = from.length_m;
    for (const map::AdjacentEdge adj : path_) {
      Traversal t;
      t.edge = adj.edge();
      t.forward = !adj.reversed();
      t.piece = piece;
      t.start_s_m = traversals.back().end_s_m();
      t.from_m = 0;
      t.to_m = map_->edge(adj.edge()).length_m;
      traversals.push_back(t);
    }
    Traversal t;
    t.edge = to.edge;
    t.forward = to.forward;
    t.piece = piece;
    t.start_s_m = traversals.back().end_s_m();
    t.from_m = 0;
    t.to_m = to.offset_m;
    traversals.push_back(t);
  }
  const Traversal& t = traversals.back();
  decided_.traversal = static_cast<uint32_t>(traversals.size() - 1);
  decided_.s_m = std::max(decided_.s_m, t.start_s_m + (static_cast<double>(to.offset_m) - t.from_m));
  return true;
}

bool Matcher::reported_distances(uint32_t from, uint32_t to) {
  // Cumulative distance by the trapezoid rule over the reported speeds, from fix `from` to each
  // fix up to `to`; false where speeds are not trusted, missing, or add up to nothing.
  if (!speeds_trusted_) return false;
  reported_m_.assign(1, 0.0);
  for (uint32_t k = from + 1; k <= to; ++k) {
    const TracePoint& a = trace_[k - 1];
    const TracePoint& b = trace_[k];
    if (std::isnan(a.speed_mps) || std::isnan(b.speed_mps)) return false;
    reported_m_.push_back(reported_m_.back() + 0.5 * (a.speed_mps + b.speed_mps) * (b.time_s - a.time_s));
  }
  return reported_m_.back() > 0;
}

inline void Matcher::emit(uint32_t point, const State& state) {
  if (!decided_.valid) {
    start_piece(state);
  } else {
    const uint32_t from_point = decided_.point;
    const double from_s = decided_.s_m;
    const uint32_t from_traversal = decided_.traversal;
    const bool joined = join(decided_.state, from_point, state, point);
    if (!joined) {
      ++out_->stats.route_breaks;
      start_piece(state);
    }
    // Collapsed fixes between the two decided ones: spread along the path between them, by the
    // distance the reported speeds give where they are trusted (a car waiting at a signal stays
    // at the line, however its fixes drift), else by their distances from the two.
    // (Consecutive fixes, the common case, have none: then nothing below runs.)
    const bool by_speed = joined && point > from_point + 1 && reported_distances(from_point, point);
    for (uint32_t k = from_point + 1; k < point; ++k) {
      PointMatch& m = out_->points[k];
      if (m.kind != PointKind::collapsed) continue;
      if (!joined) {
        m.traversal = from_traversal;
        m.s_m = from_s;
        continue;
      }
      double f = 0.5;
      if (by_speed) {
        f = reported_m_[k - from_point] / reported_m_[point - from_point];
      } else {
        const double da = fix_distance_m(trace_[from_point], trace_[k]);
        const double db = fix_distance_m(trace_[k], trace_[point]);
        f = da + db > 0 ? da / (da + db) : 0.5;
      }
      const double previous_s = (k > from_point + 1 && out_->points[k - 1].kind == PointKind::collapsed)
                                    ? out_->points[k - 1].s_m
                                    : from_s;
      m.s_m = std::max(previous_s, from_s + f * (decided_.s_m - from_s));
      uint32_t t = from_traversal;
      while (t < decided_.traversal && out_->traversals[t].end_s_m() < m.s_m) ++t;
      m.traversal = t;
    }
  }
  decided_.state = state;
  decided_.point = point;
  decided_.valid = true;
  PointMatch& m = out_->points[point];
  m.kind = PointKind::kept;
  m.traversal = decided_.traversal;
  m.s_m = decided_.s_m;
}

}  // namespace drivelog::match
