// Turns `--scale small|city|country|<target-bytes>` into the shape of the synthetic region.
#pragma once

#include "synth/country_layout.hpp"

#include <cstdint>
#include <string_view>

namespace drivelog::synth {

// Reference-map bytes (drivelog-map build) the builder makes per OSM object of a synthetic
// region, used to size `country` and `<target-bytes>`. Calibrated by measurement
// (docs/BENCHMARKS.md, "Synthetic maps"); the estimate is linear in the node and way counts.
struct MapSizeModel {
  double bytes_per_node = 40;
  double bytes_per_way = 60;
  [[nodiscard]] double estimate(uint64_t nodes, uint64_t ways) const {
    return bytes_per_node * static_cast<double>(nodes) + bytes_per_way * static_cast<double>(ways);
  }
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
