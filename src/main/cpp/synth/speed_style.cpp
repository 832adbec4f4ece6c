#include "synth/speed_style.hpp"

#include <array>
#include <string>

namespace drivelog::synth {
namespace {

// One weighted choice: a maxspeed value, "" for no tag, or "a|b" for maxspeed:forward=a,
// maxspeed:backward=b. Weights of one table sum to 100.
struct Choice {
  int weight;
  const char* value;
};

template <size_t N>
const char* pick(const std::array<Choice, N>& table, Random& rng) {
  int roll = static_cast<int>(rng.integer(0, 99));
  for (const auto& c : table) {
    if (roll < c.weight) {
      return c.value;
    }
    roll -= c.weight;
  }
  return table.back().value;
}

const char* choose(SpeedStyle style, RoadKind kind, Random& rng) {
  using K = RoadKind;
  switch (style) {
    case SpeedStyle::de:
      switch (kind) {
        case K::urban_arterial: return pick(std::array<Choice, 6>{{{55, "50"}, {15, "DE:urban"}, {5, "30"}, {5, "50|30"}, {5, "70|50"}, {15, ""}}}, rng);
        case K::residential: return pick(std::array<Choice, 4>{{{40, "30"}, {15, "DE:zone30"}, {15, "DE:urban"}, {30, ""}}}, rng);
        case K::living_street: return pick(std::array<Choice, 3>{{{30, "walk"}, {20, "DE:living_street"}, {50, ""}}}, rng);
        case K::service: return pick(std::array<Choice, 2>{{{10, "20"}, {90, ""}}}, rng);
        case K::rural: return pick(std::array<Choice, 5>{{{35, "100"}, {20, "DE:rural"}, {20, "70"}, {10, "100|70"}, {15, ""}}}, rng);
        case K::motorway: return pick(std::array<Choice, 7>{{{35, "none"}, {15, "130"}, {20, "120"}, {5, "100"}, {10, "DE:motorway"}, {3, "signals"}, {12, ""}}}, rng);
        case K::motorway_link: return pick(std::array<Choice, 3>{{{25, "80"}, {15, "60"}, {60, ""}}}, rng);
      }
      break;
    case SpeedStyle::fr:
      switch (kind) {
        case K::urban_arterial: return pick(std::array<Choice, 5>{{{50, "50"}, {20, "FR:urban"}, {5, "30"}, {10, "50|30"}, {15, ""}}}, rng);
        case K::residential: return pick(std::array<Choice, 4>{{{35, "30"}, {20, "FR:zone30"}, {15, "FR:urban"}, {30, ""}}}, rng);
        case K::living_street: return pick(std::array<Choice, 2>{{{40, "20"}, {60, ""}}}, rng);
        case K::service: return pick(std::array<Choice, 2>{{{10, "20"}, {90, ""}}}, rng);
        case K::rural: return pick(std::array<Choice, 5>{{{40, "80"}, {25, "FR:rural"}, {10, "90"}, {5, "80|70"}, {20, ""}}}, rng);
        case K::motorway: return pick(std::array<Choice, 4>{{{60, "130"}, {20, "FR:motorway"}, {10, "110"}, {10, ""}}}, rng);
        case K::motorway_link: return pick(std::array<Choice, 2>{{{35, "70"}, {65, ""}}}, rng);
      }
      break;
    case SpeedStyle::ru:
      switch (kind) {
        case K::urban_arterial: return pick(std::array<Choice, 4>{{{50, "60"}, {25, "RU:urban"}, {10, "40"}, {15, ""}}}, rng);
        case K::residential: return pick(std::array<Choice, 3>{{{30, "RU:urban"}, {20, "40"}, {50, ""}}}, rng);
        case K::living_street: return pick(std::array<Choice, 2>{{{40, "RU:living_street"}, {60, ""}}}, rng);
        case K::service: return pick(std::array<Choice, 2>{{{10, "20"}, {90, ""}}}, rng);
        case K::rural: return pick(std::array<Choice, 5>{{{35, "90"}, {35, "RU:rural"}, {10, "70"}, {5, "90|70"}, {15, ""}}}, rng);
        case K::motorway: return pick(std::array<Choice, 3>{{{60, "110"}, {20, "RU:motorway"}, {20, ""}}}, rng);
        case K::motorway_link: return pick(std::array<Choice, 2>{{{30, "60"}, {70, ""}}}, rng);
      }
      break;
    case SpeedStyle::gb_mph:
      switch (kind) {
        case K::urban_arterial: return pick(std::array<Choice, 4>{{{60, "30 mph"}, {15, "40 mph"}, {10, "40 mph|30 mph"}, {15, ""}}}, rng);
        case K::residential: return pick(std::array<Choice, 3>{{{45, "20 mph"}, {25, "30 mph"}, {30, ""}}}, rng);
        case K::living_street: return pick(std::array<Choice, 2>{{{40, "10 mph"}, {60, ""}}}, rng);
        case K::service: return pick(std::array<Choice, 2>{{{15, "10 mph"}, {85, ""}}}, rng);
        case K::rural: return pick(std::array<Choice, 5>{{{45, "60 mph"}, {20, "50 mph"}, {15, "GB:nsl_single"}, {5, "60 mph|40 mph"}, {15, ""}}}, rng);
        case K::motorway: return pick(std::array<Choice, 3>{{{80, "70 mph"}, {5, "50 mph"}, {15, ""}}}, rng);
        case K::motorway_link: return pick(std::array<Choice, 2>{{{30, "40 mph"}, {70, ""}}}, rng);
      }
      break;
  }
  return "";
}

}  // namespace

void add_speed_tags(SpeedStyle style, RoadKind kind, Random& rng, Tags& tags) {
  const std::string value = choose(style, kind, rng);
  if (value.empty()) {
    return;
  }
  const auto bar = value.find('|');
  if (bar == std::string::npos) {
    tags.emplace_back("maxspeed", value);
  } else {
    tags.emplace_back("maxspeed:forward", value.substr(0, bar));
    tags.emplace_back("maxspeed:backward", value.substr(bar + 1));
  }
}

}  // namespace drivelog::synth
