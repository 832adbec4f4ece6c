#include "map/path_curvature.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace drivelog::map {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Point {
  double east, north;
};

Point point_at(std::span<const PlanarVertex> line, double s_m) {
  auto it = std::upper_bound(line.begin(), line.end(), s_m, [](double s, const PlanarVertex& v) { return s < v.s_m; });
  if (it == line.begin()) return {line.front().east_m, line.front().north_m};
  if (it == line.end()) return {line.back().east_m, line.back().north_m};
  const PlanarVertex& b = *it;
  const PlanarVertex& a = *(it - 1);
  const double span = b.s_m - a.s_m;
  const double f = span > 0 ? (s_m - a.s_m) / span : 0.0;
  return {a.east_m + f * (b.east_m - a.east_m), a.north_m + f * (b.north_m - a.north_m)};
}

// point_at() for distances that never decrease: walks on from the last vertex found instead of
// searching the whole line (sample_curvature asks for three points every 2 m of a trip).
class ForwardCursor {
 public:
  explicit ForwardCursor(std::span<const PlanarVertex> line) : line_(line) {}

  Point at(double s_m) {
    // The last vertex at or before s_m, as point_at()'s upper_bound finds it.
    while (next_ < line_.size() && line_[next_].s_m <= s_m) ++next_;
    if (next_ == 0) return {line_.front().east_m, line_.front().north_m};
    if (next_ == line_.size()) return {line_.back().east_m, line_.back().north_m};
    const PlanarVertex& b = line_[next_];
    const PlanarVertex& a = line_[next_ - 1];
    const double span = b.s_m - a.s_m;
    const double f = span > 0 ? (s_m - a.s_m) / span : 0.0;
    return {a.east_m + f * (b.east_m - a.east_m), a.north_m + f * (b.north_m - a.north_m)};
  }

 private:
  std::span<const PlanarVertex> line_;
  std::size_t next_ = 0;  // the first vertex beyond the last distance asked for
};

// The curvature of the circle through three points of the path.
double circle_curvature(Point a, Point b, Point c) {
  const double abx = b.east - a.east, aby = b.north - a.north;
  const double bcx = c.east - b.east, bcy = c.north - b.north;
  const double acx = c.east - a.east, acy = c.north - a.north;
  // sqrt of the squares, not std::hypot (a third of the events' cost): metres of a flat frame, far
  // from overflow.
  const double ab = std::sqrt(abx * abx + aby * aby), bc = std::sqrt(bcx * bcx + bcy * bcy), ac = std::sqrt(acx * acx + acy * acy);
  if (ab < 1e-6 || bc < 1e-6 || ac < 1e-6) return 0;  // the path doubled back on itself (a U-turn)
  // The circumscribed circle: curvature = 4 x area / product of the sides.
  return 2 * std::fabs(abx * bcy - aby * bcx) / (ab * bc * ac);
}

// The heading change at each vertex (radians, 0..pi, between the nearest segments of non-zero
// length either side: a path repeats the vertex where one edge ends and the next begins), summed
// from the start: turning[i + 1] - turning[j] is the turning at vertices j..i.
std::vector<double> cumulative_turning(std::span<const PlanarVertex> line) {
  std::vector<double> turning(line.size() + 1, 0.0);
  double last_east = 0, last_north = 0;  // the last non-degenerate segment's direction
  bool have_last = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    double turn = 0;
    if (i + 1 < line.size()) {
      const double east = line[i + 1].east_m - line[i].east_m, north = line[i + 1].north_m - line[i].north_m;
      if (east != 0 || north != 0) {
        if (have_last) turn = std::atan2(std::fabs(last_east * north - last_north * east), last_east * east + last_north * north);
        last_east = east;
        last_north = north;
        have_last = true;
      }
    }
    turning[i + 1] = turning[i] + turn;
  }
  return turning;
}

bool chord_fits(std::span<const PlanarVertex> line, double s_m, double chord_m) {
  return line.size() >= 2 && s_m - chord_m >= line.front().s_m && s_m + chord_m <= line.back().s_m;
}

}  // namespace

double curvature_at(std::span<const PlanarVertex> line, double s_m, double chord_m) {
  if (!chord_fits(line, s_m, chord_m)) return 0;
  return circle_curvature(point_at(line, s_m - chord_m), point_at(line, s_m), point_at(line, s_m + chord_m));
}

