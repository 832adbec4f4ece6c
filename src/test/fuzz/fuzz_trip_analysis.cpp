// libFuzzer target: the C ABI's trip analysis (capi/drivelog.h) with arbitrary columns and config
// on a small town map built once. Any status but OK (or BAD_INPUT where the input is refused by
// design) is a bug, and so is a result that is not strict JSON, has a null where the format
// promises a number (docs/RESULT_FORMAT.md) or differs when the same trip is analysed again.
//
// Input layout (make_trip_seeds.py writes seeds in it):
//   byte 0 flags: bit 0/1/2 the speed/heading/accuracy column is given; bit 3 matched=true;
//     bit 4 claim 2^40 points (must be refused, nothing read); bits 5-7 config lines that follow
//   config line: uint8 key (index into every analysis key, modulo), uint8 kind, then by kind % 4:
//     0 uint16 written as an integer; 1 int16 / 100 as a decimal; 2 a double (raw bits, so NaN and
//     infinities too) printed with %.17g; 3 uint8 n and n bytes of raw text
//   then points until the input ends (at most kMaxPoints), each a uint8 mode and by mode % 4:
//     0 a step from the previous point: int8 half seconds (<= 0 goes back or repeats a time),
//       int16 dlat and int16 dlon in 1e-6 degree, uint8 speed in 0.25 m/s, uint16 heading in
//       0.01 degree (up to 655), uint8 accuracy in metres
//     1 raw: double time, lat, lon; float speed, heading, accuracy
//     2 a gap: uint16 seconds forward, then a step as in 0
//     3 the previous point again, same time
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "byte_reader.hpp"
#include "capi/analysis_config.hpp"
#include "capi/drivelog.h"
#include "json_check.hpp"
#include "require.hpp"
#include "scenario.hpp"

namespace {

using drivelog::fuzz::ByteReader;
using drivelog::fuzz::require;

constexpr std::size_t kMaxPoints = 5000;
constexpr double kStartTime = 1795161600.0;

// The town: two-way, one-way and closed streets, limits, stop signs, a no-turn and an only-turn.
struct Town {
  drivelog::scenario::Scenario scenario{R"(
A-----B-----C
|     |     |
D-----E-----F
|     |     |
G-----H-----I
)",
                                        20,
                                        {drivelog::scenario::way("ABC", 1, "North").maxspeed(30),
                                         drivelog::scenario::way("DEF", 2, "Middle").oneway(),
                                         drivelog::scenario::way("GHI", 3, "South").closed(),
                                         drivelog::scenario::way("ADG", 4, "West").maxspeed(50),
                                         drivelog::scenario::way("BEH", 5, "Centre"),
                                         drivelog::scenario::way("CFI", 6, "East").oneway().maxspeed_mph(20)},
                                        {{'E', drivelog::map::StopDirection::all}, {'B', drivelog::map::StopDirection::forward}},
                                        {{900, drivelog::map::RestrictionKind::no, 5, 'E', 2},
                                         {901, drivelog::map::RestrictionKind::only, 4, 'D', 2}}};
  drivelog_map* map = nullptr;
  std::vector<std::string> keys;  // every key the analyzer config accepts

  Town() {
    char error[512] = "";
    require(drivelog_map_open(scenario.path().c_str(), &map, error, sizeof error) == DRIVELOG_OK, "town map opens", error);
    const std::string all = drivelog::capi::describe_analysis_config(drivelog::capi::AnalysisConfig{});
    std::size_t start = 0;
    while (start < all.size()) {
      const std::size_t end = std::min(all.find('\n', start), all.size());
      const std::string line = all.substr(start, end - start);
      if (const std::size_t eq = line.find('='); eq != std::string::npos) keys.push_back(line.substr(0, eq));
      start = end + 1;
    }
    require(keys.size() > 20, "the analysis keys are known");
  }
};

Town* g_town = nullptr;

std::string config_text(ByteReader& in, int lines, bool matched) {
  std::string text = matched ? "matched=true\n" : "";
  for (int i = 0; i < lines; ++i) {
    const std::string& key = g_town->keys[in.next<uint8_t>() % g_town->keys.size()];
    const uint8_t kind = in.next<uint8_t>();
    char value[64] = "";
    switch (kind % 4) {
      case 0: std::snprintf(value, sizeof value, "%u", unsigned{in.next<uint16_t>()}); break;
      case 1: std::snprintf(value, sizeof value, "%.2f", in.next<int16_t>() / 100.0); break;
      case 2: std::snprintf(value, sizeof value, "%.17g", in.next<double>()); break;
      default: {
        const std::string_view raw = in.text(in.next<uint8_t>());
        text += key + "=" + std::string(raw) + "\n";
        continue;
      }
    }
    text += key + "=" + value + "\n";
  }
  return text;
}

