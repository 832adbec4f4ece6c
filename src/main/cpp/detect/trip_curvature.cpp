#include "detect/trip_curvature.hpp"

namespace drivelog::detect {

void TripCurvature::build(const TripView& trip) {
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
    map::sample_curvature(polyline_, kStepM, samples_);
    pieces_.push_back(Piece{traversals[i].piece, begin, samples_.size()});
    i = j;
  }
}

}  // namespace drivelog::detect
