// Deterministic pseudo-random numbers for the synthetic map generator.
// The standard library's distributions are implementation-defined, so the generator maps raw
// 64-bit words to ranges itself: the same seed gives the same map with any compiler or libstdc++.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>

#include "random/xoshiro256.hpp"

namespace drivelog::synth {

__extension__ typedef unsigned __int128 Uint128;

// SplitMix64 step: used to expand seeds and to hash keys (positions, edges) to stable values.
constexpr uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// A stable hash of a seed and a few integers (e.g. a tile's column and row).
inline uint64_t hash_key(uint64_t seed, std::initializer_list<int64_t> parts) {
  uint64_t h = splitmix64(seed);
  for (int64_t p : parts) {
    h = splitmix64(h ^ static_cast<uint64_t>(p));
  }
  return h;
}

// Maps a hash to [0, 1) with 53 bits of precision.
inline double unit_from_hash(uint64_t h) { return static_cast<double>(h >> 11) * 0x1.0p-53; }

// xoshiro256** (random/xoshiro256.hpp) seeded through SplitMix64, with this generator's range mappings.
class Random {
 public:
  explicit Random(uint64_t seed) {
    uint64_t s = seed;
    std::array<uint64_t, 4> words{};
    for (auto& word : words) {
      s += 0x9E3779B97F4A7C15ULL;
      word = splitmix64(s);
    }
    engine_ = random::Xoshiro256(words);
  }

  uint64_t next() { return engine_.next(); }

  // Uniform in [0, 1).
  double unit() { return unit_from_hash(next()); }
  // Uniform in [lo, hi).
  double between(double lo, double hi) { return lo + (hi - lo) * unit(); }
  // Uniform integer in [lo, hi] (inclusive); multiply-shift keeps the bias below 2^-32 for small spans.
  int64_t integer(int64_t lo, int64_t hi) {
    const auto span = static_cast<uint64_t>(hi - lo) + 1;
    const auto high = static_cast<uint64_t>((static_cast<Uint128>(next()) * span) >> 64);
    return lo + static_cast<int64_t>(high);
  }
  // True with probability p.
  bool chance(double p) { return unit() < p; }

 private:
  random::Xoshiro256 engine_;
};

}  // namespace drivelog::synth
