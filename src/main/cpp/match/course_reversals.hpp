// Whether a trip's reported headings show the car turning round between two fixes: the last
// usable heading at or before the first fix and the first at or after the second point (nearly)
// opposite ways. This is what tells a real U-turn from one the matcher would invent: a forbidden
// left turn can be explained as going straight on, turning round a few metres on and turning right,
// and so can a closed road's entry be avoided; in both the headings turn by a right angle, never
// round. A heading is usable where it is reported, the car moves at heading_min_speed_mps or more
// (slower, courses are noise; match/usable_headings.hpp) and the trip's headings agree with its
// motion (Matcher).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "match/trace.hpp"

namespace drivelog::match {

class CourseReversals {
 public:
  // Headings further apart than this are the car facing the other way.
  static constexpr double kReversedDeg = 120;
  // The longest time from the usable heading before to the one after: a car turning round slowly
  // reports no usable course while it turns (it is slower than heading_min_speed_mps) for a few
  // seconds; over longer, two right-angle turns in a row, or a road that bends round behind a
  // receiver gap, would read as a U-turn.
  static constexpr double kSpanS = 20;

  // Indexes `trace`, whose fix i has a usable heading where usable[i] is non-zero (none used when
  // `headings_trusted` is false: then nothing is reversed).
  void index(std::span<const TracePoint> trace, std::span<const uint8_t> usable, bool headings_trusted);

  // Whether the headings show the car turning round between fix `from` and fix `to` (from <= to):
  // the last usable heading at or before `from` and the first at or after `to`, at most kSpanS
  // apart, differ by kReversedDeg or more.
  [[nodiscard]] bool reversed(uint32_t from, uint32_t to) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  std::span<const TracePoint> trace_;
  std::vector<uint32_t> usable_before_;  // per fix: the last fix at or before it with a usable heading
  std::vector<uint32_t> usable_after_;   // per fix: the first fix at or after it with a usable heading
};

}  // namespace drivelog::match
