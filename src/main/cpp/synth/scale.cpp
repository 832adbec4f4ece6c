#include "synth/scale.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace drivelog::synth {
namespace {

// Average nodes of a country tile (8 km x 8 km, drawn town sizes), measured over 210 tiles
// (drivelog-synth --scale 100M prints the counts); see docs/SYNTH.md.
constexpr double kNodesPerTile = 6'960;

uint64_t parse_bytes(std::string_view text) {
  if (text.empty()) throw std::invalid_argument("empty");
  uint64_t multiplier = 1;
  const char last = text.back();
  if (last == 'K' || last == 'k') multiplier = 1'000;
  if (last == 'M' || last == 'm') multiplier = 1'000'000;
  if (last == 'G' || last == 'g') multiplier = 1'000'000'000;
  if (multiplier != 1) text.remove_suffix(1);
  if (text.empty() || text.size() > 15) throw std::invalid_argument("bad number");
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') throw std::invalid_argument("bad number");
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  if (value == 0) throw std::invalid_argument("zero");
  return value * multiplier;
}

}  // namespace

LayoutParams layout_for_map_bytes(uint64_t map_bytes, uint64_t seed) {
  const MapSizeModel model;
  const double per_tile = model.estimate(static_cast<uint64_t>(kNodesPerTile));
  const double tiles = static_cast<double>(map_bytes) / per_tile;
  LayoutParams p;
  p.seed = seed;
  if (tiles < 1) {
    // Less than a tile: one tile whose main town has a fraction of the usual streets (the street
    // count grows with the square root of the area).
    p.main_town_lines = std::max(4, static_cast<int>(std::lround(std::sqrt(tiles) * 34)));
    return p;
  }
  const auto count = static_cast<int>(std::lround(tiles));
  p.tiles_x = std::max(1, static_cast<int>(std::lround(std::sqrt(count))));
  p.tiles_y = std::max(1, static_cast<int>(std::lround(static_cast<double>(count) / p.tiles_x)));
  return p;
}

ScalePlan plan_scale(std::string_view scale, uint64_t seed) {
  ScalePlan plan;
  if (scale == "small") {
    plan.layout.seed = seed;
    plan.layout.showcase = true;
    plan.layout.tile_m = 12'000;
    plan.layout.main_town_lines = 44;
    return plan;
  }
  if (scale == "city") {
    plan.layout.seed = seed;
    plan.layout.tile_m = 64'000;
    plan.layout.main_town_lines = 310;
    return plan;
  }
  if (scale == "country") {
    plan.target_map_bytes = kCountryMapBytes;
    plan.layout = layout_for_map_bytes(plan.target_map_bytes, seed);
    return plan;
  }
  try {
    plan.target_map_bytes = parse_bytes(scale);
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument("--scale: expected small, city, country or a map size in bytes (e.g. 500000000, 500M, 4G), got '" +
                                std::string(scale) + "'");
  }
  plan.layout = layout_for_map_bytes(plan.target_map_bytes, seed);
  return plan;
}

}  // namespace drivelog::synth
