/* drivelog C ABI: the only interface the Java side (FFM) sees.
 *
 * Stability: DRIVELOG_ABI_VERSION changes whenever a signature or struct layout here changes;
 * callers check drivelog_abi_version() before anything else. No function here throws, and none
 * aborts on bad input: failures are status codes with a message. */
#ifndef DRIVELOG_CAPI_DRIVELOG_H
#define DRIVELOG_CAPI_DRIVELOG_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DRIVELOG_ABI_VERSION 5

/* The library is built with hidden visibility; only what is marked here is exported. */
#define DRIVELOG_API __attribute__((visibility("default")))

/* Seen from C++, every function here is noexcept: nothing thrown inside crosses the boundary
 * (every failure, std::bad_alloc included, is a status code with a message). Not part of the
 * C ABI: C callers see the same symbols. */
#ifdef __cplusplus
#define DRIVELOG_NOEXCEPT noexcept
#else
#define DRIVELOG_NOEXCEPT
#endif

/* The ABI version this library was built with; compare with DRIVELOG_ABI_VERSION. */
DRIVELOG_API int32_t drivelog_abi_version(void) DRIVELOG_NOEXCEPT;

/* The library's release version, e.g. "0.1.0"; a static string owned by the library. */
DRIVELOG_API const char* drivelog_version(void) DRIVELOG_NOEXCEPT;

/* Status codes returned by every fallible call. */
#define DRIVELOG_OK 0
#define DRIVELOG_BAD_INPUT 1    /* the caller's data or arguments are wrong (message says which) */
#define DRIVELOG_MAP_ERROR 2    /* the map file is missing, damaged or of another version */
#define DRIVELOG_INTERNAL 3     /* a bug or resource exhaustion inside the library */

/* An open reference map: read-only, shared by every thread. */
typedef struct drivelog_map drivelog_map;
/* Per-thread analysis state (config + reusable scratch memory). Not thread safe: one per thread. */
typedef struct drivelog_analyzer drivelog_analyzer;

/* Opens (mmaps) a map file. On failure *out is NULL and `error` (if not NULL) receives a
 * NUL-terminated message of at most error_len bytes naming the file and the problem. */
DRIVELOG_API int32_t drivelog_map_open(const char* path, drivelog_map** out, char* error,
                                       size_t error_len) DRIVELOG_NOEXCEPT;

/* Writes the map's `map info` JSON into the caller's buffer; returns the length needed (excluding
 * NUL). If that is >= buffer_len the text was truncated; call again with a larger buffer.
 * 0 (never the length of any JSON) when `map` is NULL or the text could not be made (out of memory). */
DRIVELOG_API size_t drivelog_map_info_json(const drivelog_map* map, char* buffer,
                                           size_t buffer_len) DRIVELOG_NOEXCEPT;

/* Unmaps the map. Every analyzer created on it must be destroyed first. NULL is ignored. */
DRIVELOG_API void drivelog_map_close(drivelog_map* map) DRIVELOG_NOEXCEPT;

/* Creates an analyzer on `map`. `config` is NULL (all defaults) or text of `key=value` lines whose
 * keys are the paths below `analysis:` in config/drivelog.yaml (e.g. `speeding.tolerance_kmh=5`).
 * An unknown key or a bad value is DRIVELOG_BAD_INPUT with a message naming the key. */
DRIVELOG_API int32_t drivelog_analyzer_create(const drivelog_map* map, const char* config, drivelog_analyzer** out,
                                              char* error, size_t error_len) DRIVELOG_NOEXCEPT;

/* NULL is ignored. */
DRIVELOG_API void drivelog_analyzer_destroy(drivelog_analyzer* analyzer) DRIVELOG_NOEXCEPT;

/* Analyses one trip given as columns of `count` points, ordered by time.
 *   time_s       seconds since the Unix epoch (UTC), fractional allowed
 *   lat, lon     degrees (WGS 84)
 *   speed_mps    reported speed in m/s, or NULL / NaN where not reported
 *   heading_deg  reported course over ground, degrees clockwise from north, or NULL / NaN
 *   accuracy_m   reported horizontal accuracy (1 sigma) in metres, or NULL / NaN
 * On success *result_json points to the trip result (docs/RESULT_FORMAT.md, UTF-8, NUL-terminated,
 * *result_len bytes), owned by the analyzer and valid until its next call or destruction.
 * `trip_id` is copied into the result. Bad points (NaN or out-of-range coordinates) are not an
 * error: they are dropped and counted in the result's quality section. A map found damaged while
 * analysing (an index in the file that points outside its section) is DRIVELOG_MAP_ERROR. */
DRIVELOG_API int32_t drivelog_analyze(drivelog_analyzer* analyzer, const char* trip_id, size_t count,
                                      const double* time_s, const double* lat, const double* lon,
                                      const float* speed_mps, const float* heading_deg, const float* accuracy_m,
                                      const char** result_json, size_t* result_len, char* error,
                                      size_t error_len) DRIVELOG_NOEXCEPT;

/* The configuration an analyzer created with `config` (NULL or `key=value` lines, as for
 * drivelog_analyzer_create) would use: every key below `analysis:` with its value, defaults filled in,
 * one `key=value` line each, in a fixed order. Two configs with the same text here analyse alike, so
 * callers use it to name results by what was asked rather than by how it was written. Writes the text
 * into `buffer` (NUL-terminated, truncated to buffer_len - 1) and its length (excluding NUL) into
 * *needed; if that is >= buffer_len, call again with a larger buffer. A bad line is
 * DRIVELOG_BAD_INPUT with the message drivelog_analyzer_create would give. Needs no map. */
DRIVELOG_API int32_t drivelog_effective_config(const char* config, char* buffer, size_t buffer_len, size_t* needed,
                                               char* error, size_t error_len) DRIVELOG_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif
