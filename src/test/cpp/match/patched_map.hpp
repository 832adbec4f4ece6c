// A copy of a map file with records changed, for tests of what readers do with a damaged map:
//
//   PatchedMap damaged(scenario.path());
//   for (map::SegmentRef& ref : damaged.records<map::SegmentRef>(map::format::SectionId::grid_segments)) ...
//   const map::MapView m = damaged.open();
//
// The header checksum is recomputed, so the damage is inside a section, where only verify() looks.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "map/map_format.hpp"
#include "map/map_view.hpp"

namespace drivelog::scenario {

class PatchedMap {
 public:
  explicit PatchedMap(const std::string& source_path);
  ~PatchedMap();  // removes the copy
  PatchedMap(const PatchedMap&) = delete;
  PatchedMap& operator=(const PatchedMap&) = delete;

  // The records of one section, to change in place before open().
  template <typename T>
  std::span<T> records(map::format::SectionId id) {
    const std::span<std::byte> bytes = section(id);
    return {reinterpret_cast<T*>(bytes.data()), bytes.size() / sizeof(T)};
  }
  std::span<std::byte> section(map::format::SectionId id);

  // Writes the copy and opens it.
  map::MapView open();
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::vector<std::byte> bytes_;
};

}  // namespace drivelog::scenario
