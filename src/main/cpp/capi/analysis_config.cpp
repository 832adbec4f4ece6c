#include "capi/analysis_config.hpp"

#include <charconv>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "detect/vehicle_types.hpp"

namespace drivelog::capi {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string shortest(double v) {
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, result.ptr);
}

// One accepted key: how to parse its value into the config.
struct Field {
  std::string_view key;
  // Returns an empty string when the value was applied, else what is wrong with it.
  std::function<std::string(std::string_view)> apply;
  // The current value as text that apply() accepts.
  std::function<std::string()> show;
};

Field number(std::string_view key, double& target, double min, double max) {
  return {key, [&target, min, max](std::string_view value) -> std::string {
            double v = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (ec != std::errc{} || end != value.data() + value.size() || !std::isfinite(v)) {
              return "is not a number";
            }
            if (v < min || v > max) {
              return "must be between " + shortest(min) + " and " + shortest(max);
            }
            target = v;
            return {};
          },
          [&target] { return shortest(target); }};
}

template <typename Int>
Field integer(std::string_view key, Int& target, uint64_t min, uint64_t max) {
  return {key, [&target, min, max](std::string_view value) -> std::string {
            uint64_t v = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (ec != std::errc{} || end != value.data() + value.size()) return "is not a whole number";
            if (v < min || v > max) return "must be between " + std::to_string(min) + " and " + std::to_string(max);
            target = static_cast<Int>(v);
            return {};
          },
          [&target] { return std::to_string(target); }};
}

Field boolean(std::string_view key, bool& target) {
  return {key, [&target](std::string_view value) -> std::string {
            if (value == "true" || value == "yes" || value == "1") {
              target = true;
            } else if (value == "false" || value == "no" || value == "0") {
              target = false;
            } else {
              return "must be true or false";
            }
            return {};
          },
          [&target] { return std::string(target ? "true" : "false"); }};
}

// A vehicle class or type (detect/vehicle_types.hpp): sets the type and its class.
Field vehicle_class(std::string_view key, detect::DetectConfig& target) {
  return {key, [&target](std::string_view value) -> std::string {
            const detect::VehicleType* type = detect::find_vehicle_type(value);
            if (type == nullptr) return "must be one of " + detect::vehicle_type_names();
            target.vehicle_type = static_cast<uint8_t>(type - detect::vehicle_types().data());
            target.vehicle_class = type->vehicle_class;
            return {};
          },
          [&target] { return std::string(detect::configured_vehicle_type(target.vehicle_class, target.vehicle_type).name); }};
}

// Keys live as long as the fields: the per-class ones are built once.
const std::vector<std::string>& class_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (int i = 0; i < detect::kVehicleClasses; ++i) {
      const std::string prefix = std::string("events.") + detect::vehicle_class_name(static_cast<detect::VehicleClass>(i));
      for (const char* name : {".braking_mps2", ".acceleration_mps2", ".cornering_mps2", ".curve_comfort_mps2"}) {
        k.push_back(prefix + name);
      }
    }
    return k;
  }();
  return keys;
}

