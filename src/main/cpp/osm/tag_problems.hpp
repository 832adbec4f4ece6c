// Counts the tag values an import could not interpret ("maxspeed=fast": 3), for the build report.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace drivelog::osm {

class TagProblems {
 public:
  // Records one occurrence of key=value. Values are cut to 60 bytes; beyond kMaxDistinct
  // distinct entries, further ones are counted under "<key>=(other values)".
  void add(std::string_view key, std::string_view value);

  [[nodiscard]] const std::map<std::string, uint64_t>& counts() const { return counts_; }
  [[nodiscard]] uint64_t total() const { return total_; }

  static constexpr std::size_t kMaxDistinct = 500;

 private:
  std::map<std::string, uint64_t> counts_;
  uint64_t total_ = 0;
};

}  // namespace drivelog::osm
