// What the matcher produces: the driven path as a sequence of road traversals, and for every
// trace point where it lies on that path.
#pragma once

#include <cstdint>
#include <vector>

namespace drivelog::match {

// One stretch of one edge driven in one direction. Offsets are "travel metres": measured from the
// edge end where travel in this direction begins (from_node when forward, to_node when backward).
struct Traversal {
  uint32_t edge = 0;
  bool forward = true;     // travelling from_node -> to_node
  uint32_t piece = 0;      // matched segment of the trace; a new piece follows every break
  double start_s_m = 0;    // path distance at from_m
  float from_m = 0;        // where the stretch begins on the edge (0 = entered at the node)
  float to_m = 0;          // where it ends (the edge length = left at the node)

  [[nodiscard]] double length_m() const { return static_cast<double>(to_m) - static_cast<double>(from_m); }
  [[nodiscard]] double end_s_m() const { return start_s_m + length_m(); }
};

// How a trace point took part in matching.
enum class PointKind : uint8_t {
  unmatched = 0,  // no road within the search radius, or its segment could not be matched
  kept,           // an HMM observation; its matched position came out of Viterbi
  collapsed,      // within the stationary radius of the previous kept point; placed by interpolation
  outlier,        // a fix no road route could reach; skipped
};

struct PointMatch {
  PointKind kind = PointKind::unmatched;
  uint32_t traversal = 0;  // index into MatchResult::traversals when kind is kept or collapsed
  double s_m = 0;          // path distance (non-decreasing over the matched points of a trip)
};

// Counts for the trip summary.
struct MatchStats {
  uint32_t pieces = 0;          // matched segments
  uint32_t gap_breaks = 0;      // breaks because of a time or distance gap
  uint32_t route_breaks = 0;    // breaks because no route connected consecutive fixes
  uint32_t outliers = 0;
  uint32_t no_candidate_points = 0;
  uint64_t matched_points = 0;  // kept + collapsed
  bool headings_ignored = false;
  bool speeds_ignored = false;    // reported speeds (if any) contradicted the motion and were not used  // reported headings contradicted the motion and were not used
};

struct MatchResult {
  std::vector<Traversal> traversals;
  std::vector<PointMatch> points;  // one per trace point
  MatchStats stats;

  void clear() {
    traversals.clear();
    points.clear();
    stats = MatchStats{};
  }
};

}  // namespace drivelog::match
