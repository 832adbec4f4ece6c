// The C ABI: translates between C callers and the engine, and turns every failure into a status
// code with a message. Nothing thrown inside may cross this boundary.
#include "capi/drivelog.h"

#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>

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

namespace {

int32_t fail(int32_t status, const std::string& message, char* error, size_t error_len) {
  if (error != nullptr && error_len > 0) {
    const size_t n = std::min(message.size(), error_len - 1);
    std::memcpy(error, message.data(), n);
    error[n] = '\0';
  }
  return status;
}

}  // namespace

extern "C" int32_t drivelog_abi_version(void) { return DRIVELOG_ABI_VERSION; }

extern "C" const char* drivelog_version(void) { return DRIVELOG_VERSION; }

extern "C" int32_t drivelog_map_open(const char* path, drivelog_map** out, char* error, size_t error_len) {
  if (out == nullptr) return fail(DRIVELOG_BAD_INPUT, "drivelog_map_open: out is NULL", error, error_len);
  *out = nullptr;
  if (path == nullptr) return fail(DRIVELOG_BAD_INPUT, "drivelog_map_open: path is NULL", error, error_len);
  try {
    *out = new drivelog_map(drivelog::map::MapView::open(path));
    return DRIVELOG_OK;
  } catch (const drivelog::map::MapError& e) {
    return fail(DRIVELOG_MAP_ERROR, e.what(), error, error_len);
  } catch (const std::bad_alloc&) {
    return fail(DRIVELOG_INTERNAL, std::string("out of memory opening map ") + path, error, error_len);
  } catch (const std::exception& e) {
    return fail(DRIVELOG_MAP_ERROR, std::string("map ") + path + ": " + e.what(), error, error_len);
  }
}

extern "C" size_t drivelog_map_info_json(const drivelog_map* map, char* buffer, size_t buffer_len) {
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
    return 0;
  }
}

extern "C" void drivelog_map_close(drivelog_map* map) { delete map; }

extern "C" int32_t drivelog_analyzer_create(const drivelog_map* map, const char* config, drivelog_analyzer** out,
                                            char* error, size_t error_len) {
  if (out == nullptr) return fail(DRIVELOG_BAD_INPUT, "drivelog_analyzer_create: out is NULL", error, error_len);
  *out = nullptr;
  if (map == nullptr) return fail(DRIVELOG_BAD_INPUT, "drivelog_analyzer_create: map is NULL", error, error_len);
  try {
    drivelog::capi::AnalysisConfig parsed;
    if (config != nullptr) {
      const std::string problem = drivelog::capi::parse_analysis_config(config, parsed);
      if (!problem.empty()) return fail(DRIVELOG_BAD_INPUT, problem, error, error_len);
    }
    *out = new drivelog_analyzer(map->view, parsed);
    return DRIVELOG_OK;
  } catch (const std::bad_alloc&) {
    return fail(DRIVELOG_INTERNAL, "out of memory creating an analyzer", error, error_len);
  } catch (const std::exception& e) {
    return fail(DRIVELOG_INTERNAL, std::string("creating an analyzer: ") + e.what(), error, error_len);
  }
}

extern "C" void drivelog_analyzer_destroy(drivelog_analyzer* analyzer) { delete analyzer; }

extern "C" int32_t drivelog_analyze(drivelog_analyzer* analyzer, const char* trip_id, size_t count,
                                    const double* time_s, const double* lat, const double* lon,
                                    const float* speed_mps, const float* heading_deg, const float* accuracy_m,
                                    const char** result_json, size_t* result_len, char* error, size_t error_len) {
  if (result_json != nullptr) *result_json = nullptr;
  if (result_len != nullptr) *result_len = 0;
  if (analyzer == nullptr) return fail(DRIVELOG_BAD_INPUT, "drivelog_analyze: analyzer is NULL", error, error_len);
  if (result_json == nullptr || result_len == nullptr) {
    return fail(DRIVELOG_BAD_INPUT, "drivelog_analyze: result_json and result_len must not be NULL", error, error_len);
  }
  if (trip_id == nullptr) return fail(DRIVELOG_BAD_INPUT, "drivelog_analyze: trip_id is NULL", error, error_len);
  if (count > 0 && (time_s == nullptr || lat == nullptr || lon == nullptr)) {
    return fail(DRIVELOG_BAD_INPUT, "drivelog_analyze: trip " + std::string(trip_id) + ": time_s, lat and lon must not be NULL",
                error, error_len);
  }
  try {
    const drivelog::match::TraceColumns columns{count, time_s, lat, lon, speed_mps, heading_deg, accuracy_m};
    const std::string& json = analyzer->engine.analyze(trip_id, columns);
    *result_json = json.c_str();
    *result_len = json.size();
    return DRIVELOG_OK;
  } catch (const drivelog::capi::InputRefused& e) {
    return fail(DRIVELOG_BAD_INPUT, "trip " + std::string(trip_id) + ": " + e.what(), error, error_len);
  } catch (const std::bad_alloc&) {
    return fail(DRIVELOG_INTERNAL, "trip " + std::string(trip_id) + ": out of memory", error, error_len);
  } catch (const std::exception& e) {
    return fail(DRIVELOG_INTERNAL, "trip " + std::string(trip_id) + ": " + e.what(), error, error_len);
  } catch (...) {
    return fail(DRIVELOG_INTERNAL, "trip " + std::string(trip_id) + ": unknown failure", error, error_len);
  }
}

extern "C" int32_t drivelog_effective_config(const char* config, char* buffer, size_t buffer_len, size_t* needed,
                                             char* error, size_t error_len) {
  if (needed == nullptr) return fail(DRIVELOG_BAD_INPUT, "drivelog_effective_config: needed is NULL", error, error_len);
  *needed = 0;
  try {
    drivelog::capi::AnalysisConfig parsed;
    if (config != nullptr) {
      const std::string problem = drivelog::capi::parse_analysis_config(config, parsed);
      if (!problem.empty()) return fail(DRIVELOG_BAD_INPUT, problem, error, error_len);
    }
    const std::string text = drivelog::capi::describe_analysis_config(parsed);
    if (buffer != nullptr && buffer_len > 0) {
      const size_t n = std::min(text.size(), buffer_len - 1);
      std::memcpy(buffer, text.data(), n);
      buffer[n] = '\0';
    }
    *needed = text.size();
    return DRIVELOG_OK;
  } catch (const std::bad_alloc&) {
    return fail(DRIVELOG_INTERNAL, "out of memory describing a configuration", error, error_len);
  } catch (const std::exception& e) {
    return fail(DRIVELOG_INTERNAL, std::string("describing a configuration: ") + e.what(), error, error_len);
  }
}
