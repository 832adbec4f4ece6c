// xoshiro256** (Blackman & Vigna 2018): the one pseudo-random engine of the native code. Its output
// is fully specified, which byte-identical synthetic maps and simulated drives need on every
// platform. Seeding and the mapping to ranges belong to each user (synth/, sim/), whose outputs are
// pinned by their own tests.
#pragma once

#include <array>
#include <cstdint>

namespace drivelog::random {

class Xoshiro256 {
 public:
  Xoshiro256() = default;
  // The four state words, already expanded from a seed (never all zero).
  explicit Xoshiro256(const std::array<uint64_t, 4>& state) : state_(state) {}

  uint64_t next() {
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<uint64_t, 4> state_{};
};

}  // namespace drivelog::random
