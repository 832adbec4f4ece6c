// drivelog-analyze: analyses drive logs against a map, as a batch CLI or as a --serve child.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "tools/analyze/analyze_options.hpp"

namespace {

constexpr const char* kUsage =
    "usage: drivelog-analyze --map MAP [--set key=value]... [--config-kv FILE] [--matched]\n"
    "                        [--out DIR] [--threads N] [--stats] FILE.csv...\n"
    "       drivelog-analyze --serve --map MAP [--set key=value]... [--config-kv FILE] [--matched]\n"
    "Keys are the paths below `analysis:` in config/drivelog.yaml (docs/ENGINE.md).\n"
    "Without --out, each result is written to stdout as one JSON line.\n";

int usage_error(const std::string& message) {
  std::cerr << "drivelog-analyze: " << message << "\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using drivelog::tools::AnalyzeOptions;
  AnalyzeOptions options;
  std::string set_lines;
  bool matched = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&](std::string& target) {
      if (i + 1 >= argc) return false;
      target = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--map") {
      if (!value(options.map_path)) return usage_error("--map needs a file");
    } else if (arg == "--set") {
      if (!value(v)) return usage_error("--set needs key=value");
      if (v.find('=') == std::string::npos) return usage_error("--set " + v + ": expected key=value");
      set_lines += v + "\n";
    } else if (arg == "--config-kv") {
      if (!value(v)) return usage_error("--config-kv needs a file");
      std::ifstream in(v);
      if (!in) return usage_error("--config-kv " + v + ": cannot open");
      std::ostringstream text;
      text << in.rdbuf();
      options.config_text += text.str() + "\n";
    } else if (arg == "--matched") {
      matched = true;
    } else if (arg == "--out") {
      if (!value(options.out_dir)) return usage_error("--out needs a directory");
    } else if (arg == "--threads") {
      if (!value(v)) return usage_error("--threads needs a number");
      try {
        const int n = std::stoi(v);
        if (n < 1 || n > 256) return usage_error("--threads must be between 1 and 256");
        options.threads = static_cast<unsigned>(n);
      } catch (const std::exception&) {
        return usage_error("--threads " + v + ": not a number");
      }
    } else if (arg == "--stats") {
      options.stats = true;
    } else if (arg == "--serve") {
      options.serve = true;
    } else if (arg.starts_with("-")) {
      return usage_error("unknown option " + std::string(arg));
    } else {
      options.files.emplace_back(arg);
    }
  }
  options.config_text += set_lines;
  if (matched) options.config_text += "matched=true\n";
  if (options.map_path.empty()) return usage_error("--map is required");
  if (options.serve) return drivelog::tools::run_serve(options);
  if (options.files.empty()) return usage_error("no input files");

  drivelog_map* raw = nullptr;
  char error[1024];
  if (drivelog_map_open(options.map_path.c_str(), &raw, error, sizeof error) != DRIVELOG_OK) {
    std::cerr << "drivelog-analyze: " << error << "\n";
    return 2;
  }
  const drivelog::tools::MapHandle map(raw);
  return drivelog::tools::run_batch(options, map.get());
}
