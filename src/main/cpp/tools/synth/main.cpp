// drivelog-synth: writes a synthetic region as an OSM PBF file.
//   drivelog-synth --seed N --scale small|city|country|<map-bytes> --out FILE.osm.pbf [--threads N]
// Exit codes: 0 written, 1 could not write, 2 bad arguments.
#include "synth/osm_writer.hpp"
#include "synth/scale.hpp"

#include <osmium/io/file.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

constexpr const char* kUsage =
    "usage: drivelog-synth --seed N --scale small|city|country|<map-bytes> --out FILE.osm.pbf [--threads N]\n"
    "  --seed N       random seed (default 1); the same seed and scale give byte-identical files\n"
    "  --scale S      small (one town), city (a large city region), country (a map of >= 3 GB),\n"
    "                 or the approximate size of the reference map to aim for (500000000, 500M, 4G)\n"
    "  --out FILE     output file; the suffix picks the format (.osm.pbf, .osm, .osm.gz)\n"
    "  --threads N    compression threads (default: libosmium's default)\n";

uint64_t parse_unsigned(std::string_view option, const std::string& text) {
  size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used, 10);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || text[0] == '-') {
    throw std::invalid_argument(std::string(option) + ": expected a non-negative integer, got '" + text + "'");
  }
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t seed = 1;
  std::string scale = "small";
  std::string out;
  unsigned threads = 0;
  drivelog::synth::ScalePlan plan;
  try {
    for (int a = 1; a < argc; ++a) {
      const std::string_view arg = argv[a];
      if (arg == "--help" || arg == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
      }
      if (a + 1 >= argc) throw std::invalid_argument(std::string(arg) + ": missing value");
      const std::string value = argv[++a];
      if (arg == "--seed") seed = parse_unsigned(arg, value);
      else if (arg == "--scale") scale = value;
      else if (arg == "--out") out = value;
      else if (arg == "--threads") threads = static_cast<unsigned>(parse_unsigned(arg, value));
      else throw std::invalid_argument("unknown option '" + std::string(arg) + "'");
    }
    if (out.empty()) throw std::invalid_argument("--out: required");
    try {
      osmium::io::File(out).check();
    } catch (const std::exception& e) {
      throw std::invalid_argument("--out: " + std::string(e.what()) + " (use .osm.pbf, .osm or .osm.gz)");
    }
    plan = drivelog::synth::plan_scale(scale, seed);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "drivelog-synth: %s\n%s", e.what(), kUsage);
    return 2;
  }

  const auto start = std::chrono::steady_clock::now();
  drivelog::synth::WriteStats stats;
  try {
    stats = drivelog::synth::write_synthetic_osm(plan.layout, drivelog::synth::WriteOptions{out, threads});
  } catch (const std::exception& e) {
    std::fprintf(stderr, "drivelog-synth: cannot write %s: %s\n", out.c_str(), e.what());
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(out, ec);
  const uint64_t objects = stats.nodes + stats.ways + stats.relations;
  std::printf(
      "{\"file\": \"%s\", \"seed\": %llu, \"scale\": \"%s\", \"tiles\": %llu, \"tile_m\": %.0f, \"nodes\": %llu, "
      "\"ways\": %llu, \"relations\": %llu, \"way_node_refs\": %llu, \"bytes\": %llu, \"target_map_bytes\": %llu, "
      "\"seconds\": %.3f, \"objects_per_s\": %.0f, \"mb_per_s\": %.2f}\n",
      out.c_str(), static_cast<unsigned long long>(seed), scale.c_str(), static_cast<unsigned long long>(stats.tiles),
      plan.layout.tile_m, static_cast<unsigned long long>(stats.nodes), static_cast<unsigned long long>(stats.ways),
      static_cast<unsigned long long>(stats.relations), static_cast<unsigned long long>(stats.way_node_refs),
      static_cast<unsigned long long>(ec ? 0 : bytes), static_cast<unsigned long long>(plan.target_map_bytes), seconds,
      static_cast<double>(objects) / seconds, (ec ? 0.0 : static_cast<double>(bytes) / 1e6) / seconds);
  return 0;
}
