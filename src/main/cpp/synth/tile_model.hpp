// What the generator produces for one tile of the synthetic country, before it is written as OSM.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace drivelog::synth {

// OSM tags with literal keys; values are owned (street names are generated).
using Tags = std::vector<std::pair<const char*, std::string>>;

// A reference to a node: its tile (in writing order) and its index among that tile's nodes.
// Ways reference nodes of earlier tiles only at the shared border gates.
struct NodeRef {
  uint32_t tile = 0;
  uint32_t index = 0;
  friend bool operator==(const NodeRef&, const NodeRef&) = default;
};

// A node in tile-local metres (x east, y north of the tile's south-west corner).
struct SynthNode {
  double x_m = 0;
  double y_m = 0;
  Tags tags;
};

// Direction of legal travel along a way's node order.
enum class Travel : int8_t { both = 0, forward = 1, backward = -1 };

struct SynthWay {
  std::vector<NodeRef> nodes;
  Tags tags;
  Travel travel = Travel::both;
};

// A via-node turn restriction; ways and node are indices within the same tile.
struct SynthRestriction {
  uint32_t from_way = 0;
  uint32_t via_node = 0;
  uint32_t to_way = 0;
  Tags tags;
};

// One tile's objects. Nodes [0, gate_count) are the gates this tile owns on its east and north
// edges; neighbours reference them by index, so their order is fixed by the layout.
struct TileModel {
  std::vector<SynthNode> nodes;
  std::vector<SynthWay> ways;
  std::vector<SynthRestriction> restrictions;
};

}  // namespace drivelog::synth
