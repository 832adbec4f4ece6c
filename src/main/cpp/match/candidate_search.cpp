#include "match/candidate_search.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "map/geo.hpp"
#include "match/local_metric.hpp"

namespace drivelog::match {
namespace {

// Where the fix (the frame's origin) projects onto a segment: its distance and the fraction t.
struct Projection {
  double distance_m;
  double t;
};

// Inlined: the hot loop of every search (out of line it cost 4 % of the matching on the grid city).
[[gnu::always_inline]] inline Projection project(const map::geo::LocalProjection& proj, map::Coord a, map::Coord b) {
  const double ax = proj.x(a.lon()), ay = proj.y(a.lat());
  const double dx = proj.x(b.lon()) - ax, dy = proj.y(b.lat()) - ay;
  const double len2 = dx * dx + dy * dy;
  const double t = std::clamp(len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0.0, 0.0, 1.0);
  const double px = ax + t * dx, py = ay + t * dy;
  return Projection{std::sqrt(px * px + py * py), t};
}

}  // namespace

inline Candidate CandidateSearch::candidate_of(const Nearest& n, const map::geo::LocalProjection& proj) const {
  // The offset along the edge and the direction: computed only for the edges kept.
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
  return c;
}

inline void CandidateSearch::fetch_ends() {
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

void CandidateSearch::add_separate_stretches(const Nearest& edge, const map::geo::LocalProjection& proj,
                                             double radius_m) {
  // The edge's segments from the first to the last within the radius are projected again, in
  // order (cheaper than keeping every projection of the search for the few edges that need it).
  edge_hits_.clear();
  const auto shape = map_->edge_shape(edge.edge);
  for (uint32_t segment = edge.first_segment; segment <= edge.last_segment; ++segment) {
    const Projection p = project(proj, shape[segment], shape[segment + 1]);
    if (p.distance_m <= radius_m) edge_hits_.push_back(Nearest{edge.edge, segment, static_cast<float>(p.distance_m), p.t, segment, segment});
  }
  // Each local minimum of the distance along the edge that stands out: on both sides the edge
  // first goes kSeparateStretchM further away (or out of the radius, or ends) before it comes
  // nearer. Ties go to the first.
  const std::size_t n = edge_hits_.size();
  const auto stands_out = [&](std::size_t i, int step) {
    const float d = edge_hits_[i].distance_m;
    for (std::size_t j = i;;) {
      const std::size_t next = step < 0 ? j - 1 : j + 1;
      if ((step < 0 && j == 0) || next >= n) return true;
      const uint32_t gap = step < 0 ? edge_hits_[j].segment - edge_hits_[next].segment
                                    : edge_hits_[next].segment - edge_hits_[j].segment;
      if (gap > 1) return true;  // the segments between lie outside the radius
      const float e = edge_hits_[next].distance_m;
      if (step < 0 ? e <= d : e < d) return false;
      if (e >= d + kSeparateStretchM) return true;
      j = next;
    }
  };
  const std::size_t first = nearest_.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (stands_out(i, -1) && stands_out(i, +1)) nearest_.push_back(edge_hits_[i]);
  }
  // The nearest of them is the edge's own entry (whose segment, among equally near ones, the
  // grid's order chose): dropped here.
  if (nearest_.size() - first <= 1) {
    nearest_.resize(first);
    return;
  }
  const auto own = std::min_element(nearest_.begin() + static_cast<std::ptrdiff_t>(first), nearest_.end(),
                                    [](const Nearest& a, const Nearest& b) { return a.distance_m < b.distance_m; });
  nearest_.erase(own);
}

void CandidateSearch::find(double lat, double lon, double radius_m, uint32_t max_candidates,
                           std::vector<Candidate>& out, double keep_margin_m) {
  out.clear();
  nearest_.clear();
  left_out_.clear();
  bool no_cells = false;
  const map::CellRange cells = map_->cells_around(map::Coord::from_degrees(lat, lon), radius_m, near_span_, no_cells);
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
  // The same cells as the last query (most fixes at 1 Hz) have the same runs: they need not be
  // listed again, nor compared.
  if (!ends_valid_ || !cells_known_ || no_cells != cached_cells_empty_ || (!no_cells && !(cells == cached_cells_))) {
    runs_.clear();
    if (!no_cells) map_->segment_runs_of(cells, runs_);
    if (!ends_valid_ || runs_ != cached_runs_) {
      ends_valid_ = false;
      cached_runs_.swap(runs_);
      fetch_ends();
      ends_valid_ = true;
    }
    // cached_runs_ are now the runs of these cells.
    cached_cells_ = cells;
    cached_cells_empty_ = no_cells;
    cells_known_ = true;
  }
  for (const SegmentEnds& ends : ends_) {
    const map::Coord a = ends.a, b = ends.b;
    if ((a.lat_e7 < lat_lo && b.lat_e7 < lat_lo) || (a.lat_e7 > lat_hi && b.lat_e7 > lat_hi) ||
        (a.lon_e7 < lon_lo && b.lon_e7 < lon_lo) || (a.lon_e7 > lon_hi && b.lon_e7 > lon_hi)) {
      continue;
    }
    const map::SegmentRef ref = ends.ref;
    const auto [distance, t] = project(proj, a, b);
    if (distance > radius_m) continue;

    const Nearest n{ref.edge, ref.segment, static_cast<float>(distance), t, ref.segment, ref.segment};
    // Each edge has one entry so far; a cell lists an edge's segments together, so the last entry
    // is the one most often (looked at first: the same entry the search would find).
    auto existing = !nearest_.empty() && nearest_.back().edge == ref.edge
                        ? nearest_.end() - 1
                        : std::find_if(nearest_.begin(), nearest_.end(), [&](const Nearest& e) { return e.edge == ref.edge; });
    if (existing == nearest_.end()) {
      nearest_.push_back(n);
    } else {
      const uint32_t first = std::min(existing->first_segment, n.segment);
      const uint32_t last = std::max(existing->last_segment, n.segment);
      if (distance < existing->distance_m) *existing = n;
      existing->first_segment = first;
      existing->last_segment = last;
    }
  }
  // Two stretches of an edge need segments two apart at least (one branch, the bend, the other;
  // the bend may lie outside the radius). Mostly an edge's hits are one or two neighbouring
  // segments, or one long segment listed by several grid cells.
  const std::size_t edges = nearest_.size();
  for (std::size_t i = 0; i < edges; ++i) {
    if (nearest_[i].last_segment - nearest_[i].first_segment >= 2) add_separate_stretches(nearest_[i], proj, radius_m);
  }
  std::sort(nearest_.begin(), nearest_.end(), [](const Nearest& x, const Nearest& y) {
    return x.distance_m != y.distance_m ? x.distance_m < y.distance_m : x.edge < y.edge;
  });
  if (nearest_.size() > max_candidates) {
    // Set aside (add_left_out() may want some of them): a copy only where places ran out.
    left_out_.assign(nearest_.begin() + max_candidates, nearest_.end());
    left_out_proj_ = proj;
    nearest_.resize(max_candidates);
  }
  for (const Nearest& n : nearest_) {
    if (n.distance_m > nearest_.front().distance_m + keep_margin_m) break;  // nearest first
    out.push_back(candidate_of(n, proj));
  }
}

void CandidateSearch::add_left_out(std::span<const uint32_t> keep, std::vector<Candidate>& out) const {
  for (const Nearest& n : left_out_) {
    if (std::find(keep.begin(), keep.end(), n.edge) != keep.end()) out.push_back(candidate_of(n, left_out_proj_));
  }
}


}  // namespace drivelog::match
