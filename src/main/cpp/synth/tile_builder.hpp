// Accumulates one tile's nodes and ways and finishes the parts that need the whole tile:
// stop-sign directions (known once ways are cut and oriented) and turn restrictions (chosen among
// the ways that end at a marked junction).
#pragma once

#include "synth/country_layout.hpp"
#include "synth/random.hpp"
#include "synth/tile_model.hpp"

#include <cstdint>
#include <vector>

namespace drivelog::synth {

// How a stop sign says which approach it belongs to.
enum class StopForm : uint8_t { direction, stop_direction, undirected };

// A position in tile-local metres.
struct Point {
  double x_m = 0;
  double y_m = 0;
};

class TileBuilder {
 public:
  TileBuilder(const CountryLayout& layout, int i, int j);

  [[nodiscard]] const CountryLayout& layout() const { return layout_; }
  [[nodiscard]] int column() const { return i_; }
  [[nodiscard]] int row() const { return j_; }
  [[nodiscard]] double tile_m() const { return layout_.params().tile_m; }
  Random& rng() { return rng_; }

  NodeRef add_node(Point p);
  // A gate node owned by an earlier tile, seen at `p` in this tile's coordinates.
  NodeRef foreign_node(uint32_t tile, uint32_t index, Point p);
  [[nodiscard]] Point position(NodeRef ref) const;
  [[nodiscard]] bool is_local(NodeRef ref) const { return ref.tile == tile_; }
  void tag_node(NodeRef ref, const char* key, std::string value);

  uint32_t add_way(std::vector<NodeRef> nodes, Tags tags, Travel travel);

  // `stop` is a node next to `junction` on the approach it controls; its tags are set in finish().
  void add_stop(NodeRef stop, NodeRef junction, StopForm form);
  // finish() may put a turn restriction among the ways that end at `junction`.
  void mark_restriction_junction(NodeRef junction);

  TileModel finish();

 private:
  struct PendingStop {
    NodeRef stop;
    NodeRef junction;
    StopForm form;
  };
  struct ForeignNode {
    NodeRef ref;
    Point position;
  };

  void resolve_stops();
  void add_restrictions();

  const CountryLayout& layout_;
  int i_;
  int j_;
  uint32_t tile_;
  Random rng_;
  TileModel model_;
  std::vector<ForeignNode> foreign_;
  std::vector<PendingStop> stops_;
  std::vector<uint32_t> restriction_junctions_;
};

}  // namespace drivelog::synth
