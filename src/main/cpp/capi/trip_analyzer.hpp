// One trip in, one result JSON out: cleaning, matching, detection, summary. The engine behind
// drivelog_analyze, with every buffer reused between trips.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "capi/analysis_config.hpp"
#include "detect/detector.hpp"
#include "detect/trip_closures.hpp"
#include "map/map_view.hpp"
#include "match/matcher.hpp"
#include "match/trace_cleaning.hpp"

namespace drivelog::capi {

// The trip cannot be analysed as given (e.g. more points than `max_points`); retrying is useless.
class InputRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Not thread safe: one per thread. The map must outlive it.
class TripAnalyzer {
 public:
  TripAnalyzer(const map::MapView& map, const AnalysisConfig& config);
  // The matcher keeps a pointer to closures_: not to be copied or moved.
  TripAnalyzer(const TripAnalyzer&) = delete;
  TripAnalyzer& operator=(const TripAnalyzer&) = delete;

  // Returns the trip result (docs/RESULT_FORMAT.md); the text stays valid until the next call.
  const std::string& analyze(std::string_view trip_id, const match::TraceColumns& columns);

 private:
  void write_result(std::string_view trip_id, const match::CleaningReport& cleaning);
  // The time of each matched piece's last matched fix, into piece_last_fix_s_.
  void find_piece_last_fix_times();

  const map::MapView* map_;
  AnalysisConfig config_;
  match::Matcher matcher_;
  detect::Detector detector_;
  detect::ConditionalTripClosures closures_;  // the matcher's view of roads closed only at times
  std::vector<match::TracePoint> trace_;
  match::MatchResult match_;
  detect::Detections detections_;
  std::vector<map::Coord> shape_;
  std::vector<double> piece_last_fix_s_;
  std::string result_;
};

}  // namespace drivelog::capi
