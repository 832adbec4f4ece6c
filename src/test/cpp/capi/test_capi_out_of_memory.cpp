// The C ABI when memory runs out: every entry point returns a status with a message and never lets
// std::bad_alloc (or anything else) unwind into its C caller. This binary replaces the global
// allocation functions, so it is a test program of its own: from a chosen allocation on, every
// allocation fails, as when memory is exhausted (message building in a handler included), and each
// call is repeated with the failure moved one allocation later until it completes.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>

#include "capi/drivelog.h"
#include "capi/drivelog_roads.h"
#include "scenario.hpp"
#include "trace_columns.hpp"

namespace {

// Allocations left before they start failing; negative: never fail.
long g_allocations_left = -1;

void* allocate(std::size_t n) {
  if (g_allocations_left == 0) return nullptr;
  if (g_allocations_left > 0) --g_allocations_left;
  return std::malloc(n == 0 ? 1 : n);
}

}  // namespace

// Replaceable global allocation functions ([new.delete]): the library's own allocations come here
// too (it links libstdc++ dynamically and does not define them).
void* operator new(std::size_t n) {
  if (void* p = allocate(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

using drivelog::scenario::Drive;
using drivelog::scenario::Scenario;
using drivelog::scenario::way;

// From the `after`-th allocation on (0: the first), allocations fail until destroyed (-1: none
// fail, e.g. for a step inside a failing stretch); the previous setting comes back afterwards.
class AllocationsFail {
 public:
  explicit AllocationsFail(long after) : previous_(g_allocations_left) { g_allocations_left = after; }
  ~AllocationsFail() { g_allocations_left = previous_; }
  AllocationsFail(const AllocationsFail&) = delete;
  AllocationsFail& operator=(const AllocationsFail&) = delete;
  // Whether allocations failed during the call (the budget ran out).
  [[nodiscard]] static bool ran_out() { return g_allocations_left == 0; }

 private:
  long previous_;
};

// Runs `call` with allocations failing from the n-th on, for n = 0, 1, ... until it succeeds;
// each failed attempt must be DRIVELOG_INTERNAL with a message saying so (a call that returns at
// all has not thrown). Returns the attempts.
template <typename Call>
long until_it_succeeds(const char* what, Call&& call) {
  for (long n = 0;; ++n) {
    char error[256] = "";
    int32_t status = 0;
    bool ran_out = false;
    {
      const AllocationsFail fail(n);
      status = call(error, sizeof error);
      ran_out = AllocationsFail::ran_out();
    }
    if (status == DRIVELOG_OK) {
      if (!ran_out) return n;
      continue;  // a failed allocation the code could do without (std::stable_sort's buffer)
    }
    EXPECT_EQ(status, DRIVELOG_INTERNAL) << what << ", allocation " << n << ": " << error;
    EXPECT_NE(std::string(error).find("out of memory"), std::string::npos) << what << ", allocation " << n << ": " << error;
    if (::testing::Test::HasFailure()) return n;
  }
}

class CapiOutOfMemory : public ::testing::Test {
 protected:
  CapiOutOfMemory()
      : scenario_("A--------------------B--------------------C", 10,
                  {way("AB", 1, "Main").maxspeed(30), way("BC", 2, "One Way").oneway()}) {
    Drive d(scenario_, 1, 2);
    d.noise(3).start_at('C').to("BA", 50);  // wrong way, then speeding: findings to write
    trip_ = std::make_unique<drivelog::test::Columns>(d.points());
  }
  ~CapiOutOfMemory() override {
    drivelog_analyzer_destroy(analyzer_);
    drivelog_map_close(map_);
  }

  int32_t analyze(std::string& json_out, char* error, size_t error_len) {
    const auto& c = *trip_;
    const char* json = nullptr;
    size_t len = 0;
    const int32_t status = drivelog_analyze(analyzer_, "t", c.size(), c.time_s.data(), c.lat.data(), c.lon.data(),
                                            c.speed_mps.data(), c.heading_deg.data(), c.accuracy_m.data(), &json,
                                            &len, error, error_len);
    if (status == DRIVELOG_OK) {
      const AllocationsFail none(-1);  // the test's copy is not the library's business
      json_out.assign(json, len);
    }
    return status;
  }

  Scenario scenario_;
  std::unique_ptr<drivelog::test::Columns> trip_;
  drivelog_map* map_ = nullptr;
  drivelog_analyzer* analyzer_ = nullptr;
};

}  // namespace

TEST_F(CapiOutOfMemory, mapOpen_reportsInsteadOfThrowing) {
  const long attempts = until_it_succeeds("drivelog_map_open", [&](char* error, size_t len) {
    drivelog_map_close(map_);
    map_ = nullptr;
    return drivelog_map_open(scenario_.path().c_str(), &map_, error, len);
  });
  EXPECT_GT(attempts, 0);
  EXPECT_NE(map_, nullptr);
}

TEST_F(CapiOutOfMemory, analyzerCreate_reportsInsteadOfThrowing) {
  char error[256] = "";
  ASSERT_EQ(drivelog_map_open(scenario_.path().c_str(), &map_, error, sizeof error), DRIVELOG_OK) << error;
  const long attempts = until_it_succeeds("drivelog_analyzer_create", [&](char* err, size_t len) {
    drivelog_analyzer_destroy(analyzer_);
    analyzer_ = nullptr;
    return drivelog_analyzer_create(map_, "matched=true\nspeeding.tolerance_kmh=3", &analyzer_, err, len);
  });
  EXPECT_GT(attempts, 0);
}

TEST_F(CapiOutOfMemory, analyze_reportsInsteadOfThrowing_andTheAnalyzerStaysUsable) {
  char error[256] = "";
  ASSERT_EQ(drivelog_map_open(scenario_.path().c_str(), &map_, error, sizeof error), DRIVELOG_OK) << error;
  ASSERT_EQ(drivelog_analyzer_create(map_, "matched=true", &analyzer_, error, sizeof error), DRIVELOG_OK) << error;
  std::string expected;
  ASSERT_EQ(analyze(expected, error, sizeof error), DRIVELOG_OK) << error;
  ASSERT_NE(expected.find("wrong_way"), std::string::npos) << expected;
  // A fresh analyzer each time, so that every allocation of a first analysis is reached; after a
  // failure the same analyzer must still give the full result.
  const long attempts = until_it_succeeds("drivelog_analyze", [&](char* err, size_t len) {
    drivelog_analyzer_destroy(analyzer_);
    analyzer_ = nullptr;
    {
      const AllocationsFail none(-1);
      char ignored[64];
      drivelog_analyzer_create(map_, "matched=true", &analyzer_, ignored, sizeof ignored);
    }
    std::string json;
    const int32_t status = analyze(json, err, len);
    if (status != DRIVELOG_OK) {
      const AllocationsFail none(-1);
      std::string again;
      char ignored[256] = "";
      EXPECT_EQ(analyze(again, ignored, sizeof ignored), DRIVELOG_OK) << ignored;
      EXPECT_EQ(again, expected);
    }
    return status;
  });
  EXPECT_GT(attempts, 10);
}

TEST_F(CapiOutOfMemory, effectiveConfig_reportsInsteadOfThrowing) {
  const long attempts = until_it_succeeds("drivelog_effective_config", [&](char* err, size_t len) {
    char buffer[8192];
    size_t needed = 0;
    return drivelog_effective_config("matched=true\nspeeding.tolerance_kmh=3", buffer, sizeof buffer, &needed, err, len);
  });
  EXPECT_GT(attempts, 0);
}

TEST_F(CapiOutOfMemory, mapInfoAndRoads_reportInsteadOfThrowing) {
  char error[256] = "";
  ASSERT_EQ(drivelog_map_open(scenario_.path().c_str(), &map_, error, sizeof error), DRIVELOG_OK) << error;
  until_it_succeeds("drivelog_map_info_json", [&](char* err, size_t len) {
    char buffer[4096];
    // 0 is the documented failure; turned into a status here to share the loop.
    if (drivelog_map_info_json(map_, buffer, sizeof buffer) > 0) return DRIVELOG_OK;
    std::snprintf(err, len, "out of memory: drivelog_map_info_json returned 0");
    return DRIVELOG_INTERNAL;
  });
  const drivelog::map::Coord a = scenario_.coord('A'), c = scenario_.coord('C');
  until_it_succeeds("drivelog_map_roads_json", [&](char* err, size_t len) {
    char buffer[8192];
    size_t needed = 0;
    return drivelog_map_roads_json(scenario_.path().c_str(), a.lat() - 0.01, a.lon() - 0.01, c.lat() + 0.01,
                                   c.lon() + 0.01, 100, buffer, sizeof buffer, &needed, err, len);
  });
}
