// libFuzzer target: the native CSV readers, on the same text.
// 1. The CSV reader of drivelog-analyze (tools/analyze/csv_trace): any text is either read into
//    columns of equal length or refused with a message naming the file and line; a time is finite
//    or not read at all.
// 2. The line scanner behind the Java reader (logs/csv_line_scanner, drivelog_csv_scan), with a layout
//    drawn from the text's first bytes (columns, kinds, delimiter, zone, batch size): it stops at a
//    line end, counts the lines it took, stops for the reason it gives, writes only rows it took,
//    points at vehicle fields inside those lines, gives finite times and positions, and scanning in
//    batches of one line gives the same rows as scanning at once.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "logs/csv_line_scanner.hpp"
#include "require.hpp"
#include "tools/analyze/csv_trace.hpp"

namespace {

using drivelog::fuzz::require;
using drivelog::logs::ColumnKind;
using drivelog::logs::LineKind;
using drivelog::logs::ScanStop;

void fuzz_trace_reader(std::string_view text) {
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
}

struct Rows {
  explicit Rows(std::size_t n)
      : time(n, -1), lat(n, -1), lon(n, -1), speed(n, -1), heading(n, -1), accuracy(n, -1), vehicle_at(n, -2),
        vehicle_length(n, -2), kind(n, LineKind{0}) {}
  drivelog::logs::CsvRows view() {
    return {time.size(),     time.data(),     lat.data(),        lon.data(),           speed.data(),
            heading.data(),  accuracy.data(), vehicle_at.data(), vehicle_length.data(), kind.data()};
  }
  std::vector<double> time, lat, lon;
  std::vector<float> speed, heading, accuracy;
  std::vector<std::int32_t> vehicle_at, vehicle_length;
  std::vector<LineKind> kind;
};

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void fuzz_line_scanner(std::string_view text) {
  if (text.size() < 6) return;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  drivelog::logs::CsvLayout layout;
  layout.delimiter = ",;\t|"[byte(2) % 4];
  layout.zone_is_utc = (byte(3) & 1) != 0;
  layout.hdop_uere_m = 1 + byte(3) / 16;
  if (byte(4) % 4 == 0) {  // the simulator's columns (the seed scanner-fleet.csv starts so)
    constexpr ColumnKind kSimulator[] = {ColumnKind::vehicle, ColumnKind::time,    ColumnKind::lat,     ColumnKind::lon,
                                         ColumnKind::speed,   ColumnKind::heading, ColumnKind::accuracy};
    layout.column_count = 7;
    layout.needed_fields = 4;
    for (std::size_t c = 0; c < 7; ++c) layout.kinds[c] = kSimulator[c];
    layout.speed_factor[4] = 1000.0 / 3600.0;
  } else {
    layout.column_count = 1 + byte(0) % 12;
    layout.needed_fields = byte(1) % (layout.column_count + 2);
    for (int i = 0; i < layout.column_count; ++i) {
      const auto c = static_cast<std::size_t>(i);
      layout.kinds[c] = static_cast<ColumnKind>((byte(4) + byte(5) * i + i * i) % 10);
      layout.speed_factor[c] = 1.0 + 0.25 * i;
    }
  }
  const std::size_t capacity = 1 + byte(5) % 64;

  Rows whole(capacity);
  const auto result = drivelog::logs::scan_csv_lines(text, layout, whole.view());
  require(result.lines <= capacity && result.bytes <= text.size(), "within the text and the columns");
  require(result.bytes == 0 || text[result.bytes - 1] == '\n', "stops right after a newline");
  const std::string_view taken = text.substr(0, result.bytes);
  require(static_cast<std::size_t>(std::count(taken.begin(), taken.end(), '\n')) == result.lines,
          "one row per line taken");
  const bool newline_after = text.find('\n', result.bytes) != std::string_view::npos;
  switch (result.stop) {
    case ScanStop::end_of_text:
      require(!newline_after, "end of text: no complete line left");
      break;
    case ScanStop::full:
      require(result.lines == capacity && newline_after, "full: every row used, a line left");
      break;
    case ScanStop::deferred:
      require(newline_after && result.lines < capacity, "deferred: a complete line left, room for it");
      break;
  }
  for (std::size_t i = 0; i < result.lines; ++i) {
    require(whole.kind[i] == LineKind::point || whole.kind[i] == LineKind::skipped ||
                whole.kind[i] == LineKind::invalid_fix,
            "every row taken has a kind");
    if (whole.kind[i] != LineKind::point) continue;
    require(std::isfinite(whole.time[i]) && std::isfinite(whole.lat[i]) && std::isfinite(whole.lon[i]),
            "a point has a finite time and position");
    if (whole.vehicle_at[i] != -1) {
      require(whole.vehicle_at[i] >= 0 && whole.vehicle_length[i] >= 0 &&
                  static_cast<std::size_t>(whole.vehicle_at[i]) + static_cast<std::size_t>(whole.vehicle_length[i]) <
                      result.bytes,
              "a vehicle field lies inside the lines taken");
    }
  }
  for (std::size_t i = result.lines; i < capacity; ++i) {
    require(whole.kind[i] == LineKind{0} && whole.vehicle_at[i] == -2, "rows not taken are not written");
  }

  // Line by line: the same rows.
  Rows one(1);
  std::size_t at = 0;
  for (std::size_t i = 0; i < result.lines; ++i) {
    const auto step = drivelog::logs::scan_csv_lines(text.substr(at), layout, one.view());
    require(step.lines == 1, "a line taken at once is taken alone");
    require(one.kind[0] == whole.kind[i], "alone: the same kind");
    if (one.kind[0] == LineKind::point) {
      require(same_bits(one.time[0], whole.time[i]) && same_bits(one.lat[0], whole.lat[i]) &&
                  same_bits(one.lon[0], whole.lon[i]) && same_bits(one.speed[0], whole.speed[i]) &&
                  same_bits(one.heading[0], whole.heading[i]) && same_bits(one.accuracy[0], whole.accuracy[i]) &&
                  (one.vehicle_at[0] == -1 ? whole.vehicle_at[i] == -1
                                           : one.vehicle_at[0] + static_cast<std::int32_t>(at) == whole.vehicle_at[i]),
              "alone: the same values");
    }
    at += step.bytes;
  }
  require(at == result.bytes, "alone: the same bytes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fuzz_trace_reader(text);
  fuzz_line_scanner(text);
  return 0;
}
