#include "tools/analyze/csv_trace.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace drivelog::tools {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"')) s.remove_suffix(1);
  return s;
}

bool parse_number(std::string_view s, double& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && end == s.data() + s.size();
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace

std::optional<double> parse_time(std::string_view text) {
  text = trim(text);
  double epoch = 0;
  if (parse_number(text, epoch)) return std::isfinite(epoch) ? std::optional<double>(epoch) : std::nullopt;
  // YYYY-MM-DDTHH:MM:SS[.fff][Z|+hh:mm|-hh:mm]
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(text, 0, 4, year) || text.size() < 19 || text[4] != '-' || !digits(text, 5, 2, month) ||
      text[7] != '-' || !digits(text, 8, 2, day) || (text[10] != 'T' && text[10] != ' ') ||
      !digits(text, 11, 2, hour) || text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' ||
      !digits(text, 17, 2, second)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  std::size_t pos = 19;
  double fraction = 0;
  if (pos < text.size() && text[pos] == '.') {
    double scale = 0.1;
    ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      fraction += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }
  int offset_s = 0;
  if (pos < text.size()) {
    if (text[pos] == 'Z' && pos + 1 == text.size()) {
      ++pos;
    } else if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 && text[pos + 3] == ':') {
      int oh = 0, om = 0;
      if (!digits(text, pos + 1, 2, oh) || !digits(text, pos + 4, 2, om)) return std::nullopt;
      offset_s = (oh * 3600 + om * 60) * (text[pos] == '+' ? 1 : -1);
      pos = text.size();
    } else {
      return std::nullopt;
    }
  }
  const int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return static_cast<double>(days * 86400 + hour * 3600 + minute * 60 + second - offset_s) + fraction;
}

bool parse_trace_csv(std::string_view text, const std::string& source, TraceFile& out, std::string& error) {
  out = TraceFile{};
  enum Column { kTime, kLat, kLon, kSpeed, kHeading, kAccuracy, kOther };
  std::vector<Column> columns;
  std::size_t line_number = 0;
  bool header_seen = false;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) continue;
    if (!header_seen) {
      if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // UTF-8 BOM
      bool have[3] = {false, false, false};
      while (true) {
        const std::size_t comma = line.find(',');
        const std::string_view name = trim(line.substr(0, comma));
        Column c = kOther;
        if (name == "time") c = kTime;
        if (name == "lat") c = kLat;
        if (name == "lon") c = kLon;
        if (name == "speed") c = kSpeed;
        if (name == "heading") c = kHeading;
        if (name == "accuracy") c = kAccuracy;
        if (c <= kLon) have[c] = true;
        columns.push_back(c);
        if (comma == std::string_view::npos) break;
        line = line.substr(comma + 1);
      }
      if (!have[kTime] || !have[kLat] || !have[kLon]) {
        error = source + ":" + std::to_string(line_number) + ": header must name the columns time, lat and lon";
        return false;
      }
      header_seen = true;
      continue;
    }
    double values[6] = {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    std::size_t index = 0;
    while (true) {
      const std::size_t comma = line.find(',');
      const std::string_view cell = trim(line.substr(0, comma));
      if (index >= columns.size()) {
        error = source + ":" + std::to_string(line_number) + ": more cells than the header has columns";
        return false;
      }
      const Column c = columns[index];
      if (c != kOther && !cell.empty()) {
        static constexpr const char* kNames[] = {"time", "lat", "lon", "speed", "heading", "accuracy"};
        bool ok = true;
        if (c == kTime) {
          const auto t = parse_time(cell);
          ok = t.has_value();
          if (ok) values[kTime] = *t;
        } else {
          ok = parse_number(cell, values[c]);
        }
        if (!ok) {
          error = source + ":" + std::to_string(line_number) + ": column " + kNames[c] + ": cannot read '" +
                  std::string(cell) + "'";
          return false;
        }
      }
      ++index;
      if (comma == std::string_view::npos) break;
      line = line.substr(comma + 1);
    }
    out.time_s.push_back(values[kTime]);
    out.lat.push_back(values[kLat]);
    out.lon.push_back(values[kLon]);
    out.speed_mps.push_back(static_cast<float>(values[kSpeed]));
    out.heading_deg.push_back(static_cast<float>(values[kHeading]));
    out.accuracy_m.push_back(static_cast<float>(values[kAccuracy]));
  }
  if (!header_seen) {
    error = source + ": empty file (expected a header time,lat,lon,speed,heading,accuracy)";
    return false;
  }
  return true;
}

bool read_trace_csv(const std::string& path, TraceFile& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = path + ": read error";
    return false;
  }
  return parse_trace_csv(buffer.str(), path, out, error);
}

}  // namespace drivelog::tools