std::vector<Field> event_fields(detect::EventsConfig& e) {
  std::vector<Field> f = {
      boolean("events.enabled", e.enabled),
      number("events.min_duration_s", e.min_duration_s, 0, 60),
      number("events.accel_window_s", e.accel_window_s, 0.2, 30),
      number("events.max_fix_interval_s", e.max_fix_interval_s, 0.1, 60),
      number("events.unseen_slowing_mps_per_s", e.unseen_slowing_mps_per_s, 0, 20),
      number("events.cornering_placement_m", e.cornering_placement_m, 0, 50),
      number("events.cornering_heading_share", e.cornering_heading_share, 0, 10),
      number("events.curve_tolerance_percent", e.curve_tolerance_percent, 0, 200),
      number("events.curve_tolerance_kmh", e.curve_tolerance_kmh, 0, 200),
      number("events.curve_max_fix_gap_s", e.curve_max_fix_gap_s, 0.1, 600),
      boolean("events.curve_without_dense_speeds", e.curve_without_dense_speeds),
      number("events.curve_speed_change_mps2", e.curve_speed_change_mps2, 0, 20),
      number("events.curve_placement_m", e.curve_placement_m, 0, 200),
      number("events.curve_max_radius_m", e.curve_max_radius_m, 1, 10000),
      number("events.curve_min_radius_m", e.curve_min_radius_m, 0, 10000),
      number("events.curve_min_turn_deg", e.curve_min_turn_deg, 0, 360),
      number("events.severity.moderate_ratio", e.moderate_ratio, 1, 100),
      number("events.severity.heavy_ratio", e.heavy_ratio, 1, 100),
      number("events.severity.severe_ratio", e.severe_ratio, 1, 100),
  };
  const auto& keys = class_keys();
  for (int i = 0; i < detect::kVehicleClasses; ++i) {
    detect::EventThresholds& t = e.thresholds[i];
    const std::size_t k = static_cast<std::size_t>(i) * 4;
    f.push_back(number(keys[k], t.braking_mps2, 0.1, 50));
    f.push_back(number(keys[k + 1], t.acceleration_mps2, 0.1, 50));
    f.push_back(number(keys[k + 2], t.cornering_mps2, 0.1, 50));
    f.push_back(number(keys[k + 3], t.curve_comfort_mps2, 0.1, 50));
  }
  return f;
}

