// What every extern "C" entry point does at the boundary: report failures into the caller's
// error buffer without allocating (so a report survives std::bad_alloc), and turn anything thrown
// inside into a status code. An exception unwinding into a C caller (the JVM through FFM) would
// crash the process; the entry points are also declared noexcept, which makes a slip terminate
// here, with a message, instead of unwinding through foreign frames.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <new>
#include <string_view>

#include "capi/drivelog.h"
#include "capi/trip_analyzer.hpp"
#include "map/map_view.hpp"

namespace drivelog::capi {

// Appends `part` to the NUL-terminated message in `error` that is `at` bytes long, truncating at
// error_len - 1 bytes; returns the new length. Nothing happens when `error` is NULL or error_len 0.
inline std::size_t append_error(char* error, std::size_t error_len, std::size_t at, std::string_view part) noexcept {
  if (error == nullptr || error_len == 0) return 0;
  const std::size_t take = std::min(part.size(), error_len - 1 - at);
  std::memcpy(error + at, part.data(), take);
  error[at + take] = '\0';
  return at + take;
}

// Writes the concatenation of `parts` into the caller's error buffer and returns `status`.
inline int32_t report(int32_t status, char* error, std::size_t error_len,
                      std::initializer_list<std::string_view> parts) noexcept {
  std::size_t at = append_error(error, error_len, 0, "");
  for (const std::string_view part : parts) at = append_error(error, error_len, at, part);
  return status;
}

// Runs `body` (which returns a status) and maps what it throws: InputRefused is the caller's bad
// input, MapError a missing or damaged map (also when the damage is found during an analysis),
// anything else an internal failure. Each message is prefixed with the `context` parts
// (e.g. {"trip ", id, ": "}).
template <typename Body>
int32_t guarded(std::initializer_list<std::string_view> context, char* error, std::size_t error_len,
                Body&& body) noexcept {
  const auto fail = [&](int32_t status, std::string_view message) noexcept {
    std::size_t at = append_error(error, error_len, 0, "");
    for (const std::string_view part : context) at = append_error(error, error_len, at, part);
    append_error(error, error_len, at, message);
    return status;
  };
  try {
    return body();
  } catch (const InputRefused& e) {
    return fail(DRIVELOG_BAD_INPUT, e.what());
  } catch (const map::MapError& e) {
    return fail(DRIVELOG_MAP_ERROR, e.what());
  } catch (const std::bad_alloc&) {
    return fail(DRIVELOG_INTERNAL, "out of memory");
  } catch (const std::exception& e) {
    return fail(DRIVELOG_INTERNAL, e.what());
  } catch (...) {
    return fail(DRIVELOG_INTERNAL, "unknown failure");
  }
}

}  // namespace drivelog::capi
