// Every knob of the drive simulator, grouped by concern, with units in the names.
// docs/SIMULATION.md explains the model behind each one; the defaults live here only.
#pragma once

#include <cstdint>
#include <string>

#include "detect/detect_config.hpp"

namespace drivelog::sim {

// How the routes are chosen.
struct RouteConfig {
  double min_length_m = 1500;          // route length drawn uniformly in [min, max]
  double max_length_m = 5000;
  double injection_radius_m = 2000;    // how far a leg searches for a wrong-way/closed/restricted spot
  uint32_t max_search_states = 200000; // bound on one shortest-path search (memory per trip)
  uint32_t max_attempts = 30;          // start edges tried before a trip is given up
  // Beyond the classic model (off by default):
  double minor_road_rate = 0;          // probability that a trip starts (and, apart, ends) on a service road, car-park aisle or track
  double uturn_rate = 0;               // probability per trip of a legal U-turn at a node (a junction or a dead end)
};

// How the simulated driver moves.
struct DriverConfig {
  double min_speed_factor = 0.85;      // cruising speed = limit x a per-trip factor in [min, max]
  double max_speed_factor = 0.97;
  double min_accel_mps2 = 1.2;         // per-trip acceleration limit drawn in [min, max]
  double max_accel_mps2 = 2.2;
  double min_brake_mps2 = 2.0;         // per-trip comfortable braking drawn in [min, max]
  double max_brake_mps2 = 3.2;
  double lateral_accel_mps2 = 2.5;     // cornering speed = sqrt(lateral accel x corner radius)
  double corner_radius_scale_m = 12;   // radius of a turn of angle a: scale / tan(a / 2)
  double min_corner_speed_mps = 2.0;   // speed for a U-turn-like corner
  double stop_line_offset_m = 1.5;     // a full stop happens this far before the stop node
  double min_stop_wait_s = 0.5;        // wait at a stop sign drawn in [min, max]
  double max_stop_wait_s = 3.0;
  double waits_per_km = 0.3;           // random waits (lights, congestion) per km driven
  double min_wait_s = 5;               // random wait drawn in [min, max]
  double max_wait_s = 40;
  // Beyond the classic model (off by default):
  double signal_red_rate = 0;          // probability per traffic signal passed that it is red ...
  double min_red_s = 5;                // ... for [min, max] seconds at the line,
  double max_red_s = 60;
  double max_queue_moves = 3;          // after creeping up a queue in up to this many short moves (stop and go)
  // Speed in curves from the route's curvature as the engine measures it (map/path_curvature.hpp):
  // at most sqrt(this x radius) everywhere; 0 keeps only the classic per-vertex bend speeds, which
  // take a curve drawn with many small bends much faster than its radius allows.
  double curve_lateral_accel_mps2 = 0;
};

// Driving events injected per trip (probabilities; all 0 by default, so old settings give the same
// files): a hard stop, a hard start, a junction corner taken fast, a curve taken too fast.
struct EventRates {
  double hard_stop = 0;
  double hard_acceleration = 0;
  double fast_corner = 0;
  double fast_curve = 0;
};

// How an injected event looks.
struct EventInjection {
  double min_brake_mps2 = 5.5, max_brake_mps2 = 7.5;     // a hard stop
  double min_accel_mps2 = 4.3, max_accel_mps2 = 5.3;     // a hard start
  double min_lateral_mps2 = 5.5, max_lateral_mps2 = 7.5; // a fast corner (on the engine's radius)
  double min_curve_factor = 1.35, max_curve_factor = 1.6; // a curve at this x its comfortable speed
  double min_corner_deg = 60;                            // corners this sharp at least
  double min_event_speed_kmh = 40;                       // hard stops and starts only where the road allows this
};

// How often each violation is injected. Map-based ones (wrong way, closed road, forbidden turn) and
// speeding: probability per trip; stop_sign: probability per stop sign passed.
struct ViolationRates {
  double speeding = 0.3;
  double stop_sign = 0.3;
  double wrong_way = 0.3;
  double no_entry = 0.3;
  double turn_restriction = 0.3;
  // A detour into a road closed, or one-way against the car, by a conditional restriction in force
  // then (docs/CONDITIONAL.md). Not part of --violation-rate: drawn from the extra stream only when
  // above 0, so older settings give the same files.
  double conditional = 0;
};

// How an injected violation looks.
struct InjectionConfig {
  double min_speeding_factor = 1.35;   // speeding target = limit x factor in [min, max] ...
  double max_speeding_factor = 1.6;
  double min_speeding_excess_kmh = 15; // ... and at least this much over the limit
  double speeding_stretch_m = 450;     // distance driven too fast
  double min_speeding_room_m = 250;    // only where at least this much road with known limits follows
  double min_rolling_speed_kmh = 12;   // speed when rolling through a stop, in [min, max]
  double max_rolling_speed_kmh = 25;
  double min_clear_speeding_s = 8;     // a speeding stretch is kept only if this long over the threshold
  double min_clear_rolling_kmh = 10;   // a rolling stop is kept only if the zone's minimum stays above this
  double min_wrong_way_length_m = 50;  // only one-way edges at least this long are driven backwards
  double min_separation_m = 0;         // only where no legal route stays this close beside the offending move (0: anywhere)
};

// Thresholds deciding what counts as a violation in the ground truth: the detector's defaults
// (src/main/cpp/detect/detect_config.hpp), applied to the exact simulated motion.
struct TruthThresholds {
  double speeding_tolerance_percent = 5;   // over limit x (1 + pct/100) ...
  double speeding_tolerance_kmh = 5;       // ... and over limit + kmh (the larger of the two)
  double speeding_min_duration_s = 5;
  double speeding_merge_gap_s = 2;         // dips below the threshold this short do not end an episode
  double stop_threshold_kmh = 5;           // a stop is violated if the speed stays above this ...
  double stop_zone_m = 30;                 // ... everywhere in this zone before the stop line
  double turn_window_m = 10;               // a turn violation spans this far either side of the node
  // Driving events: the engine's car defaults (detect_config.hpp, EventsConfig), on the exact motion.
  double braking_mps2 = 3.7;
  double acceleration_mps2 = 3.6;
  double cornering_mps2 = 3.7;
  double event_min_duration_s = 1;
  double curve_comfort_mps2 = 2.5;
  double curve_tolerance_percent = 10;
  double curve_tolerance_kmh = 5;
};

// What the GPS receiver reports.
struct GpsConfig {
  double hz = 1;                       // samples per second
  double noise_m = 5;                  // standard deviation of the position error per axis (north, east)
  double noise_correlation_s = 0;      // time constant of the error (first-order Gauss-Markov); 0 = white
  double speed_noise_mps = 0.3;        // standard deviation of the reported speed
  double heading_noise_deg = 3;        // standard deviation of the reported heading
  double outlier_rate = 0.005;         // probability per sample of a gross error ...
  double min_outlier_m = 50;           // ... of a size drawn in [min, max]
  double max_outlier_m = 200;
  double dropout_rate = 0.002;         // probability per sample that a gap starts ...
  double min_dropout_s = 5;            // ... lasting [min, max] seconds
  double max_dropout_s = 30;
  // Beyond the classic model (every one off by default, so old settings give the same files):
  double jitter_m = 0;                 // white noise per axis on top of the (correlated) error
  double canyon_m = 0;                 // urban canyon: extra error across the road, scaled by street density
  double canyon_correlation_s = 60;    // time constant of the canyon error
  double long_gap_rate = 0;            // probability per trip of one long gap (a car park, a garage) ...
  double min_long_gap_s = 60;          // ... lasting [min, max] seconds
  double max_long_gap_s = 600;
  bool tunnel_gaps = false;            // no fixes while the car is in a tunnel
  bool report_speed = true;            // columns of the log; false leaves them empty
  bool report_heading = true;
  bool report_accuracy = true;
};

struct SimConfig {
  uint64_t seed = 1;
  int64_t start_time_ms = 1795248000000;  // 2026-11-21T08:00:00Z; trip k starts k - 1 hours later
  // The vehicle driven: conditional restrictions are judged for it as the engine judges them for
  // the same `analysis.vehicle_class` (detect::vehicle_profile).
  detect::VehicleClass vehicle_class = detect::VehicleClass::car;
  uint8_t vehicle_type = detect::DetectConfig::kClassOwnType;  // as DetectConfig::vehicle_type
  double vehicle_trailers = 0;  // trailers towed, as analysis.vehicle.trailers (`80 @ (trailer)`)
  RouteConfig route;
  DriverConfig driver;
  ViolationRates rates;
  InjectionConfig injection;
  EventRates event_rates;
  EventInjection event_injection;
  TruthThresholds truth;
  GpsConfig gps;
};

}  // namespace drivelog::sim
