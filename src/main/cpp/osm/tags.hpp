// The tags of one OSM object as the interpreting functions see them: key/value views, no copies.
// Kept apart from libosmium so every rule can be tested with a literal list of tags.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace drivelog::osm {

class Tags {
 public:
  Tags() = default;
  Tags(std::initializer_list<std::pair<std::string_view, std::string_view>> tags) : tags_(tags) {}

  void add(std::string_view key, std::string_view value) { tags_.emplace_back(key, value); }
  void clear() { tags_.clear(); }

  // The value of `key`, or nothing if the object does not have it.
  [[nodiscard]] std::optional<std::string_view> get(std::string_view key) const {
    for (const auto& [k, v] : tags_) {
      if (k == key) return v;
    }
    return std::nullopt;
  }
  [[nodiscard]] bool is(std::string_view key, std::string_view value) const { return get(key) == value; }
  [[nodiscard]] const std::vector<std::pair<std::string_view, std::string_view>>& all() const { return tags_; }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> tags_;
};

// Whitespace-trimmed view.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace drivelog::osm
