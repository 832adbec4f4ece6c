// How much of a receiver's position error is new from one fix to the next, read off the trace
// itself. Independent errors (a simulator's white noise, a good receiver in the open) make each
// fix fresh evidence; a slowly wandering bias (real receivers, urban canyons) makes a stretch of
// fixes worth little more than one. The matcher weighs each fix's distance to a road by it.
#pragma once

#include <span>
#include <vector>

#include "match/fix_sigmas.hpp"
#include "match/trace.hpp"

namespace drivelog::match {

class ErrorShare {
 public:
  // Between 0 (all of the error carries over) and 1 (independent); 0 when the trace has too few
  // fixes about a second apart to judge, so that the configured correlation time decides.
  // `sigmas`: each fix's sigma (FixSigmas for this trace).
  double estimate(std::span<const TracePoint> trace, const FixSigmas& sigmas);

 private:
  std::vector<double> ratios_;
};

}  // namespace drivelog::match
