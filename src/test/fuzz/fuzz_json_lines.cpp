// libFuzzer target: the JSON Lines scanner behind the Java reader (logs/json_line_scanner,
// drivelog_jsonl_scan). The first bytes draw the layout (zone, hdop factor, batch size) and which key
// table it is given (Traccar's and common keys, or a table read from the input itself, which must be
// refused or taken without harm); the rest is the text. Held: it stops right after a newline, one row
// per line taken, for the reason it gives, writes only rows it took, takes no line with a byte outside
// ASCII or a backslash (those are Java's), gives points finite times and positions and vehicle ids
// inside the lines taken, and line by line gives the same rows, bit for bit, as in one batch.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "logs/json_line_scanner.hpp"
#include "require.hpp"

namespace {

using drivelog::fuzz::require;
using drivelog::logs::JsonField;
using drivelog::logs::LineKind;
using drivelog::logs::ScanStop;

std::vector<std::uint8_t> common_keys() {
  const std::pair<const char*, JsonField> keys[] = {
      {"deviceId", JsonField::vehicle}, {"fixTime", JsonField::time},       {"deviceTime", JsonField::time},
      {"serverTime", JsonField::ignored}, {"valid", JsonField::valid},     {"latitude", JsonField::lat},
      {"longitude", JsonField::lon},    {"speed", JsonField::speed},        {"course", JsonField::heading},
      {"accuracy", JsonField::accuracy}, {"time", JsonField::time},         {"lat", JsonField::lat},
      {"lon", JsonField::lon},          {"speed_kmh", JsonField::speed_kmh}, {"mph", JsonField::speed_mph},
      {"knots", JsonField::speed_knots}, {"speed_mps", JsonField::speed_mps}, {"hdop", JsonField::hdop},
      {"date", JsonField::date},        {"id", JsonField::ignored},         {"attributes", JsonField::ignored},
      {"", JsonField::ignored}};
  std::vector<std::uint8_t> bytes;
  for (const auto& [key, field] : keys) {
    const std::string_view k(key);
    const bool traccar = k == "fixTime" || k == "deviceTime" || k == "serverTime";
    bytes.push_back(static_cast<std::uint8_t>(k.size()));
    bytes.push_back(static_cast<std::uint8_t>(field));
    bytes.push_back(traccar ? drivelog::logs::kTraccarTimeKey : 0);
    bytes.insert(bytes.end(), k.begin(), k.end());
  }
  return bytes;
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

void fuzz_json_scanner(std::string_view input) {
  if (input.size() < 4) return;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(input[i]); };
  drivelog::logs::JsonLayout layout;
  layout.zone_is_utc = (byte(0) & 1) != 0;
  layout.hdop_uere_m = 1 + byte(0) / 16;
  layout.speed_factor = (byte(0) & 2) != 0 ? 1.0 : 1000.0 / 3600.0;
  const std::size_t capacity = 1 + byte(1) % 64;
  static const std::vector<std::uint8_t> common = common_keys();
  std::vector<std::uint8_t> table = common;
  std::string_view text = input.substr(3);
  if (byte(2) % 8 == 0) {  // a table from the input: any bytes, refused or taken
    const std::size_t n = std::min<std::size_t>(byte(3), input.size() - 4);
    table.assign(input.begin() + 4, input.begin() + 4 + static_cast<std::ptrdiff_t>(n));
    text = input.substr(4 + n);
  }
  drivelog::logs::JsonKeyTable keys;
  if (!keys.load(table.data(), table.size())) return;

  Rows whole(capacity);
  const auto result = drivelog::logs::scan_json_lines(text, layout, keys, whole.view());
  require(result.lines <= capacity && result.bytes <= text.size(), "within the text and the columns");
  require(result.bytes == 0 || text[result.bytes - 1] == '\n', "stops right after a newline");
  const std::string_view taken = text.substr(0, result.bytes);
  require(static_cast<std::size_t>(std::count(taken.begin(), taken.end(), '\n')) == result.lines,
          "one row per line taken");
  require(std::none_of(taken.begin(), taken.end(),
                       [](char c) { return c == '\\' || static_cast<unsigned char>(c) >= 0x80; }),
          "no line with an escape or a byte outside ASCII is taken");
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
              "a vehicle id lies inside the lines taken");
    }
  }
  for (std::size_t i = result.lines; i < capacity; ++i) {
    require(whole.kind[i] == LineKind{0} && whole.vehicle_at[i] == -2, "rows not taken are not written");
  }

  // Line by line: the same rows.
  Rows one(1);
  std::size_t at = 0;
  for (std::size_t i = 0; i < result.lines; ++i) {
    const auto step = drivelog::logs::scan_json_lines(text.substr(at), layout, keys, one.view());
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
  fuzz_json_scanner(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
