#include "detect/trip_curvature.hpp"

#include <algorithm>
#include <cmath>

namespace drivelog::detect {

double top_speed_mps(const SpeedProfile& speeds) {
  double top = 0;
  for (std::size_t k = 0; k < speeds.matched().size(); ++k) top = std::max(top, std::fabs(static_cast<double>(speeds.speed_mps_at(k))));
  return top;
}

void TripCurvature::build(const TripView& trip, double floor) {
  pieces_.clear();
  samples_.clear();
  const auto& traversals = trip.match.traversals;
  if (traversals.empty()) return;
  std::size_t i = 0;
  while (i < traversals.size()) {
    std::size_t j = i + 1;
    while (j < traversals.size() && traversals[j].piece == traversals[i].piece) ++j;
    // A flat frame per piece, centred on its start (a long trip would distort a single one).
    const map::Coord origin = position_at(trip.map, traversals[i], traversals[i].start_s_m);
    const map::geo::LocalProjection frame(origin.lat(), origin.lon());
    match::path_polyline(trip.map, std::span(traversals).subspan(i, j - i), frame, polyline_);
    const std::size_t begin = samples_.size();
    map::sample_curvature(polyline_, kStepM, samples_, floor);
    pieces_.push_back(Piece{traversals[i].piece, begin, samples_.size()});
    i = j;
  }
}

}  // namespace drivelog::detect
