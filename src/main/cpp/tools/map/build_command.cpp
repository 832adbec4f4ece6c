#include <iostream>

#include "map/map_view.hpp"
#include "osm/osm_import.hpp"
#include "tools/map/commands.hpp"

namespace drivelog::tools::map {

int run_build(const std::vector<std::string>& args) {
  std::string osm_path, map_path;
  osm::ImportOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--osm" && has_value) osm_path = args[++i];
    else if (a == "--out" && has_value) map_path = args[++i];
    else if (a == "--country" && has_value) options.country = args[++i];
    else if (a == "--input-order") options.keep_input_order = true;
    else if (a == "--data" && has_value) options.data_dir = args[++i];
    else if (a == "--time-zones" && has_value) options.time_zones_file = args[++i];
    else {
      std::cerr << "drivelog-map build: unexpected argument '" << a << "'\n"
                << "usage: drivelog-map build --osm FILE --out MAP [--country CC] [--data DIR] [--time-zones FILE] [--input-order]\n";
      return kExitBadInput;
    }
  }
  if (osm_path.empty() || map_path.empty()) {
    std::cerr << "drivelog-map build: --osm FILE and --out MAP are required\n";
    return kExitBadInput;
  }
  if (!options.country.empty() && (options.country.size() < 2 || options.country.size() > 6)) {
    std::cerr << "drivelog-map build: --country takes an ISO 3166 code (e.g. DE, US-PA), not '" << options.country << "'\n";
    return kExitBadInput;
  }
  try {
    const osm::ImportReport report = osm::import_osm(osm_path, map_path, options);
    std::cerr << "drivelog-map build: " << report.build.edges << " edges, " << report.build.nodes << " nodes, "
              << report.build.stop_signs << " stop signs, " << report.build.turn_restrictions << " turn restrictions, "
              << report.tag_problems.total() << " tag values not interpreted -> " << map_path << "\n";
    for (const auto& [what, n] : report.tag_problems.counts()) std::cerr << "  not interpreted: " << what << " (" << n << ")\n";
    for (const auto& [what, n] : report.build.problems) std::cerr << "  not used: " << what << " (" << n << ")\n";
    std::cerr << "  region: " << (report.country.empty() ? "(none)" : report.country) << " (" << report.country_basis << ")\n";
    for (const auto& [source, n] : report.legal.directions_by_source) std::cerr << "  limit source " << source << ": " << n << " edge directions\n";
    std::cout << osm::import_report_json(report, osm_path, map_path) << "\n";
    return kExitOk;
  } catch (const osm::ImportError& e) {
    std::cerr << "drivelog-map build: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const drivelog::map::MapError& e) {
    std::cerr << "drivelog-map build: " << e.what() << "\n";
    return kExitFailed;
  }
}

}  // namespace drivelog::tools::map
