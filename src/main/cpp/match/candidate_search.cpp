#include "match/candidate_search.hpp"

#include <algorithm>
#include <cmath>

#include "map/geo.hpp"
#include "match/local_metric.hpp"

namespace drivelog::match {

double Candidate::forward_bearing_deg() const {
  const double bearing = std::atan2(east_m, north_m) / map::geo::kDegToRad;
  return bearing < 0 ? bearing + 360.0 : bearing;
}

void CandidateSearch::find(double lat, double lon, double radius_m, uint32_t max_candidates,
                           std::vector<Candidate>& out) {
  out.clear();
  segments_.clear();
  map_->segments_near(map::Coord::from_degrees(lat, lon), radius_m, segments_);
  // Metres east/north of the fix: every segment is within a few hundred metres, where the
  // equirectangular projection is exact to well under a centimetre per metre.
  map::geo::LocalProjection proj;
  proj.origin_lat = lat;
  proj.origin_lon = lon;
  proj.meters_per_deg_lat = LocalMetric::kMetersPerDegLat;
  proj.meters_per_deg_lon = metric_.meters_per_deg_lon(lat);
  for (const map::SegmentRef ref : segments_) {
    const auto shape = map_->edge_shape(ref.edge);
    if (ref.segment + 1 >= shape.size()) continue;
    const map::Coord a = shape[ref.segment], b = shape[ref.segment + 1];
    const double ax = proj.x(a.lon()), ay = proj.y(a.lat());
    const double dx = proj.x(b.lon()) - ax, dy = proj.y(b.lat()) - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double px = ax + t * dx, py = ay + t * dy;
    const double distance = std::sqrt(px * px + py * py);
    if (distance > radius_m) continue;

    auto existing = std::find_if(out.begin(), out.end(), [&](const Candidate& c) { return c.edge == ref.edge; });
    if (existing != out.end() && existing->distance_m <= distance) continue;

    // Offset along the edge: the segments before this one, then the part of this one.
    double before = 0;
    for (uint32_t s = 0; s < ref.segment; ++s) {
      const double sx = proj.x(shape[s + 1].lon()) - proj.x(shape[s].lon());
      const double sy = proj.y(shape[s + 1].lat()) - proj.y(shape[s].lat());
      before += std::sqrt(sx * sx + sy * sy);
    }
    const double edge_length = map_->edge(ref.edge).length_m;
    Candidate c;
    c.edge = ref.edge;
    c.offset_m = static_cast<float>(std::clamp(before + t * std::sqrt(len2), 0.0, edge_length));
    c.distance_m = static_cast<float>(distance);
    c.east_m = static_cast<float>(dx);
    c.north_m = static_cast<float>(dy);
    if (existing != out.end()) {
      *existing = c;
    } else {
      out.push_back(c);
    }
  }
  std::sort(out.begin(), out.end(), [](const Candidate& x, const Candidate& y) {
    return x.distance_m != y.distance_m ? x.distance_m < y.distance_m : x.edge < y.edge;
  });
  if (out.size() > max_candidates) out.resize(max_candidates);
}

}  // namespace drivelog::match
