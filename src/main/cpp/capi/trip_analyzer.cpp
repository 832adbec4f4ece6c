#include "capi/trip_analyzer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "capi/json_writer.hpp"
#include "detect/path_lookup.hpp"
#include "detect/vehicle_types.hpp"
#include "match/path_geometry.hpp"

#ifndef DRIVELOG_VERSION
#define DRIVELOG_VERSION "0.0.0"
#endif

namespace drivelog::capi {
namespace {

constexpr int kTimeDecimals = 3;
constexpr int kCoordDecimals = 7;

void write_violation(JsonWriter& w, const detect::Violation& v) {
  w.begin_object();
  w.key("type");
  w.string(detect::type_name(v.type));
  w.key("start_time");
  w.number(v.start_time_s, kTimeDecimals);
  w.key("end_time");
  w.number(v.end_time_s, kTimeDecimals);
  w.key("lat");
  w.number(v.lat, kCoordDecimals);
  w.key("lon");
  w.number(v.lon, kCoordDecimals);
  w.key("osm_way_ids");
  w.begin_array();
  for (const int64_t id : v.osm_way_ids) w.integer(id);
  w.end_array();
  w.key("road_name");
  w.string(v.road_name);
  w.key("confidence");
  w.number(v.confidence, 2);
  w.key("severity");
  if (const char* severity = detect::severity_name(v.severity)) w.string(severity); else w.null();
  w.key("evidence");
  w.begin_object();
  for (const detect::EvidenceItem& e : v.evidence) {
    w.key(e.key);
    switch (e.kind) {
      case detect::EvidenceItem::Kind::number: w.number(e.number, e.decimals); break;
      case detect::EvidenceItem::Kind::integer: w.integer(e.integer); break;
      case detect::EvidenceItem::Kind::text: w.string(e.text); break;
    }
  }
  w.end_object();
  w.end_object();
}

}  // namespace

TripAnalyzer::TripAnalyzer(const map::MapView& map, const AnalysisConfig& config)
    : map_(&map),
      config_(config),
      matcher_(map, config.matching),
      detector_(map, config.detect),
      closures_(map, detect::vehicle_profile(config.detect)) {
  matcher_.set_trip_closures(&closures_);
}

const std::string& TripAnalyzer::analyze(std::string_view trip_id, const match::TraceColumns& columns) {
  if (columns.count > config_.max_points) {
    throw InputRefused(std::to_string(columns.count) + " points exceed analysis.max_points = " +
                       std::to_string(config_.max_points));
  }
  const match::CleaningReport cleaning = match::clean_trace(columns, trace_);
  if (!trace_.empty()) closures_.start_trip(trace_.front().time_s, trace_.back().time_s);
  matcher_.match(trace_, match_);
  detector_.detect(trace_, match_, detections_);
  write_result(trip_id, cleaning);
  return result_;
}

void TripAnalyzer::find_piece_last_fix_times() {
  piece_last_fix_s_.assign(match_.stats.pieces, -std::numeric_limits<double>::infinity());
  for (std::size_t i = 0; i < match_.points.size() && i < trace_.size(); ++i) {
    const match::PointMatch& p = match_.points[i];
    if (p.kind != match::PointKind::kept && p.kind != match::PointKind::collapsed) continue;
    const uint32_t piece = match_.traversals[p.traversal].piece;
    if (piece >= piece_last_fix_s_.size()) piece_last_fix_s_.resize(piece + 1, -std::numeric_limits<double>::infinity());
    piece_last_fix_s_[piece] = std::max(piece_last_fix_s_[piece], trace_[i].time_s);
  }
}

void TripAnalyzer::write_result(std::string_view trip_id, const match::CleaningReport& cleaning) {
  result_.clear();
  JsonWriter w(result_);
  const match::MatchStats& ms = match_.stats;
  const QualityConfig& q = config_.quality;

  uint64_t gaps = 0, low_accuracy = 0;
  double longest_gap = 0;
  for (std::size_t i = 0; i < trace_.size(); ++i) {
    if (i > 0) {
      const double dt = trace_[i].time_s - trace_[i - 1].time_s;
      longest_gap = std::max(longest_gap, dt);
      if (dt > q.gap_s) ++gaps;
    }
    if (!std::isnan(trace_[i].accuracy_m) && trace_[i].accuracy_m > q.low_accuracy_m) ++low_accuracy;
  }
  double distance = 0;
  for (const match::Traversal& t : match_.traversals) distance += t.length_m();
  const double used = static_cast<double>(trace_.size());
  const double matched_fraction = trace_.empty() ? 0.0 : static_cast<double>(ms.matched_points) / used;

  w.begin_object();
  w.key("schema");
  w.string("drivelog.trip/1.5");
  w.key("trip_id");
  w.string(trip_id);
  w.key("engine_version");
  w.string(DRIVELOG_VERSION);
  // What the trip was analysed as (the vehicle class may differ per vehicle or input; docs/CONFIGURATION.md).
  w.key("analysis");
  w.begin_object();
  w.key("vehicle_class");
  w.string(detect::configured_vehicle_type(config_.detect.vehicle_class, config_.detect.vehicle_type).name);
  w.end_object();
  w.key("summary");
  w.begin_object();
  w.key("points");
  w.integer(static_cast<int64_t>(cleaning.input_points));
  w.key("points_used");
  w.integer(static_cast<int64_t>(trace_.size()));
  w.key("matched_points");
  w.integer(static_cast<int64_t>(ms.matched_points));
  w.key("matched_fraction");
  w.number(matched_fraction, 4);
  w.key("segments");
  w.integer(ms.pieces);
  w.key("distance_m");
  w.number(distance, 1);
  w.key("duration_s");
  w.number(trace_.empty() ? 0.0 : trace_.back().time_s - trace_.front().time_s, kTimeDecimals);
  w.key("start_time");
  if (trace_.empty()) w.null(); else w.number(trace_.front().time_s, kTimeDecimals);
  w.key("end_time");
  if (trace_.empty()) w.null(); else w.number(trace_.back().time_s, kTimeDecimals);
  w.key("quality");
  w.begin_object();
  w.key("dropped_points");
  w.integer(static_cast<int64_t>(cleaning.dropped_points));
  w.key("out_of_order_points");
  w.integer(static_cast<int64_t>(cleaning.out_of_order_points));
  w.key("gaps");
  w.integer(static_cast<int64_t>(gaps));
  w.key("longest_gap_s");
  w.number(longest_gap, kTimeDecimals);
  w.key("low_accuracy_points");
  w.integer(static_cast<int64_t>(low_accuracy));
  w.key("outliers");
  w.integer(ms.outliers);
  w.key("unmatched_points");
  w.integer(static_cast<int64_t>(trace_.size() - ms.matched_points));
  w.key("breaks");
  w.integer(ms.gap_breaks + ms.route_breaks);
  w.key("flags");
  w.begin_array();
  if (trace_.empty()) w.string("no_points");
  if (cleaning.dropped_points > 0) w.string("dropped_points");
  if (cleaning.out_of_order_points > 0) w.string("out_of_order");
  if (gaps > 0) w.string("gaps");
  if (used > 0 && static_cast<double>(low_accuracy) > q.low_accuracy_flag_fraction * used) w.string("low_accuracy");
  if (ms.outliers > 0) w.string("outliers");
  if (used > 0 && 1.0 - matched_fraction > q.unmatched_flag_fraction) w.string("unmatched");
  if (ms.headings_ignored) w.string("headings_ignored");
  if (ms.speeds_ignored) w.string("speeds_ignored");
  w.end_array();
  w.end_object();
  const detect::StopSignCounts& stops = detections_.stop_signs;
  w.key("stop_signs");
  w.begin_object();
  w.key("passed");
  w.integer(stops.passed);
  w.key("stopped");
  w.integer(stops.stopped);
  w.key("violations");
  w.integer(stops.violations);
  w.key("undecided");
  w.integer(stops.undecided);
  w.end_object();
  const detect::EventCoverage& coverage = detections_.event_coverage;
  w.key("events");
  w.begin_object();
  w.key("decided_s");
  w.number(coverage.decided_s, 1);
  w.key("undecided_s");
  w.number(coverage.undecided_s, 1);
  w.key("undecided_reason");
  if (coverage.undecided_reason != nullptr) w.string(coverage.undecided_reason); else w.null();
  w.key("curves_judged");
  w.integer(coverage.curves_judged);
  w.key("curves_undecided");
  w.integer(coverage.curves_undecided);
  w.end_object();
  w.end_object();

  w.key("violations");
  w.begin_array();
  for (const detect::Violation& v : detections_.violations) write_violation(w, v);
  w.end_array();
  w.key("events");
  w.begin_array();
  for (const detect::Violation& v : detections_.events) write_violation(w, v);
  w.end_array();

  if (config_.matched) {
    // One entry per run of traversals on the same way in the same direction and piece.
    const auto& ts = match_.traversals;
    find_piece_last_fix_times();
    w.key("matched");
    w.begin_array();
    std::size_t i = 0;
    while (i < ts.size()) {
      const map::EdgeRecord& e = map_->edge(ts[i].edge);
      std::size_t j = i + 1;
      while (j < ts.size() && ts[j].piece == ts[i].piece && ts[j].forward == ts[i].forward &&
             map_->edge(ts[j].edge).osm_way_id == e.osm_way_id) {
        ++j;
      }
      shape_.clear();
      for (std::size_t k = i; k < j; ++k) match::append_stretch(*map_, ts[k].edge, ts[k].forward, ts[k].from_m, ts[k].to_m, shape_);
      w.begin_object();
      w.key("osm_way_id");
      w.integer(e.osm_way_id);
      w.key("road_name");
      w.string(map_->edge_name(ts[i].edge));
      w.key("start_time");
      w.number(detector_.speeds().time_at_distance(ts[i].start_s_m), kTimeDecimals);
      // The path's end is reached at the first fix placed there; a car that then stands (at its
      // destination, before a receiver gap) is still on that way until the piece's last fix.
      double end_time = detector_.speeds().time_at_distance(ts[j - 1].end_s_m());
      if (j == ts.size() || ts[j].piece != ts[i].piece) end_time = std::max(end_time, piece_last_fix_s_[ts[i].piece]);
      w.key("end_time");
      w.number(end_time, kTimeDecimals);
      w.key("forward");
      w.boolean(ts[i].forward);
      w.key("segment");
      w.integer(ts[i].piece);
      w.key("coordinates");
      w.begin_array();
      map::Coord previous{};
      bool any = false;
      for (const map::Coord c : shape_) {
        if (any && c == previous) continue;  // stretches share their end points
        w.begin_array();
        w.number(c.lon(), kCoordDecimals);
        w.number(c.lat(), kCoordDecimals);
        w.end_array();
        previous = c;
        any = true;
      }
      w.end_array();
      w.end_object();
      i = j;
    }
    w.end_array();
  }
  w.end_object();
}

}  // namespace drivelog::capi
