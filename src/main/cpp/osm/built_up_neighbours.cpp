#include "osm/built_up_neighbours.hpp"

#include <algorithm>
#include <numeric>

namespace drivelog::osm {
namespace {

// Union-find over the undecided service roads: the ones sharing a node form one place.
class Groups {
 public:
  explicit Groups(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t root(uint32_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void join(uint32_t a, uint32_t b) { parent_[root(a)] = root(b); }

 private:
  std::vector<uint32_t> parent_;
};

void sort_unique(std::vector<int64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

void BuiltUpNeighbours::add_way(uint32_t index, uint32_t legal_key, bool service, std::span<const int64_t> nodes) {
  switch (legal_.built_up(legal_key)) {
    case BuiltUp::urban: urban_nodes_.insert(urban_nodes_.end(), nodes.begin(), nodes.end()); break;
    case BuiltUp::rural: rural_nodes_.insert(rural_nodes_.end(), nodes.begin(), nodes.end()); break;
    case BuiltUp::unknown:
      if (!service) break;
      for (const int64_t n : nodes) undecided_nodes_.emplace_back(n, static_cast<uint32_t>(undecided_.size()));
      undecided_.push_back(Undecided{index, legal_key});
      break;
  }
}

std::vector<std::pair<uint32_t, uint32_t>> BuiltUpNeighbours::keys_from_neighbours() {
  sort_unique(urban_nodes_);
  sort_unique(rural_nodes_);
  std::sort(undecided_nodes_.begin(), undecided_nodes_.end());
  Groups groups(undecided_.size());
  for (std::size_t i = 1; i < undecided_nodes_.size(); ++i) {
    if (undecided_nodes_[i].first == undecided_nodes_[i - 1].first) groups.join(undecided_nodes_[i].second, undecided_nodes_[i - 1].second);
  }
  constexpr uint8_t kUrban = 1, kRural = 2;
  std::vector<uint8_t> told(undecided_.size(), 0);
  for (const auto& [node, road] : undecided_nodes_) {
    uint8_t& t = told[groups.root(road)];
    if (std::binary_search(urban_nodes_.begin(), urban_nodes_.end(), node)) t |= kUrban;
    if (std::binary_search(rural_nodes_.begin(), rural_nodes_.end(), node)) t |= kRural;
  }
  std::vector<std::pair<uint32_t, uint32_t>> out;
  out.reserve(undecided_.size());
  for (uint32_t i = 0; i < undecided_.size(); ++i) {
    const uint8_t t = told[groups.root(i)];
    const BuiltUp area = t == kUrban ? BuiltUp::urban : t == kRural ? BuiltUp::rural : BuiltUp::unknown;
    out.emplace_back(undecided_[i].way_index, legal_.key_with_surroundings(undecided_[i].legal_key, area));
  }
  return out;
}

}  // namespace drivelog::osm
