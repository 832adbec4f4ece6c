#include "osm/tag_problems.hpp"

namespace drivelog::osm {

void TagProblems::add(std::string_view key, std::string_view value) {
  ++total_;
  std::string entry = std::string(key) + "=" + std::string(value.substr(0, 60));
  auto it = counts_.find(entry);
  if (it != counts_.end()) {
    ++it->second;
    return;
  }
  if (counts_.size() >= kMaxDistinct) entry = std::string(key) + "=(other values)";
  ++counts_[entry];
}

}  // namespace drivelog::osm
