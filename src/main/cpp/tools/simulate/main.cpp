// drivelog-simulate: drives random trips on a map and writes per trip a GPS log (<trip>.csv) and
// its ground truth (<trip>.truth.json). Every option is described in docs/SIMULATION.md.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <string_view>

#include "detect/vehicle_types.hpp"
#include "map/map_view.hpp"
#include "sim/sim_config.hpp"
#include "sim/simulator.hpp"
#include "sim/trip_files.hpp"

namespace {

using drivelog::sim::SimConfig;

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr const char* kUsage =
    "usage: drivelog-simulate --map MAP --out DIR [--trips N] [--seed S] [--hz H] [--noise-m SIGMA]\n"
    "         [--violation-rate P] [--speeding-rate P] [--stop-sign-rate P] [--wrong-way-rate P]\n"
    "         [--no-entry-rate P] [--turn-restriction-rate P] [--conditional-rate P] [--vehicle-class car|hgv|bus|motorcycle] [--trailers N]\n"
    "         [--outlier-rate P] [--dropout-rate P]\n"
    "         [--noise-correlation-s T] [--speed-noise-mps S] [--min-length-m M] [--max-length-m M]\n"
    "         [--waits-per-km W] [--start-time-ms MS] [--profile classic|realistic]\n"
    "         [--jitter-m M] [--canyon-m M] [--canyon-correlation-s T] [--long-gap-rate P] [--tunnel-gaps yes|no]\n"
    "         [--report-speed yes|no] [--report-heading yes|no] [--report-accuracy yes|no]\n"
    "         [--minor-road-rate P] [--uturn-rate P] [--signal-red-rate P] [--min-separation-m M]\n"
    "         [--event-rate P] [--hard-stop-rate P] [--hard-acceleration-rate P] [--fast-corner-rate P]\n"
    "         [--fast-curve-rate P] [--curve-lateral-accel-mps2 A]\n";

// `realistic`: the receiver and driver as real fleets record them (docs/SIMULATION.md, "Profiles");
// explicit options given with it still win.
void apply_profile(const std::string& name, SimConfig& c) {
  if (name == "classic") {
    c = SimConfig{};
    return;
  }
  if (name != "realistic") throw UsageError("--profile: expected classic or realistic, got '" + name + "'");
  c.gps.noise_correlation_s = 30;
  c.gps.jitter_m = 1;
  c.gps.canyon_m = 6;
  c.gps.long_gap_rate = 0.1;
  c.gps.tunnel_gaps = true;
  c.route.minor_road_rate = 0.3;
  c.route.uturn_rate = 0.2;
  c.driver.signal_red_rate = 0.5;
  c.injection.min_separation_m = 12;
}

bool parse_yes_no(std::string_view option, const std::string& text) {
  if (text == "yes" || text == "true") return true;
  if (text == "no" || text == "false") return false;
  throw UsageError(std::string(option) + ": expected yes or no, got '" + text + "'");
}

// A vehicle class or type (detect/vehicle_types.hpp), as `analysis.vehicle_class` takes it.
const drivelog::detect::VehicleType& parse_vehicle_type(const std::string& text) {
  const drivelog::detect::VehicleType* type = drivelog::detect::find_vehicle_type(text);
  if (type == nullptr) {
    throw UsageError("--vehicle-class: expected one of " + drivelog::detect::vehicle_type_names() + ", got '" + text + "'");
  }
  return *type;
}

double parse_double(std::string_view option, const std::string& text, double min, double max) {
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno != 0 || !(value >= min && value <= max)) {
    throw UsageError(std::string(option) + ": expected a number in [" + std::to_string(min) + ", " +
                     std::to_string(max) + "], got '" + text + "'");
  }
  return value;
}

uint64_t parse_unsigned(std::string_view option, const std::string& text, uint64_t max) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long value = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || text[0] == '-' || end != text.c_str() + text.size() || errno != 0 || value > max) {
    throw UsageError(std::string(option) + ": expected a whole number up to " + std::to_string(max) + ", got '" + text + "'");
  }
  return value;
}

struct Options {
  std::string map_path;
  std::filesystem::path out_dir;
  uint32_t trips = 10;
  SimConfig config;
};