void sample_curvature(std::span<const PlanarVertex> line, double step_m, std::vector<CurvatureSample>& out, double floor) {
  if (line.empty()) return;
  const double start = line.front().s_m, length = line.back().s_m - start;
  if (!std::isfinite(length) || length < 0 || !(step_m > 0)) return;
  // A damaged map can make a path millions of kilometres long (fuzz_map_file asked for 2 GiB of
  // samples): past kMaxCurvatureSamples the samples spread wider. A real piece of a trip reaches it
  // only beyond 2,000 km at 2 m.
  const double step = std::max(step_m, length / static_cast<double>(kMaxCurvatureSamples));
  const auto count = static_cast<std::size_t>(length / step) + 1;
  // Three points whose path turns by T between the outer two (T < pi/2) lie on a circle of
  // curvature at most tan(T) / chord: the chords' directions differ by at most T, and the outer
  // points are at least 2 x chord x cos(T) apart. Half the floor leaves room for path distances
  // that are the edges' stored lengths rather than the flat frame's.
  const double straight_below = floor > 0 ? std::atan(0.5 * floor * kCurvatureChordM) : -1;
  const std::vector<double> turning = floor > 0 ? cumulative_turning(line) : std::vector<double>{};
  std::size_t window_begin = 0, window_end = 0;  // the vertices within the chord either side
  bool straight = false;
  double recheck_at = -std::numeric_limits<double>::infinity();  // the window holds the same vertices below this
  constexpr double kNever = std::numeric_limits<double>::infinity();
  ForwardCursor before(line), at(line), after(line);
  out.reserve(out.size() + count);
  for (std::size_t k = 0; k < count; ++k) {
    const double s = start + static_cast<double>(k) * step;
    double curvature = 0;
    if (chord_fits(line, s, kCurvatureChordM)) {
      if (floor > 0 && s >= recheck_at) {
        while (window_begin < line.size() && line[window_begin].s_m < s - kCurvatureChordM) ++window_begin;
        while (window_end < line.size() && line[window_end].s_m <= s + kCurvatureChordM) ++window_end;
        straight = window_end <= window_begin || turning[window_end] - turning[window_begin] < straight_below;
        // The next vertex to leave the window behind, or to enter it ahead.
        recheck_at = std::min(window_begin < line.size() ? line[window_begin].s_m + kCurvatureChordM : kNever,
                              window_end < line.size() ? line[window_end].s_m - kCurvatureChordM : kNever);
      }
      if (!straight) curvature = circle_curvature(before.at(s - kCurvatureChordM), at.at(s), after.at(s + kCurvatureChordM));
    }
    out.push_back(CurvatureSample{s, curvature});
  }
}

std::vector<Curve> find_curves(std::span<const CurvatureSample> samples, const CurveShape& shape) {
  std::vector<Curve> curves;
  const double min_curvature = 1 / shape.max_radius_m;
  std::size_t i = 0;
  while (i < samples.size()) {
    if (samples[i].curvature < min_curvature) {
      ++i;
      continue;
    }
    const std::size_t first = i;
    std::size_t peak = i;
    double turn_rad = 0;
    for (; i < samples.size() && samples[i].curvature >= min_curvature; ++i) {
      if (samples[i].curvature > samples[peak].curvature) peak = i;
      if (i > first) turn_rad += samples[i].curvature * (samples[i].s_m - samples[i - 1].s_m);
    }
    const std::size_t last = i - 1;
    const double radius = 1 / samples[peak].curvature;
    const double turn_deg = turn_rad * 180 / kPi;
    if (radius < shape.min_radius_m || turn_deg < shape.min_turn_deg) continue;
    const double core_curvature = shape.core_ratio * samples[peak].curvature;
    std::size_t core_first = peak, core_last = peak;
    while (core_first > first && samples[core_first - 1].curvature >= core_curvature) --core_first;
    while (core_last < last && samples[core_last + 1].curvature >= core_curvature) ++core_last;
    curves.push_back(Curve{samples[first].s_m, samples[last].s_m, samples[core_first].s_m, samples[core_last].s_m,
                           radius, turn_deg});
  }
  return curves;
}

}  // namespace drivelog::map
