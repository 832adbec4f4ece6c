// The analyzer configuration: every `analysis.*` key of config/drivelog.yaml, parsed from the
// `key=value` lines the C ABI receives.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "detect/detect_config.hpp"
#include "match/match_config.hpp"

namespace drivelog::capi {

// Thresholds of the trip summary's data-quality section (keys `analysis.quality.*`).
struct QualityConfig {
  double low_accuracy_m = 30;             // a fix reporting a worse accuracy counts as low-accuracy
  double gap_s = 10;                      // a time between fixes above this counts as a gap
  double low_accuracy_flag_fraction = 0.05;  // flag "low_accuracy" when more fixes than this are
  double unmatched_flag_fraction = 0.1;      // flag "unmatched" when more fixes than this are not matched
};

struct AnalysisConfig {
  match::MatchConfig matching;
  detect::DetectConfig detect;
  QualityConfig quality;
  bool matched = false;              // include the matched path in the result (`matched` key)
  std::size_t max_points = 100'000'000;  // a trip with more points is refused (bad input)
};

// Applies `key=value` lines (blank lines and lines starting with '#' are ignored) over the
// defaults in `out`. Returns an empty string on success, else a message naming the line and key.
std::string parse_analysis_config(std::string_view text, AnalysisConfig& out);

// Every key with its value, one `key=value` line each, in a fixed order (parses back to `config`).
std::string describe_analysis_config(const AnalysisConfig& config);

}  // namespace drivelog::capi