std::vector<Field> fields(AnalysisConfig& c) {
  match::MatchConfig& m = c.matching;
  detect::DetectConfig& d = c.detect;
  std::vector<Field> all = {
      boolean("matched", c.matched),
      integer("max_points", c.max_points, 1, 1'000'000'000),
      number("matching.search_radius_m", m.search_radius_m, 1, 1000),
      integer("matching.max_candidates", m.max_candidates, 1, 64),
      number("matching.candidate_margin_sigmas", m.candidate_margin_sigmas, 0.5, 100),
      number("matching.correlated_margin_sigmas", m.correlated_margin_sigmas, 0, 100),
      number("matching.sigma_m", m.sigma_m, 0.1, 500),
      boolean("matching.use_reported_accuracy", m.use_reported_accuracy),
      number("matching.min_sigma_m", m.min_sigma_m, 0.1, 500),
      number("matching.max_sigma_m", m.max_sigma_m, 0.1, 1000),
      number("matching.beta_m", m.beta_m, 0.1, 1000),
      number("matching.heading_sigma_deg", m.heading_sigma_deg, 1, 1000),
      number("matching.error_correlation_s", m.error_correlation_s, 0, 3600),
      number("matching.error_jump_log", m.error_jump_log, 0, 100),
      number("matching.heading_min_speed_mps", m.heading_min_speed_mps, 0, 100),
      number("matching.max_speed_kmh", m.max_speed_kmh, 10, 1000),
      number("matching.max_detour_m", m.max_detour_m, 0, 100000),
      number("matching.reported_speed_factor", m.reported_speed_factor, 1, 100),
      number("matching.stationary_speed_mps", m.stationary_speed_mps, 0, 50),
      number("matching.wrong_way_penalty_m", m.wrong_way_penalty_m, 0, 10000),
      number("matching.closed_penalty_m", m.closed_penalty_m, 0, 10000),
      number("matching.wrong_way_prior_per_m", m.wrong_way_prior_per_m, 0, 100),
      number("matching.wrong_way_min_speed_mps", m.wrong_way_min_speed_mps, 0, 100),
      number("matching.closed_prior_per_m", m.closed_prior_per_m, 0, 100),
      number("matching.minor_road_prior_per_m", m.minor_road_prior_per_m, 0, 100),
      number("matching.over_limit_prior_per_m", m.over_limit_prior_per_m, 0, 100),
      number("matching.over_limit_factor", m.over_limit_factor, 1, 100),
      number("matching.uturn_penalty_m", m.uturn_penalty_m, 0, 10000),
      number("matching.uturn_seen_penalty_m", m.uturn_seen_penalty_m, 0, 10000),
      number("matching.uturn_radius_m", m.uturn_radius_m, 1, 100),
      number("matching.restricted_turn_penalty_m", m.restricted_turn_penalty_m, 0, 10000),
      number("matching.stop_run_penalty_m", m.stop_run_penalty_m, 0, 10000),
      number("matching.max_lateral_accel_mps2", m.max_lateral_accel_mps2, 0, 100),
      number("matching.turn_radius_m", m.turn_radius_m, 1, 1000),
      number("matching.beta_per_sigma", m.beta_per_sigma, 0, 100),
      boolean("matching.smooth_along_path", m.smooth_along_path),
      number("matching.backward_tolerance_m", m.backward_tolerance_m, 0, 1000),
      number("matching.stationary_radius_m", m.stationary_radius_m, 0, 1000),
      number("matching.break_gap_s", m.break_gap_s, 1, 86400),
      number("matching.break_distance_m", m.break_distance_m, 10, 1e6),
      integer("matching.max_outliers", m.max_outliers, 0, 1000),
      number("matching.outlier_log", m.outlier_log, 0, 1e9),
      number("matching.beam_width_log", m.beam_width_log, 0, 1e9),
      boolean("speeding.enabled", d.speeding.enabled),
      number("speeding.tolerance_kmh", d.speeding.tolerance_kmh, 0, 200),
      number("speeding.tolerance_percent", d.speeding.tolerance_percent, 0, 200),
      number("speeding.min_duration_s", d.speeding.min_duration_s, 0, 3600),
      number("speeding.smoothing_s", d.speeding.smoothing_s, 0, 600),
      number("speeding.derived_distance_margin_m", d.speeding.derived_distance_margin_m, 0, 1000),
      number("speeding.merge_gap_s", d.speeding.merge_gap_s, 0, 600),
      number("speeding.severity.moderate_kmh", d.speeding.severity.moderate_kmh, 0, 500),
      number("speeding.severity.moderate_percent", d.speeding.severity.moderate_percent, 0, 1000),
      number("speeding.severity.heavy_kmh", d.speeding.severity.heavy_kmh, 0, 500),
      number("speeding.severity.heavy_percent", d.speeding.severity.heavy_percent, 0, 1000),
      number("speeding.severity.severe_kmh", d.speeding.severity.severe_kmh, 0, 500),
      number("speeding.severity.severe_percent", d.speeding.severity.severe_percent, 0, 1000),
      number("speeding.severity.min_duration_s", d.speeding.severity.min_duration_s, 0, 3600),
      boolean("stop_sign.enabled", d.stop_sign.enabled),
      number("stop_sign.threshold_kmh", d.stop_sign.threshold_kmh, 0, 100),
      number("stop_sign.zone_m", d.stop_sign.zone_m, 1, 500),
      number("stop_sign.after_m", d.stop_sign.after_m, 0, 100),
      number("stop_sign.max_gap_s", d.stop_sign.max_gap_s, 0.1, 600),
      number("stop_sign.stop_decel_mps2", d.stop_sign.stop_decel_mps2, 0, 20),
      number("stop_sign.sparse_max_gap_s", d.stop_sign.sparse_max_gap_s, 0, 600),
      number("stop_sign.sparse_min_speed_kmh", d.stop_sign.sparse_min_speed_kmh, 0, 200),
      number("stop_sign.sparse_brake_mps2", d.stop_sign.sparse_brake_mps2, 0.1, 20),
      number("stop_sign.sparse_accel_mps2", d.stop_sign.sparse_accel_mps2, 0.1, 20),
      number("stop_sign.sparse_placement_m", d.stop_sign.sparse_placement_m, 0, 100),
      number("stop_sign.sparse_speed_margin_kmh", d.stop_sign.sparse_speed_margin_kmh, 0, 100),
      number("stop_sign.sparse_peak_over_fixes_kmh", d.stop_sign.sparse_peak_over_fixes_kmh, 0, 1000),
      boolean("stop_sign.sparse_one_fix_may_lie", d.stop_sign.sparse_one_fix_may_lie),
      boolean("wrong_way.enabled", d.wrong_way.enabled),
      number("wrong_way.min_distance_m", d.wrong_way.min_distance_m, 0, 100000),
      boolean("no_entry.enabled", d.no_entry.enabled),
      number("no_entry.min_distance_m", d.no_entry.min_distance_m, 0, 100000),
      boolean("turn_restriction.enabled", d.turn_restriction.enabled),
      number("turn_restriction.min_exit_m", d.turn_restriction.min_exit_m, 0, 10000),
      number("path_check.max_speed_factor", d.path_check.max_speed_factor, 0, 100),
      number("path_check.speed_margin_kmh", d.path_check.speed_margin_kmh, 0, 1000),
      number("path_check.max_unseen_s", d.path_check.max_unseen_s, 0, 86400),
      number("path_check.max_heading_off_deg", d.path_check.max_heading_off_deg, 0, 180),
      number("quality.low_accuracy_m", c.quality.low_accuracy_m, 0, 1e6),
      number("quality.gap_s", c.quality.gap_s, 0, 86400),
      number("quality.low_accuracy_flag_fraction", c.quality.low_accuracy_flag_fraction, 0, 1),
      number("quality.unmatched_flag_fraction", c.quality.unmatched_flag_fraction, 0, 1),
      vehicle_class("vehicle_class", d),
      number("vehicle.trailers", d.vehicle_trailers, 0, 9),
      number("vehicle.trailer_weight_t", d.vehicle_trailer_weight_t, 0, 200),
      boolean("vehicle.articulated", d.vehicle_articulated),
      number("vehicle.seats", d.vehicle_seats, 0, 500),
  };
  for (Field& f : event_fields(d.events)) all.push_back(std::move(f));
  return all;
}

}  // namespace

