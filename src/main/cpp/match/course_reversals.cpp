#include "match/course_reversals.hpp"

#include <cmath>

#include "match/hmm_probabilities.hpp"

namespace drivelog::match {

void CourseReversals::index(std::span<const TracePoint> trace, std::span<const uint8_t> usable, bool headings_trusted) {
  trace_ = trace;
  const std::size_t n = trace.size();
  usable_before_.assign(n, kNone);
  usable_after_.assign(n, kNone);
  if (!headings_trusted) return;
  uint32_t last = kNone;
  for (std::size_t i = 0; i < n; ++i) {
    if (usable[i] != 0) last = static_cast<uint32_t>(i);
    usable_before_[i] = last;
  }
  uint32_t next = kNone;
  for (std::size_t i = n; i-- > 0;) {
    if (usable[i] != 0) next = static_cast<uint32_t>(i);
    usable_after_[i] = next;
  }
}

bool CourseReversals::reversed(uint32_t from, uint32_t to) const {
  if (from >= usable_before_.size() || to >= usable_after_.size()) return false;
  const uint32_t before = usable_before_[from], after = usable_after_[to];
  if (before == kNone || after == kNone || before >= after) return false;
  if (!(trace_[after].time_s - trace_[before].time_s <= kSpanS)) return false;
  return HmmProbabilities::angle_between_deg(trace_[before].heading_deg, trace_[after].heading_deg) >= kReversedDeg;
}

}  // namespace drivelog::match
