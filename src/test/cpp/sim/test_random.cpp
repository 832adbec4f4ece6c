#include <gtest/gtest.h>

#include <cmath>

#include "sim/random.hpp"

namespace drivelog::sim {

TEST(Random, SameSeedGivesSameSequence) {
  Rng a(42), b(42);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.next(), b.next());
}

TEST(Random, StreamsDifferFromEachOther) {
  Rng a = Rng::stream(7, 1), b = Rng::stream(7, 2);
  int equal = 0;
  for (int i = 0; i < 100; ++i) equal += a.next() == b.next() ? 1 : 0;
  EXPECT_EQ(equal, 0);
}

TEST(Random, KnownFirstValueIsStableAcrossPlatforms) {
  // Pinned so that a change of generator or seeding (which would change every simulated trip) is noticed.
  Rng a(1);
  const uint64_t first = a.next();
  Rng b(1);
  EXPECT_EQ(first, b.next());
  uint64_t s = 0;
  EXPECT_EQ(splitmix64(s), 0xE220A8397B1DCDAFULL);  // the published first output of SplitMix64 from 0
}

TEST(Random, UniformAndBelowStayInRange) {
  Rng rng(3);
  for (int i = 0; i < 100000; ++i) {
    const double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ASSERT_LT(rng.below(7), 7u);
  }
}

TEST(Random, NormalHasUnitVarianceAndZeroMean) {
  Rng rng(11);
  const int n = 200000;
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    const double x = rng.normal();
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 0.0, 0.01);
  EXPECT_NEAR(std::sqrt(sum_sq / n - mean * mean), 1.0, 0.01);
}

}  // namespace drivelog::sim
