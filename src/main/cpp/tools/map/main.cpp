// drivelog-map: the native map tool behind `drivelog map build|info`.
#include <iostream>
#include <string>
#include <vector>

#include "tools/map/commands.hpp"

namespace {

constexpr const char* kUsage =
    "usage: drivelog-map build --osm FILE --out MAP [--country CC] [--data DIR] [--time-zones FILE] [--input-order]\n"
    "       drivelog-map info MAP [--verify]\n"
    "       drivelog-map bbox --osm FILE\n"
    "       drivelog-map pages MAP [MAP...] [--route-km KM] [--seed N] [--radius-m M]\n"
    "       drivelog-map open-time MAP [--repeat N]\n"
    "       drivelog-map legal speeds|country < LINES | legal way-tags OSM_FILE   (reference data checks)\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace drivelog::tools::map;
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitBadInput;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  try {
    if (command == "build") return run_build(args);
    if (command == "info") return run_info(args);
    if (command == "pages") return run_pages(args);
    if (command == "open-time") return run_open_time(args);
    if (command == "legal") return run_legal(args);
    if (command == "bbox") return run_bbox(args);
  } catch (const std::exception& e) {
    std::cerr << "drivelog-map " << command << ": " << e.what() << "\n";
    return kExitFailed;
  }
  std::cerr << "drivelog-map: unknown command '" << command << "'\n" << kUsage;
  return kExitBadInput;
}
