// Speed and time along the matched path, the common ground of the detection rules.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "match/matched_path.hpp"
#include "match/trace.hpp"

namespace drivelog::detect {

// For every matched trace point: its speed (reported, else derived from path distance over time)
// and a centred moving average of it. Also answers "when was the vehicle at path distance s".
// Reuses its memory between trips.
class SpeedProfile {
 public:
  void build(std::span<const match::TracePoint> trace, const match::MatchResult& match, double smoothing_s);

  // Trace indices of the matched points, in time order (path distance never decreases along it).
  [[nodiscard]] const std::vector<uint32_t>& matched() const { return matched_; }
  [[nodiscard]] double s_at(std::size_t k) const { return s_[k]; }
  [[nodiscard]] double time_at(std::size_t k) const { return time_[k]; }
  [[nodiscard]] uint32_t piece_at(std::size_t k) const { return piece_[k]; }
  [[nodiscard]] float speed_mps_at(std::size_t k) const { return speed_[k]; }
  [[nodiscard]] float smoothed_mps_at(std::size_t k) const { return smoothed_[k]; }
  [[nodiscard]] bool derived_at(std::size_t k) const { return derived_[k] != 0; }

  // First matched position k with s_at(k) >= s_m (matched().size() if none).
  [[nodiscard]] std::size_t first_at_or_after(double s_m) const;
  // Time the vehicle was at path distance s_m, interpolated between matched points (clamped).
  [[nodiscard]] double time_at_distance(double s_m) const;

 private:
  std::vector<uint32_t> matched_;
  std::vector<double> s_;
  std::vector<double> time_;
  std::vector<uint32_t> piece_;
  std::vector<float> speed_;
  std::vector<float> smoothed_;
  std::vector<uint8_t> derived_;
};

}  // namespace drivelog::detect
