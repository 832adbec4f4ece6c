#include "sim/trip_files.hpp"

#include "map/json_text.hpp"

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace drivelog::sim {
namespace {

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm, valid for the proleptic Gregorian calendar).
void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

std::string format(const char* pattern, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, value);
  return buffer;
}

// Whole numbers (ids) print without a fraction; others with up to 3 decimals.
std::string json_number(double value) {
  if (!std::isfinite(value)) return "null";
  if (std::fabs(value) < 9e15 && value == std::floor(value)) return format("%.0f", value);
  return format("%.3f", value);
}

std::string epoch_seconds(int64_t start_ms, double offset_s) {
  const int64_t ms = start_ms + std::llround(offset_s * 1000);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%" PRId64 ".%03" PRId64, floor_div(ms, 1000), ms - floor_div(ms, 1000) * 1000);
  return buffer;
}

void check(const std::ofstream& out, const std::filesystem::path& path) {
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

std::string json_quoted(const std::string& text) { return map::json_string(text); }

std::string iso8601_utc(int64_t epoch_ms) {
  const int64_t days = floor_div(epoch_ms, 86400000);
  const int64_t ms_of_day = epoch_ms - days * 86400000;
  int64_t year = 0;
  unsigned month = 0, day = 0;
  civil_from_days(days, year, month, day);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04" PRId64 "-%02u-%02uT%02" PRId64 ":%02" PRId64 ":%02" PRId64 ".%03" PRId64 "Z",
                year, month, day, ms_of_day / 3600000, ms_of_day / 60000 % 60, ms_of_day / 1000 % 60, ms_of_day % 1000);
  return buffer;
}

void write_log_csv(const std::filesystem::path& path, int64_t start_ms, const std::vector<GpsFix>& fixes,
                   LogColumns columns) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  check(out, path);
  out << "time,lat,lon,speed,heading,accuracy\n";
  char line[160];
  for (const auto& fix : fixes) {
    const int64_t ms = start_ms + std::llround(fix.time_s * 1000);
    // Rounded to the printed 0.1 degree first, so that 359.96 becomes 0.0 and not 360.0.
    double heading = std::round(fix.heading_deg * 10) / 10;
    if (heading >= 360) heading -= 360;
    std::snprintf(line, sizeof line, "%s,%.7f,%.7f,", iso8601_utc(ms).c_str(), fix.lat, fix.lon);
    out << line;
    if (columns.speed) out << format("%.2f", fix.speed_mps);
    out << ',';
    if (columns.heading) out << format("%.1f", heading);
    out << ',';
    if (columns.accuracy) out << format("%.1f", fix.accuracy_m);
    out << '\n';
  }
  out.flush();
  check(out, path);
}

// A JSON array of findings (violations or driving events) under `key`, without a trailing comma.
static void write_findings(std::ostream& out, const TruthHeader& header, const char* key, const std::vector<TruthViolation>& findings) {
  out << "  \"" << key << "\": [";
  for (size_t i = 0; i < findings.size(); ++i) {
    const auto& v = findings[i];
    out << (i ? ",\n    " : "\n    ") << "{\"type\": " << json_quoted(v.type)
        << ", \"start_time\": " << epoch_seconds(header.start_ms, v.start_s)
        << ", \"end_time\": " << epoch_seconds(header.start_ms, v.end_s) << ", \"lat\": " << format("%.7f", v.lat)
        << ", \"lon\": " << format("%.7f", v.lon) << ", \"osm_way_ids\": [";
    for (size_t w = 0; w < v.osm_way_ids.size(); ++w) out << (w ? ", " : "") << v.osm_way_ids[w];
    out << "], \"road_name\": " << json_quoted(v.road_name) << ", \"confidence\": 1.0, \"evidence\": {";
    for (size_t e = 0; e < v.evidence.size(); ++e) {
      const auto& field = v.evidence[e];
      out << (e ? ", " : "") << json_quoted(field.key) << ": "
          << (field.is_text ? json_quoted(field.text) : json_number(field.number));
    }
    out << "}}";
  }
  out << (findings.empty() ? "]" : "\n  ]");
}

void write_truth_json(const std::filesystem::path& path, const TruthHeader& header, const Truth& truth,
                      const std::vector<ReceiverGap>& gaps, const std::vector<GpsFix>& fixes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  check(out, path);
  out << "{\n  \"schema\": \"drivelog.truth/1\",\n  \"trip_id\": " << json_quoted(header.trip_id) << ",\n";
  out << "  \"simulation\": {\"seed\": " << header.seed << ", \"hz\": " << json_number(header.hz)
      << ", \"noise_m\": " << json_number(header.noise_m) << "},\n";
  out << "  \"route\": [";
  for (size_t i = 0; i < truth.route.size(); ++i) {
    const auto& r = truth.route[i];
    out << (i ? ",\n    " : "\n    ") << "{\"osm_way_id\": " << r.osm_way_id << ", \"road_name\": " << json_quoted(r.road_name)
        << ", \"forward\": " << (r.forward ? "true" : "false") << ", \"length_m\": " << format("%.1f", r.length_m)
        << ", \"start_time\": " << epoch_seconds(header.start_ms, r.start_s)
        << ", \"end_time\": " << epoch_seconds(header.start_ms, r.end_s) << "}";
  }
  out << (truth.route.empty() ? "],\n" : "\n  ],\n");
  out << "  \"receiver_gaps\": [";
  for (size_t i = 0; i < gaps.size(); ++i) {
    out << (i ? ", " : "") << "{\"start_time\": " << epoch_seconds(header.start_ms, gaps[i].start_s)
        << ", \"end_time\": " << epoch_seconds(header.start_ms, gaps[i].end_s) << "}";
  }
  out << "],\n";
  out << "  \"fix_times\": [";
  for (size_t i = 0; i < fixes.size(); ++i) {
    out << (i == 0 ? "" : i % 10 == 0 ? ",\n    " : ", ") << epoch_seconds(header.start_ms, fixes[i].time_s);
  }
  out << "],\n";
  write_findings(out, header, "violations", truth.violations);
  out << ",\n";
  write_findings(out, header, "events", truth.events);
  out << "\n}\n";
  out.flush();
  check(out, path);
}

}  // namespace drivelog::sim
