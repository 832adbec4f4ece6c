// Writes a synthetic region as an OSM file (PBF by default) with libosmium, streaming tile by tile.
#pragma once

#include "synth/country_layout.hpp"

#include <cstdint>
#include <string>

namespace drivelog::synth {

// What was written.
struct WriteStats {
  uint64_t tiles = 0;
  uint64_t nodes = 0;
  uint64_t ways = 0;
  uint64_t relations = 0;
  uint64_t way_node_refs = 0;
};

// Options of the writer besides the region's shape.
struct WriteOptions {
  std::string path;          // .osm.pbf (or any format libosmium derives from the suffix)
  unsigned threads = 0;      // compression threads for libosmium's pool; 0 = its default
};

// Generates every tile of `layout` three times (nodes, then ways, then relations) so that only one
// tile is in memory at a time while ids stay dense and increasing. Creates missing parent
// directories, writes `<name>.partial.<suffix>` and renames it at the end. Throws (osmium::io_error, std::system_error, naming the file) if it
// cannot be written; nothing is left behind then.
WriteStats write_synthetic_osm(const LayoutParams& layout, const WriteOptions& options);

}  // namespace drivelog::synth
