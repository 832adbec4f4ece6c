#include "synth/random.hpp"

#include <gtest/gtest.h>

#include <set>

namespace drivelog::synth {
namespace {

TEST(SynthRandom, SplitMix64MatchesTheReferenceSequence) {
  // First outputs of the reference splitmix64.c seeded with 0 (state advanced before mixing).
  EXPECT_EQ(splitmix64(0), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(splitmix64(0x9E3779B97F4A7C15ULL), 0x6E789E6AA1B965F4ULL);
}

TEST(SynthRandom, SameSeedGivesSameSequenceAndOtherSeedDiffers) {
  Random a(42), b(42), c(43);
  bool differs = false;
  for (int k = 0; k < 100; ++k) {
    const uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    differs |= x != c.next();
  }
  EXPECT_TRUE(differs);
}

TEST(SynthRandom, IntegerStaysWithinInclusiveBoundsAndReachesBoth) {
  Random r(7);
  std::set<int64_t> seen;
  for (int k = 0; k < 2000; ++k) {
    const int64_t v = r.integer(-2, 3);
    ASSERT_GE(v, -2);
    ASSERT_LE(v, 3);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 6u);
}

TEST(SynthRandom, UnitAndBetweenStayInHalfOpenRange) {
  Random r(9);
  for (int k = 0; k < 10000; ++k) {
    const double u = r.unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    const double b = r.between(5, 6);
    ASSERT_GE(b, 5.0);
    ASSERT_LT(b, 6.0);
  }
}

TEST(SynthRandom, HashKeyDependsOnEveryPartAndItsOrder) {
  EXPECT_EQ(hash_key(1, {2, 3}), hash_key(1, {2, 3}));
  EXPECT_NE(hash_key(1, {2, 3}), hash_key(1, {3, 2}));
  EXPECT_NE(hash_key(1, {2, 3}), hash_key(2, {2, 3}));
}

}  // namespace
}  // namespace drivelog::synth
