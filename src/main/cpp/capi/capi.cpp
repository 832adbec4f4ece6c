// The C ABI: translates between C callers and the engine, and turns every failure into a status
// code with a message. Nothing thrown inside may cross this boundary (capi/abi_boundary.hpp).
#include "capi/drivelog.h"

#include <cstring>
#include <memory>
#include <string>

#include "capi/abi_boundary.hpp"
#include "capi/analysis_config.hpp"
#include "capi/trip_analyzer.hpp"
#include "map/map_info_json.hpp"
#include "map/map_view.hpp"

struct drivelog_map {
  explicit drivelog_map(drivelog::map::MapView v) : view(std::move(v)) {}
  drivelog::map::MapView view;
};

struct drivelog_analyzer {
  drivelog_analyzer(const drivelog::map::MapView& map, const drivelog::capi::AnalysisConfig& config)
      : engine(map, config) {}
  drivelog::capi::TripAnalyzer engine;
};

using drivelog::capi::guarded;
using drivelog::capi::report;

extern "C" int32_t drivelog_abi_version(void) noexcept { return DRIVELOG_ABI_VERSION; }

extern "C" const char* drivelog_version(void) noexcept { return DRIVELOG_VERSION; }

extern "C" int32_t drivelog_map_open(const char* path, drivelog_map** out, char* error, size_t error_len) noexcept {
  if (out == nullptr) return report(DRIVELOG_BAD_INPUT, error, error_len, {"drivelog_map_open: out is NULL"});
  *out = nullptr;
  if (path == nullptr) return report(DRIVELOG_BAD_INPUT, error, error_len, {"drivelog_map_open: path is NULL"});
  // MapError messages name the file themselves; the other failures get its name here.
  return guarded({"map ", path, ": "}, error, error_len, [&] {
    try {
      *out = new drivelog_map(drivelog::map::MapView::open(path));
      return DRIVELOG_OK;
    } catch (const drivelog::map::MapError& e) {
      return report(DRIVELOG_MAP_ERROR, error, error_len, {e.what()});
    } catch (const std::bad_alloc&) {
      return report(DRIVELOG_INTERNAL, error, error_len, {"out of memory opening map ", path});
    } catch (const std::exception& e) {
      return report(DRIVELOG_MAP_ERROR, error, error_len, {"map ", path, ": ", e.what()});
    }
  });
}

extern "C" size_t drivelog_map_info_json(const drivelog_map* map, char* buffer, size_t buffer_len) noexcept {
  if (map == nullptr) return 0;
  try {
    const std::string json = drivelog::map::map_info_json(map->view);
    if (buffer != nullptr && buffer_len > 0) {
      const size_t n = std::min(json.size(), buffer_len - 1);
      std::memcpy(buffer, json.data(), n);
      buffer[n] = '\0';
    }
    return json.size();
  } catch (...) {
    return 0;  // documented: 0 is "no text" (the JSON is never empty)
  }
}

extern "C" void drivelog_map_close(drivelog_map* map) noexcept { delete map; }

extern "C" int32_t drivelog_analyzer_create(const drivelog_map* map, const char* config, drivelog_analyzer** out,
                                            char* error, size_t error_len) noexcept {
  if (out == nullptr) return report(DRIVELOG_BAD_INPUT, error, error_len, {"drivelog_analyzer_create: out is NULL"});
  *out = nullptr;
  if (map == nullptr) return report(DRIVELOG_BAD_INPUT, error, error_len, {"drivelog_analyzer_create: map is NULL"});
  return guarded({"creating an analyzer: "}, error, error_len, [&] {
    drivelog::capi::AnalysisConfig parsed;
    if (config != nullptr) {
      const std::string problem = drivelog::capi::parse_analysis_config(config, parsed);
      if (!problem.empty()) return report(DRIVELOG_BAD_INPUT, error, error_len, {problem});
    }
    *out = new drivelog_analyzer(map->view, parsed);
    return DRIVELOG_OK;
  });
}

extern "C" void drivelog_analyzer_destroy(drivelog_analyzer* analyzer) noexcept { delete analyzer; }

extern "C" int32_t drivelog_analyze(drivelog_analyzer* analyzer, const char* trip_id, size_t count,
                                    const double* time_s, const double* lat, const double* lon,
                                    const float* speed_mps, const float* heading_deg, const float* accuracy_m,
                                    const char** result_json, size_t* result_len, char* error,
                                    size_t error_len) noexcept {
  if (result_json != nullptr) *result_json = nullptr;
  if (result_len != nullptr) *result_len = 0;
  if (analyzer == nullptr) return report(DRIVELOG_BAD_INPUT, error, error_len, {"drivelog_analyze: analyzer is NULL"});
  if (result_json == nullptr || result_len == nullptr) {
    return report(DRIVELOG_BAD_INPUT, error, error_len,
                  {"drivelog_analyze: result_json and result_len must not be NULL"});
  }
  if (trip_id == nullptr) return report(DRIVELOG_BAD_INPUT, error, error_len, {"drivelog_analyze: trip_id is NULL"});
  if (count > 0 && (time_s == nullptr || lat == nullptr || lon == nullptr)) {
    return report(DRIVELOG_BAD_INPUT, error, error_len,
                  {"drivelog_analyze: trip ", trip_id, ": time_s, lat and lon must not be NULL"});
  }
  return guarded({"trip ", trip_id, ": "}, error, error_len, [&] {
    const drivelog::match::TraceColumns columns{count, time_s, lat, lon, speed_mps, heading_deg, accuracy_m};
    const std::string& json = analyzer->engine.analyze(trip_id, columns);
    *result_json = json.c_str();
    *result_len = json.size();
    return DRIVELOG_OK;
  });
}

extern "C" int32_t drivelog_effective_config(const char* config, char* buffer, size_t buffer_len, size_t* needed,
                                             char* error, size_t error_len) noexcept {
  if (needed == nullptr) return report(DRIVELOG_BAD_INPUT, error, error_len, {"drivelog_effective_config: needed is NULL"});
  *needed = 0;
  return guarded({"describing a configuration: "}, error, error_len, [&] {
    drivelog::capi::AnalysisConfig parsed;
    if (config != nullptr) {
      const std::string problem = drivelog::capi::parse_analysis_config(config, parsed);
      if (!problem.empty()) return report(DRIVELOG_BAD_INPUT, error, error_len, {problem});
    }
    const std::string text = drivelog::capi::describe_analysis_config(parsed);
    if (buffer != nullptr && buffer_len > 0) {
      const size_t n = std::min(text.size(), buffer_len - 1);
      std::memcpy(buffer, text.data(), n);
      buffer[n] = '\0';
    }
    *needed = text.size();
    return DRIVELOG_OK;
  });
}
