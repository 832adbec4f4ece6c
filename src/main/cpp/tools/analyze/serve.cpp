// The --serve loop: hello frame, then one response per request until EOF (docs/ENGINE.md).
#include <cstdio>
#include <iostream>
#include <string>

#include "tools/analyze/analyze_options.hpp"
#include "tools/analyze/serve_protocol.hpp"

namespace drivelog::tools {
namespace {

constexpr int kExitStartupFailed = 2;
constexpr int kExitBrokenStream = 3;

}  // namespace

int run_serve(const AnalyzeOptions& options) {
  char error[2048];
  drivelog_map* raw_map = nullptr;
  if (drivelog_map_open(options.map_path.c_str(), &raw_map, error, sizeof error) != DRIVELOG_OK) {
    write_frame(stdout, DRIVELOG_MAP_ERROR, error);
    return kExitStartupFailed;
  }
  const MapHandle map(raw_map);
  drivelog_analyzer* raw_analyzer = nullptr;
  const int32_t created = drivelog_analyzer_create(map.get(), options.config_text.c_str(), &raw_analyzer, error, sizeof error);
  if (created != DRIVELOG_OK) {
    write_frame(stdout, created, error);
    return kExitStartupFailed;
  }
  const AnalyzerHandle analyzer(raw_analyzer);

  std::string info(drivelog_map_info_json(map.get(), nullptr, 0) + 1, '\0');
  info.resize(drivelog_map_info_json(map.get(), info.data(), info.size()));
  const std::string hello = "{\"abi\":" + std::to_string(drivelog_abi_version()) + ",\"version\":\"" +
                            drivelog_version() + "\",\"map\":" + info + "}";
  if (!write_frame(stdout, DRIVELOG_OK, hello)) return kExitBrokenStream;

  ServeRequest request;
  std::string problem;
  while (true) {
    const ReadOutcome outcome = read_request(stdin, request, problem);
    if (outcome == ReadOutcome::end) return 0;
    if (outcome == ReadOutcome::broken) {
      std::cerr << "drivelog-analyze --serve: " << problem << "\n";
      write_frame(stdout, DRIVELOG_BAD_INPUT, problem);
      return kExitBrokenStream;
    }
    const TraceFile& c = request.columns;
    const char* json = nullptr;
    size_t json_len = 0;
    const int32_t status = drivelog_analyze(analyzer.get(), request.trip_id.c_str(), c.time_s.size(), c.time_s.data(),
                                            c.lat.data(), c.lon.data(), c.speed_mps.data(), c.heading_deg.data(),
                                            c.accuracy_m.data(), &json, &json_len, error, sizeof error);
    const bool written = status == DRIVELOG_OK ? write_frame(stdout, status, std::string_view(json, json_len))
                                               : write_frame(stdout, status, error);
    if (!written) return kExitBrokenStream;
  }
}

}  // namespace drivelog::tools
