// Generates one tile of the synthetic country: its main town, villages, the arterials that lead to
// the border gates, and the motorways that cross it. A pure function of the layout and the tile:
// generating a tile twice gives the same model, which is what lets the writer make several passes.
#pragma once

#include "synth/country_layout.hpp"
#include "synth/tile_model.hpp"

namespace drivelog::synth {

TileModel generate_tile(const CountryLayout& layout, int i, int j);

}  // namespace drivelog::synth
