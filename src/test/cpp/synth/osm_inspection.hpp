// Reads an OSM file back with libosmium and checks it the way an OSM consumer would: object
// order and ids, references, restriction geometry, stop sign directions; and counts the features.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace drivelog::synth::test {

struct OsmInspection {
  std::vector<std::string> problems;     // validity violations, one line each (empty = valid)
  std::map<std::string, int64_t> count;  // feature name -> how many (see osm_inspection.cpp)
  int64_t nodes = 0;
  int64_t ways = 0;
  int64_t relations = 0;

  [[nodiscard]] int64_t operator[](const std::string& feature) const {
    const auto it = count.find(feature);
    return it == count.end() ? 0 : it->second;
  }
};

OsmInspection inspect_osm(const std::string& path);

}  // namespace drivelog::synth::test