struct Columns {
  std::vector<double> time_s, lat, lon;
  std::vector<float> speed_mps, heading_deg, accuracy_m;
};

Columns trip_columns(ByteReader& in) {
  Columns c;
  const drivelog::map::Coord start = g_town->scenario.coord('A');
  double t = kStartTime, lat = start.lat(), lon = start.lon();
  float speed = 0, heading = 0, accuracy = 5;
  while (!in.empty() && c.time_s.size() < kMaxPoints) {
    const uint8_t mode = in.next<uint8_t>();
    switch (mode % 4) {
      case 1:
        t = in.next<double>();
        lat = in.next<double>();
        lon = in.next<double>();
        speed = in.next<float>();
        heading = in.next<float>();
        accuracy = in.next<float>();
        break;
      case 3:
        break;
      default:
        if (mode % 4 == 2) t += in.next<uint16_t>();
        t += in.next<int8_t>() * 0.5;
        lat += in.next<int16_t>() * 1e-6;
        lon += in.next<int16_t>() * 1e-6;
        speed = static_cast<float>(in.next<uint8_t>()) * 0.25F;
        heading = static_cast<float>(in.next<uint16_t>()) * 0.01F;
        accuracy = static_cast<float>(in.next<uint8_t>());
        break;
    }
    c.time_s.push_back(t);
    c.lat.push_back(lat);
    c.lon.push_back(lon);
    c.speed_mps.push_back(speed);
    c.heading_deg.push_back(heading);
    c.accuracy_m.push_back(accuracy);
  }
  return c;
}

// Where the format allows null: the summary's times of a trip without usable points, and evidence
// values (a detail a detector could not compute).
bool null_allowed(const std::string& path, const std::string& json) {
  // docs/RESULT_FORMAT.md, "null means not known": evidence values, the severity of a type that is
  // not graded, the reason for undecided event time when nothing was undecided, and the times of a
  // trip without usable points.
  if (path.starts_with("violations[].evidence.") || path.starts_with("events[].evidence.")) return true;
  if (path == "violations[].severity" || path == "events[].severity" || path == "summary.events.undecided_reason") return true;
  return (path == "summary.start_time" || path == "summary.end_time") &&
         json.find("\"points_used\":0,") != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_town = new Town();  // lives as long as the process: libFuzzer never returns from its loop
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ByteReader in(data, size);
  const auto flags = in.next<uint8_t>();
  const bool huge_count = (flags & 16) != 0;
  const std::string config = config_text(in, flags >> 5, (flags & 8) != 0);

  drivelog_analyzer* analyzer = nullptr;
  char error[512] = "";
  const int32_t created = drivelog_analyzer_create(g_town->map, config.c_str(), &analyzer, error, sizeof error);
  if (created != DRIVELOG_OK) {
    require(created == DRIVELOG_BAD_INPUT && analyzer == nullptr && error[0] != '\0',
            "a config is accepted or refused as bad input with a message", config + "\n" + error);
    return 0;
  }

  const Columns c = trip_columns(in);
  const size_t count = huge_count ? (size_t{1} << 40) : c.time_s.size();
  const float* speed = (flags & 1) != 0 ? c.speed_mps.data() : nullptr;
  const float* heading = (flags & 2) != 0 ? c.heading_deg.data() : nullptr;
  const float* accuracy = (flags & 4) != 0 ? c.accuracy_m.data() : nullptr;
  std::string first;
  for (int round = 0; round < 2; ++round) {
    const char* json = nullptr;
    size_t len = 0;
    error[0] = '\0';
    const int32_t status = drivelog_analyze(analyzer, "fuzz", count, c.time_s.data(), c.lat.data(), c.lon.data(),
                                            speed, heading, accuracy, &json, &len, error, sizeof error);
    if (huge_count) {
      // (An empty trip's columns may be NULL, which is refused first.)
      require(status == DRIVELOG_BAD_INPUT && (std::strstr(error, "max_points") != nullptr || c.time_s.empty()),
              "a trip over analysis.max_points is refused before it is read", error);
      break;
    }
    if (status == DRIVELOG_BAD_INPUT && std::strstr(error, "exceed analysis.max_points") != nullptr) break;  // as configured
    require(status == DRIVELOG_OK, "a trip on a sound map is analysed", config + "\n" + error);
    require(json != nullptr && std::strlen(json) == len, "the result is NUL-terminated at result_len");
    const std::string text(json, len);
    std::vector<std::string> nulls;
    const std::string syntax = drivelog::test::json_syntax_error(text, &nulls);
    require(syntax.empty(), "the result is strict JSON", syntax + "\n" + text);
    for (const std::string& path : nulls) require(null_allowed(path, text), "no null where a number is promised", path + "\n" + text);
    if (round == 0) first = text;
    else require(text == first, "the same trip gives the same result again", first + "\n" + text);
  }
  drivelog_analyzer_destroy(analyzer);
  return 0;
}
