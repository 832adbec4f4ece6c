// The simulator's own pseudo-random generator and range mapping. std::*_distribution differ across
// standard libraries, so the same seed would give different trips on different machines; these do not.
#pragma once

#include <cmath>
#include <array>
#include <cstdint>

#include "random/xoshiro256.hpp"

namespace drivelog::sim {

// SplitMix64 (Steele, Lea, Flood 2014): used to expand one seed into independent stream seeds.
inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// xoshiro256** (Blackman, Vigna 2018) with explicit, portable mappings to ranges and a normal variate.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t s = seed;
    std::array<uint64_t, 4> words{};
    for (auto& word : words) word = splitmix64(s);
    engine_ = random::Xoshiro256(words);
  }

  // A generator for sub-stream `stream` of `seed` (e.g. one per trip), independent of the others.
  static Rng stream(uint64_t seed, uint64_t stream) {
    uint64_t s = seed ^ (0xD1B54A32D192ED03ULL * (stream + 1));
    return Rng(splitmix64(s));
  }

  uint64_t next() { return engine_.next(); }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n); n > 0 and far below 2^53 (counts of edges, candidates).
  uint64_t below(uint64_t n) {
    const auto value = static_cast<uint64_t>(uniform() * static_cast<double>(n));
    return value < n ? value : n - 1;
  }
  bool chance(double probability) { return uniform() < probability; }

  // Standard normal by the Box-Muller transform (one value per call; the pair's second is dropped
  // to keep the generator free of hidden cached state).
  double normal() {
    double u1 = uniform();
    while (u1 <= 0.0) u1 = uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
  }
  double normal(double mean, double sigma) { return mean + sigma * normal(); }

 private:
  random::Xoshiro256 engine_;
};

}  // namespace drivelog::sim
