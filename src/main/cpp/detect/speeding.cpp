#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "detect/conditional_rules.hpp"
#include "detect/local_calendar.hpp"
#include "detect/rules.hpp"
#include "detect/severity.hpp"

namespace drivelog::detect {
namespace {

// An open speeding episode: matched positions [first, last_over] over the allowance.
struct Episode {
  std::size_t first = 0;
  std::size_t last_over = 0;
  uint16_t limit_tenths = 0;
  map::SpeedSource source = map::SpeedSource::none;
  uint32_t rule = map::kNoSpeedRule;  // the legal rule that gave the limit, if rule-based
  int32_t local_day = 0;              // the local date the limit was judged for
  ConditionalVerdict conditional;     // the maxspeed:conditional that gave the limit, if one did
  RuleLimit lowered_by;               // the rule's class or conditional limit that gave it, if one did
  std::string lowered_at;             // when that conditional was judged (local time)
  double max_kmh = 0;
  double sum_kmh = 0;
  uint32_t over_points = 0;
  bool any_derived = false;
};

// The episode's estimated bounds: where the speed (bound_speed_mps), interpolated linearly between the
// episode's first (last) fix and the fix before (after) it in the piece, crosses the allowance;
// half way between them when that fix was over too (a change of limit). The fixes' own span would
// come out one sampling interval short on average: a 5.4 s episode sampled at 1 Hz often holds
// only 5 fixes, 4 s apart.
struct Bounds {
  double start_s, end_s;
};
// The speed an episode's bounds are measured on: the reported one where there is one (the smoothing
// that keeps a single noisy fix from starting an episode would also widen it by half its window at
// each end, and an episode a second short of the minimum would be reported), else the smoothed one.
double bound_speed_mps(const SpeedProfile& sp, std::size_t k) {
  return sp.derived_at(k) ? sp.smoothed_mps_at(k) : sp.speed_mps_at(k);
}

double crossing_time(const SpeedProfile& sp, std::size_t over, std::size_t under, double threshold_mps) {
  const double v_over = bound_speed_mps(sp, over), v_under = bound_speed_mps(sp, under);
  const double t_over = sp.time_at(over), t_under = sp.time_at(under);
  if (v_under >= threshold_mps || v_over <= v_under) return (t_over + t_under) / 2;
  const double fraction = std::clamp((v_over - threshold_mps) / (v_over - v_under), 0.0, 1.0);
  return t_over + fraction * (t_under - t_over);
}
// Only towards a neighbour at most `max_gap_s` away: sparse fixes are not extrapolated (at 0.2 Hz a
// single fix over the allowance would otherwise make a 5 s episode).
Bounds bounds_of(const SpeedProfile& sp, const Episode& ep, double threshold_mps, double max_gap_s) {
  const std::size_t n = sp.matched().size();
  double start = sp.time_at(ep.first);
  double end = sp.time_at(ep.last_over);
  if (ep.first > 0 && sp.piece_at(ep.first - 1) == sp.piece_at(ep.first) &&
      start - sp.time_at(ep.first - 1) <= max_gap_s) {
    start = crossing_time(sp, ep.first, ep.first - 1, threshold_mps);
  }
  if (ep.last_over + 1 < n && sp.piece_at(ep.last_over + 1) == sp.piece_at(ep.last_over) &&
      sp.time_at(ep.last_over + 1) - end <= max_gap_s) {
    end = crossing_time(sp, ep.last_over, ep.last_over + 1, threshold_mps);
  }
  return Bounds{start, end};
}

std::string legal_date(int32_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

double limit_allowance_mps(uint16_t limit_tenths, const SpeedingConfig& config) {
  const double limit_kmh = limit_tenths / 10.0;
  return (limit_kmh + std::max(config.tolerance_kmh, limit_kmh * config.tolerance_percent / 100.0)) / 3.6;
}

// Whether the car went on over the allowance through a gap in the fixes (a tunnel, a receiver
// dropout) between the episode's last fix `last_over` and the next fix `k`: no fix in between, the
// next one over as well, and the road covered in between too much for a slower passage.
bool speeding_through_gap(const SpeedProfile& sp, std::size_t last_over, std::size_t k, double threshold_mps) {
  if (k != last_over + 1 || sp.smoothed_mps_at(k) <= threshold_mps) return false;
  const double dt = sp.time_at(k) - sp.time_at(last_over);
  return dt > 0 && (sp.s_at(k) - sp.s_at(last_over)) / dt > threshold_mps;
}

// Whether an episode measured on speeds derived from positions is over the allowance however its
// ends are placed: a fix is placed along the road only as well as the GPS puts it (a bias across one
// street turns into one along the next after a corner), so the path distance between the episode's
// first and last fix, less `margin_m`, must still take longer than their time at the allowance. On
// legal drives without speeds in central Tokyo a 28 km/h drive placed 19 m long over 8 s read as
// 39 km/h in a 30 zone.
bool over_allowance_beyond_placement(const SpeedProfile& sp, const Episode& ep, double threshold_mps, double margin_m) {
  const double dt = sp.time_at(ep.last_over) - sp.time_at(ep.first);
  return dt > 0 && (sp.s_at(ep.last_over) - sp.s_at(ep.first) - margin_m) / dt > threshold_mps;
}

// The highest speed the episode held for `duration_s`: of every run of its fixes spanning at least
// that long, the slowest fix, and the fastest such; the episode's slowest fix when none spans it
// (a short episode, sparse fixes). A single fast fix must not grade a whole episode.
double held_speed_kmh(const SpeedProfile& sp, std::size_t first, std::size_t last, double duration_s) {
  double best = -1, slowest = 1e9;
  for (std::size_t i = first; i <= last; ++i) {
    slowest = std::min(slowest, static_cast<double>(sp.smoothed_mps_at(i)));
    double low = 1e9;
    for (std::size_t j = i; j <= last; ++j) {
      low = std::min(low, static_cast<double>(sp.smoothed_mps_at(j)));
      if (sp.time_at(j) - sp.time_at(i) >= duration_s) {
        best = std::max(best, low);
        break;
      }
    }
  }
  return (best >= 0 ? best : slowest) * 3.6;
}

void report(const TripView& trip, const SpeedingConfig& config, Episode ep, std::vector<Violation>& out) {
  const SpeedProfile& sp = trip.speeds;
  const double limit_kmh = ep.limit_tenths / 10.0;
  const double allowance = std::max(config.tolerance_kmh, limit_kmh * config.tolerance_percent / 100.0);
  const double threshold_mps = (limit_kmh + allowance) / 3.6;
  // The episode's ends are its first and last fix whose own speed is over (the smoothed one may be
  // over a fix or two beyond them).
  while (ep.first < ep.last_over && bound_speed_mps(sp, ep.first) <= threshold_mps) ++ep.first;
  while (ep.last_over > ep.first && bound_speed_mps(sp, ep.last_over) <= threshold_mps) --ep.last_over;
  if (bound_speed_mps(sp, ep.first) <= threshold_mps) return;
  const Bounds bounds = bounds_of(sp, ep, threshold_mps, config.merge_gap_s);
  const double duration = bounds.end_s - bounds.start_s;
  if (duration < config.min_duration_s) return;
  if (ep.any_derived && !over_allowance_beyond_placement(sp, ep, threshold_mps, config.derived_distance_margin_m)) return;
  const auto& points = trip.match.points;
  const auto& traversals = trip.match.traversals;
  const uint32_t first_t = points[sp.matched()[ep.first]].traversal;
  const uint32_t last_t = points[sp.matched()[ep.last_over]].traversal;
  const match::Traversal& start = traversals[first_t];

  Violation v;
  v.type = ViolationType::speeding;
  v.start_time_s = bounds.start_s;
  v.end_time_s = bounds.end_s;
  const map::Coord where = position_at(trip.map, start, sp.s_at(ep.first));
  v.lat = where.lat();
  v.lon = where.lon();
  for (uint32_t t = first_t; t <= last_t; ++t) add_way(v.osm_way_ids, trip.map.edge(traversals[t].edge).osm_way_id);
  v.road_name = std::string(trip.map.edge_name(start.edge));
  const double mean_kmh = ep.sum_kmh / ep.over_points;
  // Sure when well over the allowance for well over the minimum time on a tagged limit.
  const double excess = mean_kmh - (limit_kmh + allowance);
  double confidence = 0.55 + 0.25 * std::clamp(excess / 10.0, 0.0, 1.0) +
                      0.15 * std::clamp(duration / (3 * std::max(1.0, config.min_duration_s)), 0.0, 1.0);
  if (ep.source != map::SpeedSource::explicit_tag && ep.source != map::SpeedSource::conditional) confidence -= 0.1;
  if (ep.source == map::SpeedSource::legal_default_inferred) confidence -= 0.05;
  if (ep.any_derived) confidence -= 0.05;
  v.confidence = std::clamp(confidence, 0.0, 1.0);
  const double held_kmh = held_speed_kmh(sp, ep.first, ep.last_over, config.severity.min_duration_s);
  v.severity = speeding_severity(limit_kmh, held_kmh, config.severity);
  // Seven items on a tagged or plain legal limit, more with a rule or a conditional: one allocation
  // instead of four as the list grows.
  v.evidence.reserve(8);
  v.evidence.push_back(EvidenceItem::of_number("max_speed_kmh", ep.max_kmh));
  v.evidence.push_back(EvidenceItem::of_number("mean_speed_kmh", mean_kmh));
  v.evidence.push_back(EvidenceItem::of_number("limit_kmh", limit_kmh));
  v.evidence.push_back(EvidenceItem::of_text("limit_source", map::speed_source_label(ep.source)));
  if (ep.rule != map::kNoSpeedRule) {
    // Which legal rule, and for which local date: a limit that changed in law is judged by the day.
    v.evidence.push_back(EvidenceItem::of_text("limit_rule", std::string(trip.map.string_at(trip.map.speed_rule(ep.rule).name))));
    v.evidence.push_back(EvidenceItem::of_text("local_date", legal_date(ep.local_day)));
  }
  if (!ep.lowered_by.tag.empty()) {
    // The law's limit for the vehicle's class (a lorry's 80 on an expressway) or its conditional one.
    if (ep.lowered_by.condition.empty()) {
      v.evidence.push_back(EvidenceItem::of_text("class_tag", ep.lowered_by.tag));
    } else {
      v.evidence.push_back(EvidenceItem::of_text("conditional_tag", ep.lowered_by.tag));
      v.evidence.push_back(EvidenceItem::of_text("condition", ep.lowered_by.condition));
      v.evidence.push_back(EvidenceItem::of_text("local_time", ep.lowered_at));
    }
  }
  add_conditional_evidence(trip.map, ep.conditional, v);  // nothing where the plain tags decided
  v.evidence.push_back(EvidenceItem::of_number("distance_m", sp.s_at(ep.last_over) - sp.s_at(ep.first)));
  v.evidence.push_back(EvidenceItem::of_number("duration_s", duration));
  v.evidence.push_back(EvidenceItem::of_number("tolerance_kmh", allowance));
  out.push_back(std::move(v));
}

}  // namespace

void detect_speeding(const TripView& trip, const SpeedingConfig& config, std::vector<Violation>& out) {
  const SpeedProfile& sp = trip.speeds;
  const auto& matched = sp.matched();
  ConditionalRules& conditionals = trip.conditionals;
  ConditionalVerdict verdict;
  bool verdict_from_rules = false;  // else `verdict` is a default one
  Episode ep;
  bool open = false;
  // Fix `k` judged against its limit, the episodes opened and closed (inlined in both places below).
  const auto judge = [&](std::size_t k, VehicleLimit& vehicle_limit) __attribute__((always_inline)) {
    const map::LimitInForce& in_force = vehicle_limit.limit;
    const uint16_t limit = in_force.tenths_kmh;
    const bool known = limit != map::kSpeedUnknown && limit != map::kSpeedUnlimited;
    // An episode ends at a break in the matched path, a change of limit, or a long enough dip.
    if (open && (sp.piece_at(k) != sp.piece_at(ep.last_over) || !known || limit != ep.limit_tenths ||
                 (in_force.source == map::SpeedSource::conditional) != (ep.source == map::SpeedSource::conditional) ||
                 verdict.plain != ep.conditional.plain ||
                 (sp.time_at(k) - sp.time_at(ep.last_over) > config.merge_gap_s &&
                  !speeding_through_gap(sp, ep.last_over, k, limit_allowance_mps(limit, config))))) {
      report(trip, config, ep, out);
      open = false;
    }
    if (!known) return;
    const double limit_kmh = limit / 10.0;
    const double allowance = std::max(config.tolerance_kmh, limit_kmh * config.tolerance_percent / 100.0);
    const double speed_kmh = sp.smoothed_mps_at(k) * 3.6;
    if (speed_kmh <= limit_kmh + allowance) return;
    if (!open) {
      ep = Episode{};
      ep.first = k;
      ep.limit_tenths = limit;
      ep.source = in_force.source;
      ep.rule = in_force.rule;
      ep.local_day = vehicle_limit.local_day;
      ep.conditional = verdict;
      ep.lowered_by = std::move(vehicle_limit.lowered_by);
      ep.lowered_at = std::move(vehicle_limit.local_time);
      open = true;
    }
    ep.last_over = k;
    ep.max_kmh = std::max(ep.max_kmh, speed_kmh);
    ep.sum_kmh += speed_kmh;
    ++ep.over_points;
    ep.any_derived = ep.any_derived || sp.derived_at(k);
  };
  // Most edges' limits are a limit and a local day (ConditionalRules::plain_limit): a fix on one
  // needs no VehicleLimit, with its strings, built and dropped (about 100 instructions).
  VehicleLimit plain_limit;  // the defaults, but for the limit and the local day
  // The edge direction of the fix before when its limit was its tag (no rule asked: the same at
  // every time), so that fixes after it on the same edge ask nothing at all.
  uint32_t tag_edge = UINT32_MAX;
  bool tag_forward = false;
  for (std::size_t k = 0; k < matched.size(); ++k) {
    const match::Traversal& t = trip.match.traversals[trip.match.points[matched[k]].traversal];
    if (t.edge == tag_edge && t.forward == tag_forward) {
      judge(k, plain_limit);  // plain_limit and verdict as for the fix before
      continue;
    }
    tag_edge = UINT32_MAX;
    if (const auto plain = conditionals.plain_limit(t.edge, t.forward, sp.time_at(k))) {
      if (verdict_from_rules) verdict = ConditionalVerdict{};
      verdict_from_rules = false;
      plain_limit.limit = plain->limit;
      plain_limit.local_day = plain->local_day;
      if (plain->limit.rule == map::kNoSpeedRule && plain->local_day == 0 &&
          trip.map.edge(t.edge).speed_rule == map::kNoSpeedRule) {
        tag_edge = t.edge;
        tag_forward = t.forward;
      }
      judge(k, plain_limit);  // (moves from its strings, which stay empty)
    } else {
      VehicleLimit vehicle_limit = conditionals.limit_at(t.edge, t.forward, sp.time_at(k));
      verdict = std::move(vehicle_limit.way_conditional);
      verdict_from_rules = true;
      judge(k, vehicle_limit);
    }
  }
  if (open) report(trip, config, ep, out);
}

}  // namespace drivelog::detect
