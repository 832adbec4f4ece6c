// The --serve framing of docs/ENGINE.md: requests (magic DLRQ) in, frames (magic DLRS) out.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "tools/analyze/csv_trace.hpp"

namespace drivelog::tools {

inline constexpr uint32_t kMaxTripIdBytes = 4096;
inline constexpr uint32_t kMaxRequestPoints = 100'000'000;

struct ServeRequest {
  std::string trip_id;
  TraceFile columns;
};

enum class ReadOutcome {
  request,  // `out` holds a request
  end,      // EOF at a frame boundary
  broken,   // wrong magic, over-limit length, or EOF inside a frame; `error` says which
};

// Reads one request frame (buffers in `out` are reused).
ReadOutcome read_request(std::FILE* in, ServeRequest& out, std::string& error);

// Writes one response frame and flushes; false if the stream failed (the parent went away).
bool write_frame(std::FILE* out, int32_t status, std::string_view payload);

// The request frame for a trip, as a client writes it (used by tests and the benchmark).
std::string encode_request(std::string_view trip_id, const TraceFile& columns);

}  // namespace drivelog::tools
