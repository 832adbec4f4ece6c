// Finds the roads near a GPS fix and projects the fix onto them (the HMM's candidate states).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

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

  // Fills `out` (cleared first) with at most `max_candidates` edges within `radius_m` of the fix,
  // one candidate per edge, nearest first.
  void find(double lat, double lon, double radius_m, uint32_t max_candidates, std::vector<Candidate>& out);

 private:
  // The nearest segment of one edge so far, and where on it (0..1) the fix projects.
  struct Nearest {
    uint32_t edge;
    uint32_t segment;
    float distance_m;
    double t;
  };

  // A segment of the grid's list with its two ends.
  struct SegmentEnds {
    map::SegmentRef ref;
    map::Coord a, b;
  };

  // Fills ends_ for cached_runs_.
  void fetch_ends();

  const map::MapView* map_;
  std::vector<map::MapView::SegmentRun> runs_;
  std::vector<map::MapView::SegmentRun> cached_runs_;  // the previous query's grid lists; ends_ belongs to them
  std::vector<SegmentEnds> ends_;
  bool ends_valid_ = true;  // ends_ holds exactly the segments of cached_runs_ (empty at first)
  std::vector<Nearest> nearest_;
  LocalMetric metric_;
  map::NearSpanCache near_span_;
};

}  // namespace drivelog::match