Options parse(int argc, char** argv) {
  Options o;
  SimConfig& c = o.config;
  using Setter = std::function<void(const std::string&)>;
  auto rate = [](double& field, const char* name) {
    return Setter([&field, name](const std::string& v) { field = parse_double(name, v, 0, 1); });
  };
  auto positive = [](double& field, const char* name, double max) {
    return Setter([&field, name, max](const std::string& v) { field = parse_double(name, v, 0, max); });
  };
  auto yes_no = [](bool& field, const char* name) {
    return Setter([&field, name](const std::string& v) { field = parse_yes_no(name, v); });
  };
  std::map<std::string, Setter, std::less<>> setters{
      {"--map", [&](const std::string& v) { o.map_path = v; }},
      {"--out", [&](const std::string& v) { o.out_dir = v; }},
      {"--trips", [&](const std::string& v) { o.trips = static_cast<uint32_t>(parse_unsigned("--trips", v, 999999)); }},
      {"--seed", [&](const std::string& v) { c.seed = parse_unsigned("--seed", v, UINT64_MAX); }},
      {"--hz", [&](const std::string& v) { c.gps.hz = parse_double("--hz", v, 0.001, 100); }},
      {"--noise-m", positive(c.gps.noise_m, "--noise-m", 1000)},
      {"--noise-correlation-s", positive(c.gps.noise_correlation_s, "--noise-correlation-s", 3600)},
      {"--speed-noise-mps", positive(c.gps.speed_noise_mps, "--speed-noise-mps", 50)},
      {"--violation-rate",
       [&](const std::string& v) {
         const double p = parse_double("--violation-rate", v, 0, 1);
         c.rates = drivelog::sim::ViolationRates{p, p, p, p, p};
       }},
      {"--speeding-rate", rate(c.rates.speeding, "--speeding-rate")},
      {"--stop-sign-rate", rate(c.rates.stop_sign, "--stop-sign-rate")},
      {"--wrong-way-rate", rate(c.rates.wrong_way, "--wrong-way-rate")},
      {"--no-entry-rate", rate(c.rates.no_entry, "--no-entry-rate")},
      {"--conditional-rate", rate(c.rates.conditional, "--conditional-rate")},
      {"--vehicle-class",
       [&](const std::string& v) {
         const drivelog::detect::VehicleType& type = parse_vehicle_type(v);
         c.vehicle_class = type.vehicle_class;
         c.vehicle_type = static_cast<uint8_t>(&type - drivelog::detect::vehicle_types().data());
       }},
      {"--trailers", [&](const std::string& v) { c.vehicle_trailers = parse_double("--trailers", v, 0, 9); }},
      {"--turn-restriction-rate", rate(c.rates.turn_restriction, "--turn-restriction-rate")},
      {"--outlier-rate", rate(c.gps.outlier_rate, "--outlier-rate")},
      {"--dropout-rate", rate(c.gps.dropout_rate, "--dropout-rate")},
      {"--min-length-m", positive(c.route.min_length_m, "--min-length-m", 1e6)},
      {"--max-length-m", positive(c.route.max_length_m, "--max-length-m", 1e6)},
      {"--waits-per-km", positive(c.driver.waits_per_km, "--waits-per-km", 100)},
      {"--profile", [](const std::string&) {}},  // applied before every other option (below)
      {"--jitter-m", positive(c.gps.jitter_m, "--jitter-m", 1000)},
      {"--canyon-m", positive(c.gps.canyon_m, "--canyon-m", 1000)},
      {"--canyon-correlation-s", positive(c.gps.canyon_correlation_s, "--canyon-correlation-s", 3600)},
      {"--long-gap-rate", rate(c.gps.long_gap_rate, "--long-gap-rate")},
      {"--tunnel-gaps", yes_no(c.gps.tunnel_gaps, "--tunnel-gaps")},
      {"--report-speed", yes_no(c.gps.report_speed, "--report-speed")},
      {"--report-heading", yes_no(c.gps.report_heading, "--report-heading")},
      {"--report-accuracy", yes_no(c.gps.report_accuracy, "--report-accuracy")},
      {"--minor-road-rate", rate(c.route.minor_road_rate, "--minor-road-rate")},
      {"--uturn-rate", rate(c.route.uturn_rate, "--uturn-rate")},
      {"--signal-red-rate", rate(c.driver.signal_red_rate, "--signal-red-rate")},
      {"--event-rate",
       [&](const std::string& v) {
         const double p = parse_double("--event-rate", v, 0, 1);
         c.event_rates = drivelog::sim::EventRates{p, p, p, p};
       }},
      {"--hard-stop-rate", rate(c.event_rates.hard_stop, "--hard-stop-rate")},
      {"--hard-acceleration-rate", rate(c.event_rates.hard_acceleration, "--hard-acceleration-rate")},
      {"--fast-corner-rate", rate(c.event_rates.fast_corner, "--fast-corner-rate")},
      {"--fast-curve-rate", rate(c.event_rates.fast_curve, "--fast-curve-rate")},
      {"--curve-lateral-accel-mps2",
       [&](const std::string& v) { c.driver.curve_lateral_accel_mps2 = parse_double("--curve-lateral-accel-mps2", v, 0, 20); }},
      {"--min-separation-m", positive(c.injection.min_separation_m, "--min-separation-m", 1000)},
      {"--start-time-ms",
       [&](const std::string& v) { c.start_time_ms = static_cast<int64_t>(parse_unsigned("--start-time-ms", v, 1ULL << 52)); }},
  };
  // The profile first, whatever its place, so that every explicit option overrides it.
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--profile=", 0) == 0) apply_profile(arg.substr(10), c);
    if (arg == "--profile" && i + 1 < argc) apply_profile(argv[i + 1], c);
  }
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    std::string name = arg, value;
    const auto eq = arg.find('=');
    if (eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    const auto it = setters.find(name);
    if (it == setters.end()) throw UsageError("unknown option " + arg);
    if (eq == std::string::npos) {
      if (i + 1 >= argc) throw UsageError(name + " needs a value");
      value = argv[++i];
    }
    it->second(value);
  }
  if (o.map_path.empty()) throw UsageError("--map is required");
  if (o.out_dir.empty()) throw UsageError("--out is required");
  if (c.route.min_length_m > c.route.max_length_m) throw UsageError("--min-length-m is larger than --max-length-m");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = parse(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "drivelog-simulate: " << e.what() << '\n' << kUsage;
    return 2;
  }
  try {
    const auto map = drivelog::map::MapView::open(options.map_path);
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec) {
      std::cerr << "drivelog-simulate: cannot create " << options.out_dir.string() << ": " << ec.message() << '\n';
      return 2;
    }
    std::map<std::string, uint64_t> violations;
    uint64_t conditional = 0;  // of those, decided by a conditional rule in force
    uint64_t written = 0, skipped = 0, fixes = 0, uturns = 0, red_signals = 0;
    double seconds = 0;
    for (uint32_t k = 1; k <= options.trips; ++k) {
      const auto trip = drivelog::sim::simulate_trip(map, options.config, k);
      if (!trip) {
        // A small or fragmented map may leave one trip's random starts without a long enough route
        // (RouteConfig::max_attempts); the other trips do not depend on it (own streams per trip), so
        // one such trip must not cost a whole run its files. A map that gives no trip at all is an error.
        std::cerr << "drivelog-simulate: trip " << k << " skipped: no drivable route found from "
                  << options.config.route.max_attempts << " random start roads on " << options.map_path << '\n';
        ++skipped;
        continue;
      }
      drivelog::sim::write_trip(options.out_dir, options.config, *trip);
      ++written;
      fixes += trip->fixes.size();
      uturns += trip->uturns;
      red_signals += trip->drive.red_signals;
      seconds += trip->drive.profile.duration_s();
      for (const auto& v : trip->truth.violations) {
        ++violations[v.type];
        if (std::any_of(v.evidence.begin(), v.evidence.end(), [](const auto& e) { return e.key == "conditional_tag"; })) ++conditional;
      }
    }
    if (written == 0 && options.trips > 0) {
      std::cerr << "drivelog-simulate: no drivable route found for any of the " << options.trips << " trips on "
                << options.map_path << '\n';
      return 1;
    }
    std::cout << "{\"trips\": " << written << ", \"skipped_trips\": " << skipped << ", \"fixes\": " << fixes << ", \"driven_s\": " << static_cast<uint64_t>(seconds)
              << ", \"uturns\": " << uturns << ", \"red_signals\": " << red_signals << ", \"violations\": {";
    const char* sep = "";
    for (const auto& [type, count] : violations) {
      std::cout << sep << '"' << type << "\": " << count;
      sep = ", ";
    }
    std::cout << "}, \"conditional_violations\": " << conditional << ", \"out\": " << drivelog::sim::json_quoted(options.out_dir.string()) << "}\n";
    return 0;
  } catch (const drivelog::map::MapError& e) {
    std::cerr << "drivelog-simulate: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "drivelog-simulate: " << e.what() << '\n';
    return 1;
  }
}
