// Finds the roads near a GPS fix and projects the fix onto them (the HMM's candidate states).
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "map/geo.hpp"
#include "map/map_types.hpp"
#include "map/map_view.hpp"
#include "map/spatial_grid.hpp"
#include "match/local_metric.hpp"

namespace drivelog::match {

// The fix projected onto one edge (the nearest point of the edge's shape).
struct Candidate {
  uint32_t edge = 0;
  float offset_m = 0;           // along the edge from its from_node, in [0, length_m]
  float distance_m = 0;         // from the fix to the projected point
  float east_m = 0;             // direction of the edge's shape at that point, from -> to,
  float north_m = 0;            //   as a vector (its length is the segment's)
  float error_east_m = 0;       // the fix minus the projected point (across the road, and along it
  float error_north_m = 0;      //   beyond the edge's ends)
};

// Reuses its buffers between calls; one per thread.
class CandidateSearch {
 public:
  explicit CandidateSearch(const map::MapView& map) : map_(&map) {}

  // Fills `out` (cleared first) with at most `max_candidates` candidates within `radius_m` of the
  // fix, nearest first: one per edge, or one per stretch of an edge that comes near the fix more
  // than once (a hairpin bend, a loop: kSeparateStretchM below). Of those, only the ones at most
  // `keep_margin_m` further than the nearest are made into candidates (the matcher uses no other:
  // the projection onto the edge is not computed for them).
  void find(double lat, double lon, double radius_m, uint32_t max_candidates, std::vector<Candidate>& out,
            double keep_margin_m = std::numeric_limits<double>::infinity());

  // Whether the last find() left roads out for want of places (beyond `max_candidates`).
  [[nodiscard]] bool left_out_any() const { return !left_out_.empty(); }
  // Appends to `out` (the last find()'s answer) the roads it left out that are in `keep`, nearest
  // first after the others: where the nearest places are all taken (ramps and short links of a
  // dense junction under an elevated road), the road the car is driving on must still be on offer.
  void add_left_out(std::span<const uint32_t> keep, std::vector<Candidate>& out) const;

  // Two places on one edge near the fix are separate candidates when, between them, the edge goes
  // at least this much further from the fix than either: the two branches of a hairpin bend (the
  // car is on one of them, and which one decides its direction of travel), not two points of one
  // gentle curve.
  static constexpr float kSeparateStretchM = 10;

 private:
  // The nearest segment of one edge (or stretch) so far, and where on it (0..1) the fix projects;
  // the lowest and highest index of the edge's segments within the radius.
  struct Nearest {
    uint32_t edge;
    uint32_t segment;
    float distance_m;
    double t;
    uint32_t first_segment, last_segment;
  };

  // A segment of the grid's list with its two ends.
  struct SegmentEnds {
    map::SegmentRef ref;
    map::Coord a, b;
  };

  // The fix projected onto the segment of `n` (`proj` centred on the fix). Always inlined: as a call
  // (registers saved and restored per candidate) it cost about 6 instructions more a candidate.
  [[nodiscard, gnu::always_inline]] inline Candidate candidate_of(const Nearest& n, const map::geo::LocalProjection& proj) const;
  // Fills ends_ for cached_runs_. Inlined into find(), its one caller (at every change of cells).
  [[gnu::always_inline]] void fetch_ends();
  // For an edge with segments at least two apart within the radius: appends to nearest_ the
  // nearest segment of each further stretch of the edge near the fix (`proj` centred on it).
  void add_separate_stretches(const Nearest& edge, const map::geo::LocalProjection& proj, double radius_m);

  const map::MapView* map_;
  std::vector<map::MapView::SegmentRun> runs_;
  std::vector<map::MapView::SegmentRun> cached_runs_;  // the previous query's grid lists; ends_ belongs to them
  std::vector<SegmentEnds> ends_;
  bool ends_valid_ = true;  // ends_ holds exactly the segments of cached_runs_ (empty at first)
  // The grid cells cached_runs_ are the runs of (valid with cells_known_; none if cached_cells_empty_).
  map::CellRange cached_cells_;
  bool cached_cells_empty_ = false;
  bool cells_known_ = false;
  std::vector<Nearest> nearest_;
  std::vector<Nearest> left_out_;         // beyond max_candidates in the last find(), nearest first
  map::geo::LocalProjection left_out_proj_;  // the last find()'s frame
  std::vector<Nearest> edge_hits_;  // one edge's segments within the radius, by segment
  LocalMetric metric_;
  map::NearSpanCache near_span_;
};

}  // namespace drivelog::match
