// Position along a Hilbert curve: nearby keys are nearby places, so sorting nodes and edges by key
// keeps one drive's lookups on few pages of the map file.
#pragma once

#include <cstdint>

#include "map/map_types.hpp"

namespace drivelog::map {

// Key of cell (x, y) on a 2^16 x 2^16 Hilbert curve.
inline uint32_t hilbert_key(uint32_t x, uint32_t y) {
  uint32_t key = 0;
  for (uint32_t s = 1u << 15; s > 0; s >>= 1) {
    const uint32_t rx = (x & s) ? 1u : 0u;
    const uint32_t ry = (y & s) ? 1u : 0u;
    key += s * s * ((3u * rx) ^ ry);
    if (ry == 0) {  // rotate the quadrant so the curve stays continuous
      if (rx == 1) {
        x = 65535u - x;
        y = 65535u - y;
      }
      const uint32_t t = x;
      x = y;
      y = t;
    }
  }
  return key;
}

// Key of a position inside `box`, which is divided into 2^16 x 2^16 cells.
inline uint32_t hilbert_key(Coord c, const BoundingBox& box) {
  const auto scale = [](int32_t v, int32_t lo, int32_t hi) -> uint32_t {
    const int64_t span = static_cast<int64_t>(hi) - lo;
    if (span <= 0) return 0;
    const int64_t cell = (static_cast<int64_t>(v) - lo) * 65535 / span;
    return static_cast<uint32_t>(cell < 0 ? 0 : (cell > 65535 ? 65535 : cell));
  };
  return hilbert_key(scale(c.lon_e7, box.min.lon_e7, box.max.lon_e7), scale(c.lat_e7, box.min.lat_e7, box.max.lat_e7));
}

}  // namespace drivelog::map
