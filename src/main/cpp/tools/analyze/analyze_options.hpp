// Command-line options of drivelog-analyze and owning handles for the C ABI objects it uses.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "capi/drivelog.h"

namespace drivelog::tools {

struct AnalyzeOptions {
  std::string map_path;
  std::string config_text;  // key=value lines: --config-kv files, then --set, then --matched
  std::string out_dir;      // empty: results go to stdout as JSON Lines
  std::vector<std::string> files;
  unsigned threads = 1;
  bool stats = false;
  bool serve = false;
};

struct MapCloser {
  void operator()(drivelog_map* m) const { drivelog_map_close(m); }
};
struct AnalyzerDestroyer {
  void operator()(drivelog_analyzer* a) const { drivelog_analyzer_destroy(a); }
};
using MapHandle = std::unique_ptr<drivelog_map, MapCloser>;
using AnalyzerHandle = std::unique_ptr<drivelog_analyzer, AnalyzerDestroyer>;

// Batch mode: analyses every file, writes results, prints a line per trip. Returns the exit code.
int run_batch(const AnalyzeOptions& options, const drivelog_map* map);

// --serve mode over stdin/stdout (docs/ENGINE.md). Returns the exit code.
int run_serve(const AnalyzeOptions& options);

}  // namespace drivelog::tools
