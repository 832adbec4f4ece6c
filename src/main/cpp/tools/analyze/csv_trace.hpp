// Reads the simulator's CSV drive log (time,lat,lon,speed,heading,accuracy) into columns.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drivelog::tools {

// A trip as columns, ready for drivelog_analyze. Absent values are NaN.
struct TraceFile {
  std::vector<double> time_s;
  std::vector<double> lat;
  std::vector<double> lon;
  std::vector<float> speed_mps;
  std::vector<float> heading_deg;
  std::vector<float> accuracy_m;
};

// Seconds since the Unix epoch for "2026-11-21T08:00:00.000Z" (offsets like +01:00 allowed) or
// for a plain number of epoch seconds; nullopt when the text is neither.
std::optional<double> parse_time(std::string_view text);

// Parses CSV text. The header names the columns (any order; time, lat and lon required; speed,
// heading, accuracy optional; others ignored). Empty cells are NaN. On a malformed line returns
// false with `error` naming `source`, the line and the column.
bool parse_trace_csv(std::string_view text, const std::string& source, TraceFile& out, std::string& error);

// Reads and parses a file; false with `error` naming the file when it cannot be read or parsed.
bool read_trace_csv(const std::string& path, TraceFile& out, std::string& error);

}  // namespace drivelog::tools
