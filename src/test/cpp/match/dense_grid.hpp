// A generated dense street grid, larger than any drawn scenario: n x n junctions about
// `block_m` apart, for tests that need searches settling thousands of nodes.
//
// Junction positions are jittered (deterministically, up to a fifth of a block) so that edge
// lengths differ and shortest paths are unique in practice. Every third row is one-way eastwards
// and every fifth column one-way southwards, so routes that go against them carry the wrong-way
// penalty; every seventh row's block from column 3 to 4 is closed to motor vehicles.
#pragma once

#include <cstdint>
#include <string>

#include "map/map_view.hpp"

namespace drivelog::scenario {

class DenseGrid {
 public:
  DenseGrid(uint32_t n, double block_m, uint32_t seed = 1);
  ~DenseGrid();
  DenseGrid(const DenseGrid&) = delete;
  DenseGrid& operator=(const DenseGrid&) = delete;

  [[nodiscard]] const map::MapView& map() const { return view_; }
  [[nodiscard]] uint32_t size() const { return n_; }
  // OSM node id of junction (row, col); row 0 is the northern edge, col 0 the western.
  [[nodiscard]] static int64_t osm_node_id(uint32_t row, uint32_t col) { return 1 + int64_t{row} * 100000 + col; }
  // The map's node index of junction (row, col).
  [[nodiscard]] uint32_t node(uint32_t row, uint32_t col) const;

 private:
  uint32_t n_;
  std::string path_;
  map::MapView view_;
};

}  // namespace drivelog::scenario
