#include "sim/simulator.hpp"

#include <cstdio>

#include "detect/detector.hpp"
#include "detect/vehicle_types.hpp"
#include "sim/random.hpp"
#include "sim/route_plan.hpp"
#include "sim/trip_files.hpp"

namespace drivelog::sim {

namespace {
// Seeds the streams of the options added after the classic model, so that those options draw
// nothing from the classic streams and the classic settings keep giving the same files.
constexpr uint64_t kExtraStreams = 0x4558545241ULL;
}  // namespace

legal::VehicleProfile simulated_vehicle(const SimConfig& config) {
  detect::DetectConfig vehicle;
  vehicle.vehicle_class = config.vehicle_class;
  vehicle.vehicle_type = config.vehicle_type;
  vehicle.vehicle_trailers = config.vehicle_trailers;
  return detect::vehicle_profile(vehicle);
}

std::optional<SimulatedTrip> simulate_trip(const map::MapView& map, const SimConfig& config, uint32_t k) {
  // Separate streams for route, driver and receiver: changing the GPS settings keeps the drive.
  Rng route_rng = Rng::stream(config.seed, uint64_t{k} * 3);
  Rng driver_rng = Rng::stream(config.seed, uint64_t{k} * 3 + 1);
  Rng gps_rng = Rng::stream(config.seed, uint64_t{k} * 3 + 2);
  Rng route_extra_rng = Rng::stream(config.seed ^ kExtraStreams, uint64_t{k} * 3);
  Rng driver_extra_rng = Rng::stream(config.seed ^ kExtraStreams, uint64_t{k} * 3 + 1);
  Rng gps_extra_rng = Rng::stream(config.seed ^ kExtraStreams, uint64_t{k} * 3 + 2);
  const int64_t start_ms = config.start_time_ms + int64_t{k - 1} * 3600000;
  const double start_utc_s = static_cast<double>(start_ms) / 1000.0;
  // Conditional restrictions are judged for the configured vehicle, as the engine judges them.
  TimedRules rules(map, simulated_vehicle(config));
  const PlanningClock clock(rules, start_utc_s);
  auto plan = plan_route(map, config, route_rng, route_extra_rng, &clock);
  if (!plan) return std::nullopt;
  char id[32];
  std::snprintf(id, sizeof id, "sim-%06u", k);
  // Limits that changed in law are those of the trip's local start date (a trip is an hour or two).
  const int32_t local_day = plan->edges.empty() ? INT32_MIN : local_day_at(map, plan->edges.front(), start_ms);
  // The simulated vehicle's limits, as the engine's (its class limit, the law's conditional limits).
  std::vector<double> step_limits = rules.limits_kmh(plan->edges, start_utc_s);
  Drive drive = plan_drive(map, config, std::move(plan->edges), driver_rng, driver_extra_rng, local_day, std::move(step_limits));
  Truth truth = derive_truth(map, drive, config.truth, start_utc_s, &rules);
  auto fixes = sample_gps(map, drive, config.gps, gps_rng, gps_extra_rng);
  return SimulatedTrip{id, start_ms, std::move(drive), std::move(truth), std::move(fixes), plan->uturns};
}

void write_trip(const std::filesystem::path& dir, const SimConfig& config, const SimulatedTrip& trip) {
  write_log_csv(dir / (trip.trip_id + ".csv"), trip.start_ms, trip.fixes,
                LogColumns{config.gps.report_speed, config.gps.report_heading, config.gps.report_accuracy});
  write_truth_json(dir / (trip.trip_id + ".truth.json"),
                   TruthHeader{trip.trip_id, trip.start_ms, config.seed, config.gps.hz, config.gps.noise_m}, trip.truth,
                   receiver_gaps(trip.fixes, config.gps.hz), trip.fixes);
}

}  // namespace drivelog::sim
