// libFuzzer target: the native CSV drive-log reader of drivelog-analyze (tools/analyze/csv_trace).
// Any text is either read into columns of equal length or refused with a message naming the file
// and line; a time is finite or not read at all.
#include <cmath>
#include <string>
#include <string_view>

#include "require.hpp"
#include "tools/analyze/csv_trace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using drivelog::fuzz::require;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  drivelog::tools::TraceFile trace;
  std::string error;
  if (drivelog::tools::parse_trace_csv(text, "fuzz.csv", trace, error)) {
    const std::size_t n = trace.time_s.size();
    require(trace.lat.size() == n && trace.lon.size() == n && trace.speed_mps.size() == n &&
                trace.heading_deg.size() == n && trace.accuracy_m.size() == n,
            "every column has a value for every line");
    for (const double t : trace.time_s) require(!std::isinf(t), "times are finite or absent (NaN)");
  } else {
    require(error.starts_with("fuzz.csv"), "a refusal names the file", error);
  }

  // The time parser alone, on the first line.
  const std::string_view first = text.substr(0, text.find('\n'));
  if (const auto t = drivelog::tools::parse_time(first)) require(std::isfinite(*t), "a parsed time is finite");
  return 0;
}
