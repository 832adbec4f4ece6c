// Thresholds of the violation rules (config keys `analysis.<rule>.*`); defaults in one place.
#pragma once

#include <cstdint>

namespace drivelog::detect {

// Speeding graded by how far over the limit the car went, in km/h AND in percent of the limit, held
// for at least severity_min_duration_s (docs/CONFIGURATION.md: the bands and why). Below the
// moderate band an episode is light.
struct SpeedingSeverityConfig {
  double moderate_kmh = 10, moderate_percent = 10;
  double heavy_kmh = 20, heavy_percent = 25;
  double severe_kmh = 30, severe_percent = 40;
  double min_duration_s = 5;  // the excess graded is the highest one held this long
};

struct SpeedingConfig {
  bool enabled = true;
  double tolerance_kmh = 5;      // the allowance is the larger of tolerance_kmh and
  double tolerance_percent = 5;  //   tolerance_percent of the limit (set one to 0 to use the other)
  double min_duration_s = 5;     // shorter excursions over the allowance are not reported
  double smoothing_s = 3;        // centred moving average of speed over this window
  double merge_gap_s = 2;        // dips below the allowance this short do not end an episode
  // Speeds derived from positions (a log without speeds): an episode counts only if the path
  // distance between its first and last fix, less this, still exceeds the allowance over their time.
  double derived_distance_margin_m = 14;
  SpeedingSeverityConfig severity;
};

struct StopSignConfig {
  bool enabled = true;
  double threshold_kmh = 5;  // stopping means the speed dropped to this or below
  double zone_m = 30;        // ... within this distance before the stop line
  double after_m = 15;       // ... or this far past it (GPS noise puts standing fixes past the line)
  double max_gap_s = 4;      // fixes around the line further apart than this: undecided
  double stop_decel_mps2 = 2.5;  // braking/pulling away assumed between fixes around a slowest fix
  // Fixes around the zone further apart than max_gap_s (logs every 5-12 s): with trusted reported
  // speeds at both ends of every such gap, the passage is a violation where the fixes prove the car
  // never slowed to threshold_kmh anywhere in the zone (detect/curve_speed_bound.hpp), assuming
  // only the rates below; else undecided. Without trusted speeds such passages stay undecided.
  double sparse_max_gap_s = 12;        // ... a gap longer than this proves nothing (<= max_gap_s: off)
  double sparse_min_speed_kmh = 10;    // ... a violation only where the proven least speed is at least this
  double sparse_brake_mps2 = 6;        // ... braking at most (harder than a firm stop; simulated drivers 2-3.2)
  double sparse_accel_mps2 = 4;        // ... pulling away at most (simulated drivers 1.2-2.2)
  double sparse_placement_m = 5;       // ... how far off along the path a fix may be placed
  double sparse_speed_margin_kmh = 3.6;  // ... how far off a reported speed may be
  double sparse_peak_over_fixes_kmh = 10;  // ... between two fixes at most this faster than the faster (an assumption)
  bool sparse_one_fix_may_lie = false;   // ... the bound must survive dropping any one fix
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
// max_unseen_s apart (0 turns that check off). Nor, for a wrong-way run, one that most of the
// fixes on it whose heading is trusted (at 3 m/s or more) contradict: pointing more than
// max_heading_off_deg away from the path's direction there (0 turns that check off).
struct PathCheckConfig {
  double max_speed_factor = 1.5;
  double speed_margin_kmh = 15;
  double max_unseen_s = 10;
  double max_heading_off_deg = 60;
};

// The vehicle the trip is analysed for: the event thresholds and the conditional restrictions
// vehicle (an OSM access key: car -> motorcar).
enum class VehicleClass : uint8_t { car, hgv, bus, motorcycle };
inline constexpr int kVehicleClasses = 4;
const char* vehicle_class_name(VehicleClass c);  // car, hgv, bus, motorcycle
const char* vehicle_access_key(VehicleClass c);  // motorcar, hgv, bus, motorcycle

// Driving-event thresholds of one vehicle class, m/s^2 (docs/CONFIGURATION.md: defaults and sources).
struct EventThresholds {
  double braking_mps2 = 3.7;       // harsh_braking: deceleration at least this
  double acceleration_mps2 = 3.6;  // harsh_acceleration
  double cornering_mps2 = 3.7;     // harsh_cornering: lateral acceleration v^2 x curvature
  double curve_comfort_mps2 = 2.5; // curve_overspeed: a curve's comfortable speed is sqrt(this x radius)
};

// Driving events: findings about how the car was driven, never legal violations.
struct EventsConfig {
  bool enabled = true;
  EventThresholds thresholds[kVehicleClasses] = {
      {3.7, 3.6, 3.7, 2.5},  // car
      {2.9, 2.0, 2.5, 1.5},  // hgv
      {2.9, 2.0, 2.5, 1.5},  // bus
      {3.7, 3.6, 4.5, 2.5},  // motorcycle
  };
  double min_duration_s = 1;        // braking, acceleration, cornering: over the threshold this long
  double accel_window_s = 2;        // acceleration: the speed change across this window (centred)
  double max_fix_interval_s = 2.5;  // fixes further apart: braking/acceleration/cornering undecided
  // Cornering and curves take the speed between two fixes from the speeds either side. Between
  // fixes t apart a car may have braked into a corner (at b) and sped up out of it (at a) unseen, as
  // slow as t x ab / (a + b) under them: 1.2-1.3 m/s per second at a driver's usual 3 and 2 m/s^2
  // (the simulator's drivers: up to 3.2 and 2.2). A one-second pair's share is what a curve's 5 km/h
  // tolerance allows; for each second beyond it the speed between the fixes is taken this much
  // lower. Measured (docs/BENCHMARKS.md "Driving events as fixes thin out"): at 0.5 Hz the plain
  // interpolation made 270 false curve findings per 1,000 km of legal simulated Tokyo drives.
  double unseen_slowing_mps_per_s = 1.3;
  double cornering_placement_m = 5;  // cornering: the lowest speed within this much path either side
  double cornering_heading_share = 0.8;  // ... and the reported headings' turn at least this x the threshold (0: off)
  double curve_tolerance_percent = 10;  // curve_overspeed: over the comfortable speed by more than
  double curve_tolerance_kmh = 5;       //   both of these
  double curve_max_fix_gap_s = 12;  // the fixes around a curve further apart: its speed is unknown
  // Judge curves without trusted reported speeds at fixes close in time (0.2 Hz, no speeds) from a
  // proven lower bound on the core speed (detect/curve_speed_bound.hpp); where it does not reach the
  // allowed speed the curve stays undecided.
  bool curve_without_dense_speeds = false;
  double curve_speed_change_mps2 = 0;  // ... the braking/acceleration the bound assumes at most (0: the class's harsh thresholds)
  double curve_placement_m = 15;       // ... how far off along the path a fix may be placed (3 x a 5 m sigma)
  double curve_max_radius_m = 300;  // what counts as a curve (map/path_curvature.hpp, CurveShape)
  double curve_min_radius_m = 20;
  double curve_min_turn_deg = 20;
  // Severity of an event: its measured acceleration over the threshold (for a curve, (speed over
  // the allowed speed)^2, the lateral acceleration's ratio) at least these ratios.
  double moderate_ratio = 1.25;
  double heavy_ratio = 1.5;
  double severe_ratio = 2;
};

struct DetectConfig {
  VehicleClass vehicle_class = VehicleClass::car;
  // A vehicle type of vehicle_types() (detect/vehicle_types.hpp) by index, whose class vehicle_class
  // then is; kClassOwnType: the class's own (set the class alone).
  static constexpr uint8_t kClassOwnType = 0xFF;
  uint8_t vehicle_type = kClassOwnType;
  // What the type does not say about the vehicle, for conditions such as `80 @ (trailer)`
  // (legal::VehicleProfile): trailers towed, their permitted mass, a tractor and semi-trailer or an
  // articulated bus, and seats (0: the type's typical number).
  double vehicle_trailers = 0;
  double vehicle_trailer_weight_t = 0;
  bool vehicle_articulated = false;
  double vehicle_seats = 0;
  EventsConfig events;
  SpeedingConfig speeding;
  StopSignConfig stop_sign;
  WrongWayConfig wrong_way;
  NoEntryConfig no_entry;
  TurnRestrictionConfig turn_restriction;
  PathCheckConfig path_check;
};

}  // namespace drivelog::detect
