// CRC-32 (zlib's polynomial) over spans of any size; zlib itself takes at most 4 GiB per call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace drivelog::map {

// Continues `crc` (start with 0) over `bytes`.
uint32_t crc32_update(uint32_t crc, std::span<const std::byte> bytes);

}  // namespace drivelog::map
