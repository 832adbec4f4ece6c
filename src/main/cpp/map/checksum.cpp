#include "map/checksum.hpp"

#include <zlib.h>

#include <algorithm>

namespace drivelog::map {

uint32_t crc32_update(uint32_t crc, std::span<const std::byte> bytes) {
  constexpr std::size_t kChunk = std::size_t{1} << 30;
  uLong value = crc;
  while (!bytes.empty()) {
    const std::size_t n = std::min(bytes.size(), kChunk);
    value = ::crc32(value, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(n));
    bytes = bytes.subspan(n);
  }
  return static_cast<uint32_t>(value);
}

}  // namespace drivelog::map
