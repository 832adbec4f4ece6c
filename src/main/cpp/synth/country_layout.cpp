#include "synth/country_layout.hpp"

#include "synth/random.hpp"

#include <cmath>

namespace drivelog::synth {
namespace {

constexpr double kMetresPerDegreeLat = 111'320.0;
constexpr double kCentreLatDeg = 50.0;
constexpr double kCentreLonDeg = 10.0;
// One longitude scale for the whole country (that of 50 N), so tile borders are straight lines.
const double kMetresPerDegreeLon = kMetresPerDegreeLat * std::cos(kCentreLatDeg * 3.14159265358979323846 / 180.0);

// Salts that keep the hash streams of different decisions apart.
enum Salt : int64_t { kTile = 1, kEastGate, kNorthGate, kRowMotorway, kColumnMotorway, kRowHasMotorway,
                      kColumnHasMotorway, kStyle };

}  // namespace

CountryLayout::CountryLayout(const LayoutParams& params) : params_(params) {
  origin_lat_deg_ = kCentreLatDeg - params_.tiles_y * params_.tile_m / 2 / kMetresPerDegreeLat;
  origin_lon_deg_ = kCentreLonDeg - params_.tiles_x * params_.tile_m / 2 / kMetresPerDegreeLon;
}

uint64_t CountryLayout::tile_seed(int i, int j) const { return hash_key(params_.seed, {kTile, i, j}); }

bool CountryLayout::motorway_row(int j) const {
  if (params_.showcase || j == params_.tiles_y / 2) {
    return true;
  }
  return hash_key(params_.seed, {kRowHasMotorway, j}) % 4 == 0;
}

bool CountryLayout::motorway_column(int i) const {
  if (params_.showcase) {
    return false;
  }
  if (params_.tiles_x > 2 && i == params_.tiles_x / 3) {
    return true;
  }
  return hash_key(params_.seed, {kColumnHasMotorway, i}) % 5 == 0;
}

int CountryLayout::gate_slot(int i, int j, Gate gate) const {
  const bool row = motorway_row(j);
  const bool column = motorway_column(i);
  switch (gate) {
    case Gate::east_road: return 0;
    case Gate::north_road: return 1;
    case Gate::east_motorway_forward: return row ? 2 : -1;
    case Gate::east_motorway_backward: return row ? 3 : -1;
    case Gate::north_motorway_forward: return column ? (row ? 4 : 2) : -1;
    case Gate::north_motorway_backward: return column ? (row ? 5 : 3) : -1;
  }
  return -1;
}

int CountryLayout::gate_count(int i, int j) const {
  return 2 + (motorway_row(j) ? 2 : 0) + (motorway_column(i) ? 2 : 0);
}

double CountryLayout::east_road_gate_m(int i, int j) const {
  return params_.tile_m * (0.42 + 0.16 * unit_from_hash(hash_key(params_.seed, {kEastGate, i, j})));
}

double CountryLayout::north_road_gate_m(int i, int j) const {
  return params_.tile_m * (0.42 + 0.16 * unit_from_hash(hash_key(params_.seed, {kNorthGate, i, j})));
}

double CountryLayout::row_motorway_m(int edge_i, int j) const {
  return 600 + 700 * unit_from_hash(hash_key(params_.seed, {kRowMotorway, edge_i, j}));
}

double CountryLayout::column_motorway_m(int i, int edge_j) const {
  return 600 + 700 * unit_from_hash(hash_key(params_.seed, {kColumnMotorway, i, edge_j}));
}

SpeedStyle CountryLayout::tile_style(int i, int j) const {
  if (params_.showcase) {
    return SpeedStyle::de;
  }
  const auto roll = hash_key(params_.seed, {kStyle, i, j}) % 100;
  if (roll < 70) return SpeedStyle::de;
  if (roll < 82) return SpeedStyle::fr;
  if (roll < 90) return SpeedStyle::ru;
  return SpeedStyle::gb_mph;
}

double CountryLayout::latitude(int j, double y_m) const {
  return origin_lat_deg_ + (j * params_.tile_m + y_m) / kMetresPerDegreeLat;
}

double CountryLayout::longitude(int i, double x_m) const {
  return origin_lon_deg_ + (i * params_.tile_m + x_m) / kMetresPerDegreeLon;
}

}  // namespace drivelog::synth
