#include "patched_map.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace drivelog::scenario {

PatchedMap::PatchedMap(const std::string& source_path) : path_(source_path + ".patched") {
  std::ifstream in(source_path, std::ios::binary);
  const std::vector<char> chars{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (chars.size() < sizeof(map::format::FileHeader)) throw std::runtime_error("not a map: " + source_path);
  bytes_.resize(chars.size());
  std::memcpy(bytes_.data(), chars.data(), chars.size());
}

PatchedMap::~PatchedMap() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

std::span<std::byte> PatchedMap::section(map::format::SectionId id) {
  map::format::FileHeader header;
  std::memcpy(&header, bytes_.data(), sizeof header);
  const map::format::SectionEntry& s = header.sections[static_cast<uint32_t>(id) - 1];
  return std::span<std::byte>(bytes_).subspan(s.offset, s.size);
}

map::MapView PatchedMap::open() {
  map::format::FileHeader header;
  std::memcpy(&header, bytes_.data(), sizeof header);
  header.header_crc32 = map::format::header_checksum(header);
  std::memcpy(bytes_.data(), &header, sizeof header);
  std::ofstream(path_, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(bytes_.data()), static_cast<std::streamsize>(bytes_.size()));
  return map::MapView::open(path_);
}

}  // namespace drivelog::scenario
