// How sharply a path bends: the curvature of a polyline at a path distance, sampled along it, and
// the curves it contains. Shared by the engine (the matched path) and the simulator (the driven
// route), so that both measure a corner the same way.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace drivelog::map {

// A vertex of a path in a local flat frame, with its distance along the path.
struct PlanarVertex {
  double s_m = 0;
  double east_m = 0, north_m = 0;
};

// Half the span the curvature is measured over: the circle through the points this far before and
// after. A road's shape in OSM is a polyline whose vertices carry all its turning; over 2 x 15 m a
// junction's right angle reads as a radius of about 10.6 m (a car's inner turning radius is 5-6 m,
// a comfortable right turn in town 8-12 m), and a curve drawn with vertices every 5-20 m as its
// real radius.
inline constexpr double kCurvatureChordM = 15;

// Curvature (1/m) at path distance s_m: of the circle through the points chord_m before, at and after
// it; 0 where either neighbour falls beyond the polyline's ends.
double curvature_at(std::span<const PlanarVertex> line, double s_m, double chord_m = kCurvatureChordM);

struct CurvatureSample {
  double s_m = 0;
  double curvature = 0;  // 1/m
};

// Samples every step_m from the polyline's start to its end (appended to `out`); at most
// kMaxCurvatureSamples per call, further apart on a longer line.
//
// `floor` (1/m): where the line turns so little within the chord either side of a sample that its
// curvature cannot reach half of it, the sample is 0 without being measured. Callers ask only
// whether a bend is sharper than some radius (a curve's 300 m; a corner taken hard at the trip's
// top speed), and most of a drive is straight: measuring it every metre was a fifth of the
// engine's instructions on the grid benchmark. 0 measures everywhere.
inline constexpr std::size_t kMaxCurvatureSamples = std::size_t{1} << 20;
void sample_curvature(std::span<const PlanarVertex> line, double step_m, std::vector<CurvatureSample>& out,
                      double floor = 0);

// What counts as a curve of the road, rather than a straight or a corner at a junction.
struct CurveShape {
  double max_radius_m = 300;  // bends gentler than this are straight road
  double min_radius_m = 20;   // tighter ones are corners (harsh cornering's business, not a curve's)
  double min_turn_deg = 20;   // the curve turns the car by at least this much in all
  double core_ratio = 0.8;    // the core: where the curvature is at least this share of its peak
};

// A curve: a run of samples sharper than max_radius_m, its tightest radius and its core around it.
struct Curve {
  double start_s_m = 0, end_s_m = 0;
  double core_start_s_m = 0, core_end_s_m = 0;
  double min_radius_m = 0;
  double turn_deg = 0;
};

// The curves among equally spaced samples of one path (in path order).
std::vector<Curve> find_curves(std::span<const CurvatureSample> samples, const CurveShape& shape);

}  // namespace drivelog::map
