// The synthetic country as a grid of square tiles, and everything neighbouring tiles must agree
// on without seeing each other: border gates (where roads cross from tile to tile), motorway
// corridors, and the tile-to-degrees projection. All of it is a pure function of the seed.
#pragma once

#include "synth/speed_style.hpp"

#include <cstdint>

namespace drivelog::synth {

// Shape of the synthetic region. Tiles are generated (and written) row by row from the south-west.
struct LayoutParams {
  uint64_t seed = 1;
  int tiles_x = 1;            // columns (west to east)
  int tiles_y = 1;            // rows (south to north)
  double tile_m = 8'000;      // side of a square tile in metres
  int main_town_lines = 0;    // streets per direction of every tile's main town; 0 = drawn per tile
  bool showcase = false;      // one tile that must show every feature (the `small` scale)
};

// A road crossing a tile border: which slot of the owning tile holds the shared node.
enum class Gate : uint8_t { east_road = 0, north_road, east_motorway_forward, east_motorway_backward,
                            north_motorway_forward, north_motorway_backward };

// Where tiles lie, which corridors cross them, and the gate nodes they share. Tile (i, j) owns the
// gates on its east and north borders; its west and south gates belong to its neighbours.
class CountryLayout {
 public:
  explicit CountryLayout(const LayoutParams& params);

  [[nodiscard]] const LayoutParams& params() const { return params_; }
  [[nodiscard]] int tile_count() const { return params_.tiles_x * params_.tiles_y; }
  [[nodiscard]] uint32_t tile_index(int i, int j) const { return static_cast<uint32_t>(j * params_.tiles_x + i); }
  [[nodiscard]] uint64_t tile_seed(int i, int j) const;

  // A motorway runs west-east through every tile of row j / south-north through column i.
  [[nodiscard]] bool motorway_row(int j) const;
  [[nodiscard]] bool motorway_column(int i) const;

  // Slot of `gate` among the first nodes of tile (i, j), or -1 if that tile has no such gate.
  [[nodiscard]] int gate_slot(int i, int j, Gate gate) const;
  [[nodiscard]] int gate_count(int i, int j) const;

  // Position of the road gate on the east border of tile (i, j), metres north of its south edge;
  // and of the north border's gate, metres east of its west edge.
  [[nodiscard]] double east_road_gate_m(int i, int j) const;
  [[nodiscard]] double north_road_gate_m(int i, int j) const;
  // A motorway's centre line where it crosses a tile border: row j's motorway at the vertical
  // border line x = edge_i * tile (metres north of the row's south edge); column i's motorway at
  // the horizontal border line y = edge_j * tile (metres east of the column's west edge).
  [[nodiscard]] double row_motorway_m(int edge_i, int j) const;
  [[nodiscard]] double column_motorway_m(int i, int edge_j) const;

  // Tagging convention of tile (i, j).
  [[nodiscard]] SpeedStyle tile_style(int i, int j) const;

  // Tile-local metres to WGS 84 degrees (the country is centred on 50 N, 10 E).
  [[nodiscard]] double latitude(int j, double y_m) const;
  [[nodiscard]] double longitude(int i, double x_m) const;

 private:
  LayoutParams params_;
  double origin_lat_deg_ = 0;
  double origin_lon_deg_ = 0;
};

}  // namespace drivelog::synth
