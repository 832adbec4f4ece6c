#include "map/spatial_grid.hpp"

#include <algorithm>
#include <cmath>

#include "map/geo.hpp"

namespace drivelog::map {
namespace {

constexpr double kMetersPerDegLat = geo::kEarthRadiusMeters * geo::kDegToRad;

double meters_per_deg_lon(double lat_deg) {
  return std::max(kMetersPerDegLat * std::cos(lat_deg * geo::kDegToRad), 1.0);
}

// near_span() with the latitude's cosine given (the same arithmetic: near_span() calls it).
NearSpan near_span_with_cosine(double radius_m, double cos_lat) {
  const double r = std::max(radius_m, 0.0);
  return NearSpan{static_cast<int64_t>(std::ceil(r / kMetersPerDegLat * 1e7)),
                  static_cast<int64_t>(std::ceil(r / std::max(kMetersPerDegLat * cos_lat, 1.0) * 1e7))};
}

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

}  // namespace

format::GridGeometry choose_grid(const BoundingBox& bbox, uint64_t segment_count) {
  const double mid_lat = (bbox.min.lat() + bbox.max.lat()) / 2;
  const double height_m = (bbox.max.lat() - bbox.min.lat()) * kMetersPerDegLat;
  const double width_m = (bbox.max.lon() - bbox.min.lon()) * meters_per_deg_lon(mid_lat);
  const double cells_wanted = std::max(1.0, static_cast<double>(segment_count) / 2.0);
  double cell_m = std::sqrt(std::max(height_m * width_m, 1.0) / cells_wanted);
  cell_m = std::clamp(cell_m, kMinCellMeters, kMaxCellMeters);

  format::GridGeometry grid;
  grid.origin_lat_e7 = bbox.min.lat_e7;
  grid.origin_lon_e7 = bbox.min.lon_e7;
  grid.cell_lat_e7 = std::max<int32_t>(1, static_cast<int32_t>(cell_m / kMetersPerDegLat * 1e7));
  grid.cell_lon_e7 = std::max<int32_t>(1, static_cast<int32_t>(cell_m / meters_per_deg_lon(mid_lat) * 1e7));
  const int64_t lat_span = static_cast<int64_t>(bbox.max.lat_e7) - bbox.min.lat_e7;
  const int64_t lon_span = static_cast<int64_t>(bbox.max.lon_e7) - bbox.min.lon_e7;
  grid.rows = static_cast<uint32_t>(lat_span / grid.cell_lat_e7 + 1);
  grid.cols = static_cast<uint32_t>(lon_span / grid.cell_lon_e7 + 1);
  return grid;
}

CellRange cells_covering(const format::GridGeometry& grid, int64_t lat_min_e7, int64_t lat_max_e7,
                         int64_t lon_min_e7, int64_t lon_max_e7, bool& empty) {
  const int64_t r0 = floor_div(lat_min_e7 - grid.origin_lat_e7, grid.cell_lat_e7);
  const int64_t r1 = floor_div(lat_max_e7 - grid.origin_lat_e7, grid.cell_lat_e7);
  const int64_t c0 = floor_div(lon_min_e7 - grid.origin_lon_e7, grid.cell_lon_e7);
  const int64_t c1 = floor_div(lon_max_e7 - grid.origin_lon_e7, grid.cell_lon_e7);
  const int64_t rows = grid.rows, cols = grid.cols;
  empty = r1 < 0 || c1 < 0 || r0 >= rows || c0 >= cols || r0 > r1 || c0 > c1;
  if (empty) return {};
  return CellRange{static_cast<uint32_t>(std::max<int64_t>(r0, 0)), static_cast<uint32_t>(std::min(r1, rows - 1)),
                   static_cast<uint32_t>(std::max<int64_t>(c0, 0)), static_cast<uint32_t>(std::min(c1, cols - 1))};
}

CellRange cells_near(const format::GridGeometry& grid, Coord point, double radius_m, bool& empty) {
  return cells_within(grid, point, near_span(point, radius_m), empty);
}

NearSpan near_span(Coord point, double radius_m) {
  return near_span_with_cosine(radius_m, std::cos(point.lat() * geo::kDegToRad));
}

NearSpan NearSpanCache::get(Coord point, double radius_m) {
  const double lat_rad = point.lat() * geo::kDegToRad;  // as near_span() computes it
  // The 1e-15 covers the rounding of both latitudes and of the cached cosine.
  const double moved_rad = std::fabs(lat_rad - lat_rad_) + 1e-15;
  if (radius_m == radius_m_ && moved_rad <= reach_rad_) return span_;
  if (radius_m_ >= 0 && radius_m != radius_m_) {
    // Another radius near the remembered latitude: its span there, valid here if within its reach.
    span_from_cosine(radius_m);
    if (moved_rad <= reach_rad_) return span_;
  }
  lat_rad_ = lat_rad;
  cos_ = std::cos(lat_rad);
  span_from_cosine(radius_m);
  return span_;
}

void NearSpanCache::span_from_cosine(double radius_m) {
  span_ = near_span_with_cosine(radius_m, cos_);
  radius_m_ = radius_m;
  reach_rad_ = -1;
  const double c = cos_;
  const auto s = static_cast<double>(span_.lon_e7);
  if (radius_m <= 0 || s < 1) return;
  // near_span() rounds up a = radius / max(kMetersPerDegLat * cos, 1) * 1e7. Within d radians of
  // this latitude the cosine lies in [c - d, c + d] (|cos x - cos y| <= |x - y|), so a lies in
  // [A / (c + d), A / (c - d)] with A = radius * 1e7 / kMetersPerDegLat, widened by 1e-12 for the
  // rounding of the division and the products. Both ends round up to s while
  //   d <= c - A (1 + 1e-12) / s   and   d < A (1 - 1e-12) / (s - 1) - c,
  // and kMetersPerDegLat * (c - d) >= 1 keeps the max() out of the way.
  const double a = radius_m * 1e7 / kMetersPerDegLat;
  double reach = std::min(c - a * (1 + 1e-12) / s, c - 1 / kMetersPerDegLat);
  if (s >= 2) reach = std::min(reach, a * (1 - 1e-12) / (s - 1) - c);
  reach_rad_ = reach * (1 - 1e-9) - 1e-15;
}

CellRange cells_within(const format::GridGeometry& grid, Coord point, NearSpan span, bool& empty) {
  return cells_covering(grid, int64_t{point.lat_e7} - span.lat_e7, int64_t{point.lat_e7} + span.lat_e7,
                        int64_t{point.lon_e7} - span.lon_e7, int64_t{point.lon_e7} + span.lon_e7, empty);
}

bool segment_touches_cell(const format::GridGeometry& grid, Coord a, Coord b, uint32_t row, uint32_t col) {
  const double center_lat = (grid.origin_lat_e7 + (row + 0.5) * grid.cell_lat_e7) * 1e-7;
  const double center_lon = (grid.origin_lon_e7 + (col + 0.5) * grid.cell_lon_e7) * 1e-7;
  const geo::LocalProjection proj(center_lat, center_lon);
  const double ax = proj.x(a.lon()), ay = proj.y(a.lat());
  const double bx = proj.x(b.lon()), by = proj.y(b.lat());
  const double dx = bx - ax, dy = by - ay;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double px = ax + t * dx, py = ay + t * dy;
  const double half_w = grid.cell_lon_e7 * 1e-7 * proj.meters_per_deg_lon / 2;
  const double half_h = grid.cell_lat_e7 * 1e-7 * proj.meters_per_deg_lat / 2;
  // A little slack for the projection's error over one cell.
  const double reach = std::sqrt(half_w * half_w + half_h * half_h) * 1.01 + 0.5;
  return px * px + py * py <= reach * reach;
}

}  // namespace drivelog::map