std::string describe_analysis_config(const AnalysisConfig& config) {
  AnalysisConfig copy = config;
  std::string out;
  for (const Field& f : fields(copy)) out += std::string(f.key) + "=" + f.show() + "\n";
  return out;
}

std::string parse_analysis_config(std::string_view text, AnalysisConfig& out) {
  AnalysisConfig parsed = out;
  const std::vector<Field> known = fields(parsed);
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::string_view line = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::size_t eq = line.find('=');
    const std::string where = "config line " + std::to_string(line_number);
    if (eq == std::string_view::npos) return where + ": expected key=value, got '" + std::string(line) + "'";
    std::string_view key = trim(line.substr(0, eq));
    if (key.starts_with("analysis.")) key.remove_prefix(9);  // the YAML path is accepted too
    const std::string_view value = trim(line.substr(eq + 1));
    bool found = false;
    for (const Field& f : known) {
      if (f.key != key) continue;
      found = true;
      const std::string problem = f.apply(value);
      if (!problem.empty()) {
        return where + ": analysis." + std::string(key) + " = '" + std::string(value) + "' " + problem;
      }
      break;
    }
    if (!found) return where + ": unknown key analysis." + std::string(key);
  }
  if (parsed.matching.min_sigma_m > parsed.matching.max_sigma_m) {
    return "analysis.matching.min_sigma_m must not exceed analysis.matching.max_sigma_m";
  }
  const detect::EventsConfig& e = parsed.detect.events;
  if (e.moderate_ratio > e.heavy_ratio || e.heavy_ratio > e.severe_ratio) {
    return "analysis.events.severity: moderate_ratio <= heavy_ratio <= severe_ratio is required";
  }
  if (e.curve_min_radius_m > e.curve_max_radius_m) {
    return "analysis.events.curve_min_radius_m must not exceed analysis.events.curve_max_radius_m";
  }
  out = parsed;
  return {};
}

}  // namespace drivelog::capi
