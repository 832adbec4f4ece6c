// A town or village: a slightly rotated, slightly irregular street grid with arterials, one-way
// streets, roundabouts, stop signs on minor approaches, turn restrictions and driveways.
#pragma once

#include "synth/speed_style.hpp"
#include "synth/tile_builder.hpp"

namespace drivelog::synth {

struct TownSpec {
  Point centre;
  int lines = 10;             // streets per direction
  double block_m = 100;       // distance between parallel streets
  double angle_rad = 0;       // rotation of the grid
  SpeedStyle style = SpeedStyle::de;
  bool main = false;          // a tile's main town (roundabouts, tertiary streets); else a village
  int max_shape_nodes = 2;    // intermediate nodes per block side
};

// The junctions where the town's through roads leave it, and how far the town reaches.
struct TownEnds {
  NodeRef west, east, south, north;
  double radius_m = 0;
};

// Half the diagonal of a grid with these dimensions: a town never reaches further from its centre.
double town_radius_m(int lines, double block_m);

TownEnds build_town(TileBuilder& tile, const TownSpec& spec);

}  // namespace drivelog::synth
