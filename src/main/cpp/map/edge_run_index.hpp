// Which run of a map array sorted by edge (stop signs by edge, turn restrictions by from_edge)
// belongs to an edge, without a search: a bit per edge that has a run, the set bits before each
// 64-bit word, and for each edge with a run, in edge order, its first index (then the end of the
// last run). An edge's rank among the set bits picks its run: a bit test for the many edges
// without one, a count of bits for the others. Two binary searches over the town's stop signs
// cost 58 instructions a call, and the matcher asks tens of times a fix.
#pragma once

#include <atomic>
#include <bit>
#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

namespace drivelog::map {

class EdgeRunIndex {
 public:
  // `records` sorted by `edge_of(record)`; records whose edge is not below `edge_count` (none in an
  // intact map) belong to no edge.
  template <typename Records, typename EdgeOf>
  void build(const Records& records, uint64_t edge_count, EdgeOf edge_of) {
    has_.assign(edge_count / 64 + 1, 0);
    first_.clear();
    uint32_t end = 0;
    for (uint32_t i = 0; i < records.size(); ++i) {
      const uint32_t e = edge_of(records[i]);
      if (e >= edge_count) continue;
      if (i == 0 || edge_of(records[i - 1]) != e) {
        first_.push_back(i);
        has_[e >> 6] |= uint64_t{1} << (e & 63);
      }
      end = i + 1;
    }
    first_.push_back(end);
    rank_.resize(has_.size());
    uint32_t before = 0;
    for (std::size_t w = 0; w < has_.size(); ++w) {
      rank_[w] = before;
      before += static_cast<uint32_t>(std::popcount(has_[w]));
    }
    edge_count_ = edge_count;
  }

  // [first, end) of `edge`'s run; {0, 0} for an edge without one.
  [[nodiscard]] std::pair<uint32_t, uint32_t> run_of(uint32_t edge) const {
    if (edge >= edge_count_) return {0, 0};
    const uint64_t word = has_[edge >> 6];
    const uint64_t bit = uint64_t{1} << (edge & 63);
    if ((word & bit) == 0) return {0, 0};
    const uint32_t rank = rank_[edge >> 6] + static_cast<uint32_t>(std::popcount(word & (bit - 1)));
    return {first_[rank], first_[rank + 1]};
  }

 private:
  uint64_t edge_count_ = 0;
  std::vector<uint64_t> has_;
  std::vector<uint32_t> rank_;
  std::vector<uint32_t> first_;
};

// An EdgeRunIndex built on its first use (opening a map reads no section), once, by whichever of
// the analysis threads sharing the map asks first. The flag is tested before std::call_once, which
// costs about 100 instructions even when done (thread-local state on every call), and the matcher
// asks tens of times a fix.
class LazyEdgeRunIndex {
 public:
  // run_of() of the index over `records` (sorted by `edge_of`); the same records on every call.
  template <typename Records, typename EdgeOf>
  [[nodiscard, gnu::always_inline]] std::pair<uint32_t, uint32_t> run_of(uint32_t edge, const Records& records,
                                                                        uint64_t edge_count, EdgeOf edge_of) {
    if (!built_.load(std::memory_order_acquire)) build_once(records, edge_count, edge_of);
    return index_.run_of(edge);
  }

 private:
  template <typename Records, typename EdgeOf>
  [[gnu::noinline]] void build_once(const Records& records, uint64_t edge_count, EdgeOf edge_of) {
    std::call_once(once_, [&] {
      index_.build(records, edge_count, edge_of);
      built_.store(true, std::memory_order_release);
    });
  }

  std::once_flag once_;
  std::atomic<bool> built_{false};
  EdgeRunIndex index_;
};

}  // namespace drivelog::map
