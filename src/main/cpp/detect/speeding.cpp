#include <algorithm>
#include <cmath>

#include "detect/rules.hpp"

namespace drivelog::detect {
namespace {

// An open speeding episode: matched positions [first, last_over] over the allowance.
struct Episode {
  std::size_t first = 0;
  std::size_t last_over = 0;
  uint16_t limit_tenths = 0;
  double max_kmh = 0;
  double sum_kmh = 0;
  uint32_t over_points = 0;
  bool any_derived = false;
};

void report(const TripView& trip, const SpeedingConfig& config, const Episode& ep, std::vector<Violation>& out) {
  const SpeedProfile& sp = trip.speeds;
  const double duration = sp.time_at(ep.last_over) - sp.time_at(ep.first);
  if (duration < config.min_duration_s) return;
  const auto& points = trip.match.points;
  const auto& traversals = trip.match.traversals;
  const uint32_t first_t = points[sp.matched()[ep.first]].traversal;
  const uint32_t last_t = points[sp.matched()[ep.last_over]].traversal;
  const match::Traversal& start = traversals[first_t];
  const map::EdgeRecord& edge = trip.map.edge(start.edge);

  Violation v;
  v.type = ViolationType::speeding;
  v.start_time_s = sp.time_at(ep.first);
  v.end_time_s = sp.time_at(ep.last_over);
  const map::Coord where = position_at(trip.map, start, sp.s_at(ep.first));
  v.lat = where.lat();
  v.lon = where.lon();
  for (uint32_t t = first_t; t <= last_t; ++t) add_way(v.osm_way_ids, trip.map.edge(traversals[t].edge).osm_way_id);
  v.road_name = std::string(trip.map.edge_name(start.edge));
  const double limit_kmh = ep.limit_tenths / 10.0;
  const double mean_kmh = ep.sum_kmh / ep.over_points;
  // Sure when well over the allowance for well over the minimum time on a tagged limit.
  const double allowance = std::max(config.tolerance_kmh, limit_kmh * config.tolerance_percent / 100.0);
  const double excess = mean_kmh - (limit_kmh + allowance);
  double confidence = 0.55 + 0.25 * std::clamp(excess / 10.0, 0.0, 1.0) +
                      0.15 * std::clamp(duration / (3 * std::max(1.0, config.min_duration_s)), 0.0, 1.0);
  if (edge.speed_source != map::SpeedSource::explicit_tag) confidence -= 0.1;
  if (ep.any_derived) confidence -= 0.05;
  v.confidence = std::clamp(confidence, 0.0, 1.0);
  v.evidence.push_back(EvidenceItem::of_number("max_speed_kmh", ep.max_kmh));
  v.evidence.push_back(EvidenceItem::of_number("mean_speed_kmh", mean_kmh));
  v.evidence.push_back(EvidenceItem::of_number("limit_kmh", limit_kmh));
  v.evidence.push_back(EvidenceItem::of_text("limit_source", limit_source_name(edge.speed_source)));
  v.evidence.push_back(EvidenceItem::of_number("distance_m", sp.s_at(ep.last_over) - sp.s_at(ep.first)));
  v.evidence.push_back(EvidenceItem::of_number("duration_s", duration));
  v.evidence.push_back(EvidenceItem::of_number("tolerance_kmh", allowance));
  out.push_back(std::move(v));
}

}  // namespace

void detect_speeding(const TripView& trip, const SpeedingConfig& config, std::vector<Violation>& out) {
  const SpeedProfile& sp = trip.speeds;
  const auto& matched = sp.matched();
  Episode ep;
  bool open = false;
  for (std::size_t k = 0; k < matched.size(); ++k) {
    const match::Traversal& t = trip.match.traversals[trip.match.points[matched[k]].traversal];
    const uint16_t limit = limit_tenths_kmh(trip.map.edge(t.edge), t.forward);
    const bool known = limit != map::kSpeedUnknown && limit != map::kSpeedUnlimited;
    // An episode ends at a break in the matched path, a change of limit, or a long enough dip.
    if (open && (sp.piece_at(k) != sp.piece_at(ep.last_over) || !known || limit != ep.limit_tenths ||
                 sp.time_at(k) - sp.time_at(ep.last_over) > config.merge_gap_s)) {
      report(trip, config, ep, out);
      open = false;
    }
    if (!known) continue;
    const double limit_kmh = limit / 10.0;
    const double allowance = std::max(config.tolerance_kmh, limit_kmh * config.tolerance_percent / 100.0);
    const double speed_kmh = sp.smoothed_mps_at(k) * 3.6;
    if (speed_kmh <= limit_kmh + allowance) continue;
    if (!open) {
      ep = Episode{};
      ep.first = k;
      ep.limit_tenths = limit;
      open = true;
    }
    ep.last_over = k;
    ep.max_kmh = std::max(ep.max_kmh, speed_kmh);
    ep.sum_kmh += speed_kmh;
    ++ep.over_points;
    ep.any_derived = ep.any_derived || sp.derived_at(k);
  }
  if (open) report(trip, config, ep, out);
}

}  // namespace drivelog::detect
