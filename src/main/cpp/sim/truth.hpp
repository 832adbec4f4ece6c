// The ground truth of a drive: the route as OSM ways with times, and every violation that really
// happened in the simulated motion, judged with the detector's default thresholds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "map/map_view.hpp"
#include "sim/drive.hpp"
#include "sim/sim_config.hpp"
#include "sim/timed_rules.hpp"

namespace drivelog::sim {

// One evidence entry: a number, or text when `is_text`.
struct EvidenceField {
  std::string key;
  double number = 0;
  std::string text;
  bool is_text = false;
};

// A violation in the result format (docs/RESULT_FORMAT.md); times in seconds since the trip start.
struct TruthViolation {
  std::string type;
  double start_s = 0;
  double end_s = 0;
  double lat = 0;
  double lon = 0;
  std::vector<int64_t> osm_way_ids;
  std::string road_name;
  std::vector<EvidenceField> evidence;
};

// A stretch of the route on one OSM way (consecutive edges of the same way are merged).
struct TruthRouteEntry {
  int64_t osm_way_id = 0;
  std::string road_name;
  bool forward = true;
  double length_m = 0;
  double start_s = 0;
  double end_s = 0;
};

struct Truth {
  std::vector<TruthRouteEntry> route;
  std::vector<TruthViolation> violations;  // ordered by start time
  std::vector<TruthViolation> events;      // driving events (truth_events.hpp), ordered by start time
};

// `start_utc_s`: when the drive began (seconds since the epoch), for rules that depend on the time;
// `rules` judges them (a car's by default).
Truth derive_truth(const map::MapView& map, const Drive& drive, const TruthThresholds& thresholds,
                   double start_utc_s = 0, TimedRules* rules = nullptr);

}  // namespace drivelog::sim
