// EdgeRunIndex answers as two binary searches over the sorted records do, for every edge.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "map/edge_run_index.hpp"

namespace drivelog::map {
namespace {

struct Record {
  uint32_t edge = 0;
};

// Random sorted records over 1,000 edges (runs of 1-4 records, most edges without, runs at the
// words' first and last bits), some of them past the edge count (a damaged map's).
TEST(EdgeRunIndex, EveryEdgesRunIsTheRunASearchFinds) {
  std::mt19937 random(7);
  for (int round = 0; round < 20; ++round) {
    const uint32_t edge_count = 1000;
    std::vector<Record> records;
    for (uint32_t e = 0; e < edge_count + 5; ++e) {
      const bool word_end = (e & 63) == 0 || (e & 63) == 63;
      if (!word_end && random() % 5 != 0) continue;
      if (e >= edge_count && random() % 2 != 0) continue;
      for (uint32_t k = 0, n = 1 + random() % 4; k < n; ++k) records.push_back(Record{e});
    }
    EdgeRunIndex index;
    index.build(records, edge_count, [](const Record& r) { return r.edge; });
    std::size_t with_runs = 0;
    for (uint32_t e = 0; e < edge_count + 10; ++e) {
      const auto [first, end] = index.run_of(e);
      if (e >= edge_count) {
        EXPECT_EQ(first, end) << e;
        continue;
      }
      const auto lo = std::lower_bound(records.begin(), records.end(), e, [](const Record& r, uint32_t x) { return r.edge < x; });
      const auto hi = std::upper_bound(lo, records.end(), e, [](uint32_t x, const Record& r) { return x < r.edge; });
      if (lo == hi) {
        EXPECT_EQ(first, end) << e;
        continue;
      }
      EXPECT_EQ(first, lo - records.begin()) << e;
      EXPECT_EQ(end, hi - records.begin()) << e;
      ++with_runs;
    }
    EXPECT_GT(with_runs, 100U);
  }
}

TEST(EdgeRunIndex, NoRecordsNoRuns) {
  EdgeRunIndex index;
  index.build(std::vector<Record>{}, 100, [](const Record& r) { return r.edge; });
  for (uint32_t e = 0; e < 200; ++e) EXPECT_EQ(index.run_of(e).first, index.run_of(e).second);
}

}  // namespace
}  // namespace drivelog::map
