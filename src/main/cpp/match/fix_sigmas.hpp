// Each fix's position error (1 sigma, metres) as the matcher uses it: the reported accuracy,
// steadied over the fixes around it. A receiver's accuracy figure moves from fix to fix (4.4, 6.2,
// 5.0 m) while its error, a bias that wanders over tens of seconds, does not; taken fix by fix,
// those wobbles made the same offset from a road count as more or fewer sigmas at every fix, and
// the matcher read them as evidence. A fix reporting distinctly worse than its neighbours (a
// reflection, a fall-back to cell towers) keeps its own figure: that one is news.
#pragma once

#include <span>
#include <vector>

#include "match/match_config.hpp"
#include "match/trace.hpp"

namespace drivelog::match {

class FixSigmas {
 public:
  // Fixes within this many seconds either side of a fix (itself included) steady its sigma.
  static constexpr double kWindowS = 5;
  // A fix reporting more than this many times its neighbours' median keeps its own figure.
  static constexpr double kDistinctlyWorse = 2;

  // Fills the sigmas for `trace` (in time order). Without a reported accuracy (or with
  // `use_reported_accuracy` off) a fix's sigma is the configured one, as fix_sigma_m() says.
  void compute(std::span<const TracePoint> trace, const MatchConfig& config);

  [[nodiscard]] double operator[](std::size_t i) const { return sigmas_[i]; }
  [[nodiscard]] std::size_t size() const { return sigmas_.size(); }

 private:
  std::vector<double> sigmas_;
  std::vector<double> reported_;  // each fix's clamped accuracy (NaN: none)
  std::vector<double> window_;    // the reported figures within the window, sorted
};

}  // namespace drivelog::match
