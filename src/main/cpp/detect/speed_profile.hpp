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
//
// A derived speed counts only the path the fixes observed. Between two kept fixes the path is the
// matcher's route (the fixes collapsed between them are placed along it by interpolation); where
// it is longer than the fixes' own straight lines by more than their noise allows
// (kUnobservedSigmas), no fix saw the car drive it (a block the matcher joined after holding the
// fixes on the wrong road: Bristol, legal drives without speeds, 100 m of route in 1.6 s read as
// 180 km/h), and the derived speeds there are the fixes' own distances over the time. At 1 Hz on
// a right path the two differ by metres.
class SpeedProfile {
 public:
  // How many sigmas (of the two fixes' accuracies combined; kDefaultSigmaM where not reported) the
  // path between two fixes may exceed their straight-line distance by and still be observed.
  static constexpr double kUnobservedSigmas = 4;
  static constexpr double kDefaultSigmaM = 5;

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
  // Fills step_m_: the path to the next matched point, or the fixes' straight-line distance where
  // the path from one kept fix to the next is longer than the fixes between them allow.
  void observed_steps(std::span<const match::TracePoint> trace, const match::MatchResult& match);

  std::vector<uint32_t> matched_;
  std::vector<double> s_;
  std::vector<double> time_;
  std::vector<uint32_t> piece_;
  std::vector<float> speed_;
  std::vector<float> smoothed_;
  std::vector<uint8_t> derived_;
  std::vector<double> step_m_;  // per matched point: the observed distance to the next one (derived speeds)
};

}  // namespace drivelog::detect
