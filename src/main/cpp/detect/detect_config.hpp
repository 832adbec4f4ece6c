// Thresholds of the violation rules (config keys `analysis.<rule>.*`); defaults in one place.
#pragma once

namespace drivelog::detect {

struct SpeedingConfig {
  bool enabled = true;
  double tolerance_kmh = 5;      // the allowance is the larger of tolerance_kmh and
  double tolerance_percent = 5;  //   tolerance_percent of the limit (set one to 0 to use the other)
  double min_duration_s = 5;     // shorter excursions over the allowance are not reported
  double smoothing_s = 3;        // centred moving average of speed over this window
  double merge_gap_s = 2;        // dips below the allowance this short do not end an episode
};

struct StopSignConfig {
  bool enabled = true;
  double threshold_kmh = 5;  // stopping means the speed dropped to this or below
  double zone_m = 30;        // ... within this distance before the stop line
  double after_m = 15;       // ... or this far past it (GPS noise puts standing fixes past the line)
  double max_gap_s = 4;      // fixes around the line further apart than this: undecided
  double stop_decel_mps2 = 2.5;  // braking/pulling away assumed between fixes around a slowest fix
};

struct WrongWayConfig {
  bool enabled = true;
  double min_distance_m = 20;  // against a one-way road for at least this distance
};

struct NoEntryConfig {
  bool enabled = true;
  double min_distance_m = 15;  // into a closed road for at least this distance
};

struct TurnRestrictionConfig {
  bool enabled = true;
  double min_exit_m = 15;  // the path must continue this far past the via node
};

// Wrong-way runs and closed-road entries are map findings about the matched path;
// a path the receiver's own speeds rule out (faster than factor x the fastest reported speed
// around it + margin) is matching noise, not a finding. max_speed_factor 0 turns the check off.
// Nor is a stretch the receiver did not see: no fix on it and the fixes either side more than
// max_unseen_s apart (0 turns that check off).
struct PathCheckConfig {
  double max_speed_factor = 1.5;
  double speed_margin_kmh = 15;
  double max_unseen_s = 10;
};

struct DetectConfig {
  SpeedingConfig speeding;
  StopSignConfig stop_sign;
  WrongWayConfig wrong_way;
  NoEntryConfig no_entry;
  TurnRestrictionConfig turn_restriction;
  PathCheckConfig path_check;
};

}  // namespace drivelog::detect
