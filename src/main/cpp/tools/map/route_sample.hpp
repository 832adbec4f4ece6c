// A plausible drive for benchmarks: the shortest path from a seeded random start to the node
// whose road distance is closest to the wanted length, sampled as GPS-like points.
#pragma once

#include <cstdint>
#include <vector>

#include "map/map_view.hpp"

namespace drivelog::tools::map {

struct SampledRoute {
  std::vector<uint32_t> edges;                 // in driving order
  std::vector<drivelog::map::Coord> points;    // along the route, every `spacing_m`
  double length_m = 0;
};

// Tries a few starts (derived from `seed`) and keeps the route closest to `length_m`.
SampledRoute sample_route(const drivelog::map::MapView& map, double length_m, uint64_t seed, double spacing_m);

}  // namespace drivelog::tools::map
