#include "match/candidate_search.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "map/geo.hpp"
#include "match/local_metric.hpp"

namespace drivelog::match {

void CandidateSearch::fetch_ends() {
  ends_.clear();
  // A cell lists an edge's segments together: look its shape up once per run.
  uint32_t shape_edge = 0;
  std::span<const map::Coord> shape;
  for (const map::MapView::SegmentRun run : cached_runs_) {
    for (const map::SegmentRef ref : map_->segments_of(run)) {
      if (shape.empty() || ref.edge != shape_edge) {
        shape = map_->edge_shape(ref.edge);
        shape_edge = ref.edge;
      }
      // (`segment + 1` would wrap round for the largest index: compared the other way.)
      if (ref.segment >= shape.size() - 1) {
        map_->damaged("grid segment " + std::to_string(ref.segment) + " of edge " + std::to_string(ref.edge));
      }
      ends_.push_back(SegmentEnds{ref, shape[ref.segment], shape[ref.segment + 1]});
    }
  }
}

void CandidateSearch::find(double lat, double lon, double radius_m, uint32_t max_candidates,
                           std::vector<Candidate>& out) {
  out.clear();
  runs_.clear();
  nearest_.clear();
  map_->segment_runs_near(map::Coord::from_degrees(lat, lon), radius_m, runs_, near_span_);
  // Metres east/north of the fix: every segment is within a few hundred metres, where the
  // equirectangular projection is exact to well under a centimetre per metre.
  map::geo::LocalProjection proj;
  proj.origin_lat = lat;
  proj.origin_lon = lon;
  proj.meters_per_deg_lat = LocalMetric::kMetersPerDegLat;
  proj.meters_per_deg_lon = metric_.meters_per_deg_lon(lat);
  // Most segments of the grid cells lie beyond the radius. A segment whose two ends are both on
  // the far side of one edge of a box a little larger than the circle cannot come within the
  // radius: it is dropped on four integer comparisons, before any projection.
  const double box_m = radius_m * 1.001 + 0.01;
  const auto lat_lo = static_cast<int64_t>(std::floor((lat - box_m / proj.meters_per_deg_lat) * 1e7));
  const auto lat_hi = static_cast<int64_t>(std::ceil((lat + box_m / proj.meters_per_deg_lat) * 1e7));
  const auto lon_lo = static_cast<int64_t>(std::floor((lon - box_m / proj.meters_per_deg_lon) * 1e7));
  const auto lon_hi = static_cast<int64_t>(std::ceil((lon + box_m / proj.meters_per_deg_lon) * 1e7));

  // At 1 Hz consecutive fixes mostly ask for the same cells, hence the same stretches of the grid's
  // segment lists: the ends of their segments are then reused instead of being looked up again. The
  // segments are walked in the grid's order, always: which of an edge's equally near segments wins
  // depends on it.
  // A fetch cut short by an exception (out of memory, a damaged map) leaves ends_ partial: invalid
  // until a fetch completes, or the next trip on this search would reuse what is left.
  if (!ends_valid_ || runs_ != cached_runs_) {
    ends_valid_ = false;
    cached_runs_.swap(runs_);
    fetch_ends();
    ends_valid_ = true;
  }
  for (const SegmentEnds& ends : ends_) {
    const map::Coord a = ends.a, b = ends.b;
    if ((a.lat_e7 < lat_lo && b.lat_e7 < lat_lo) || (a.lat_e7 > lat_hi && b.lat_e7 > lat_hi) ||
        (a.lon_e7 < lon_lo && b.lon_e7 < lon_lo) || (a.lon_e7 > lon_hi && b.lon_e7 > lon_hi)) {
      continue;
    }
    const map::SegmentRef ref = ends.ref;
    const double ax = proj.x(a.lon()), ay = proj.y(a.lat());
    const double dx = proj.x(b.lon()) - ax, dy = proj.y(b.lat()) - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double px = ax + t * dx, py = ay + t * dy;
    const double distance = std::sqrt(px * px + py * py);
    if (distance > radius_m) continue;

    auto existing = std::find_if(nearest_.begin(), nearest_.end(), [&](const Nearest& n) { return n.edge == ref.edge; });
    if (existing != nearest_.end() && existing->distance_m <= distance) continue;
    const Nearest n{ref.edge, ref.segment, static_cast<float>(distance), t};
    if (existing != nearest_.end()) {
      *existing = n;
    } else {
      nearest_.push_back(n);
    }
  }
  std::sort(nearest_.begin(), nearest_.end(), [](const Nearest& x, const Nearest& y) {
    return x.distance_m != y.distance_m ? x.distance_m < y.distance_m : x.edge < y.edge;
  });
  if (nearest_.size() > max_candidates) nearest_.resize(max_candidates);

  // The offset along the edge and the direction, only for the edges kept.
  for (const Nearest& n : nearest_) {
    const auto shape = map_->edge_shape(n.edge);
    const map::Coord a = shape[n.segment], b = shape[n.segment + 1];
    const double ax = proj.x(a.lon()), ay = proj.y(a.lat());
    const double dx = proj.x(b.lon()) - ax, dy = proj.y(b.lat()) - ay;
    const double len2 = dx * dx + dy * dy;
    // The segments before this one, then the part of this one.
    double before = 0;
    for (uint32_t s = 0; s < n.segment; ++s) {
      const double sx = proj.x(shape[s + 1].lon()) - proj.x(shape[s].lon());
      const double sy = proj.y(shape[s + 1].lat()) - proj.y(shape[s].lat());
      before += std::sqrt(sx * sx + sy * sy);
    }
    const double edge_length = map_->edge(n.edge).length_m;
    Candidate c;
    c.edge = n.edge;
    c.offset_m = static_cast<float>(std::clamp(before + n.t * std::sqrt(len2), 0.0, edge_length));
    c.distance_m = n.distance_m;
    c.east_m = static_cast<float>(dx);
    c.north_m = static_cast<float>(dy);
    c.error_east_m = static_cast<float>(-(ax + n.t * dx));  // the fix is the projection's origin
    c.error_north_m = static_cast<float>(-(ay + n.t * dy));
    out.push_back(c);
  }
}

}  // namespace drivelog::match
