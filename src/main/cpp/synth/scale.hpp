// Turns `--scale small|city|country|<target-bytes>` into the shape of the synthetic region.
#pragma once

#include "synth/country_layout.hpp"

#include <cstdint>
#include <string_view>

namespace drivelog::synth {

// Reference-map bytes (drivelog-map build) per OSM node of a synthetic region, used to size
// `country` and `<target-bytes>`. Measured (docs/BENCHMARKS.md, "Synthetic maps"): the map grows
// with the road geometry, and the generator's ways-per-node ratio is nearly constant, so one
// figure per node is as good as a fit on nodes and ways.
struct MapSizeModel {
  double bytes_per_node = 66.3;
  [[nodiscard]] double estimate(uint64_t nodes) const { return bytes_per_node * static_cast<double>(nodes); }
};

// Map size the `country` scale aims for: comfortably above 3 GB.
inline constexpr uint64_t kCountryMapBytes = 3'400'000'000ULL;

struct ScalePlan {
  LayoutParams layout;
  uint64_t target_map_bytes = 0;  // 0 for the named scales small and city
};

// Parses a scale name or a byte count ("250000000", "250M", "3G"; K/M/G are powers of 1000).
// Throws std::invalid_argument with a message naming the bad value.
ScalePlan plan_scale(std::string_view scale, uint64_t seed);

// Tiles needed for about `map_bytes` of reference map, and the grid that holds them.
LayoutParams layout_for_map_bytes(uint64_t map_bytes, uint64_t seed);

}  // namespace drivelog::synth
