#include "detect/path_lookup.hpp"

#include <algorithm>

#include "match/path_geometry.hpp"

namespace drivelog::detect {

bool passes_through_end(const TripView& trip, std::size_t traversal) {
  const auto& traversals = trip.match.traversals;
  if (traversal + 1 >= traversals.size()) return false;
  const match::Traversal& t = traversals[traversal];
  const match::Traversal& next = traversals[traversal + 1];
  const float length = trip.map.edge(t.edge).length_m;
  return next.piece == t.piece && t.to_m >= length - 0.01F && next.from_m <= 0.01F;
}

namespace {

double travel_at(const match::Traversal& t, double s_m) {
  return std::clamp(static_cast<double>(t.from_m) + (s_m - t.start_s_m), static_cast<double>(t.from_m),
                    static_cast<double>(t.to_m));
}

}  // namespace

map::Coord position_at(const map::MapView& map, const match::Traversal& t, double s_m) {
  return match::position_on_edge(map, t.edge, t.forward, travel_at(t, s_m));
}

map::Coord position_at(const map::MapView& map, const match::Traversal& t, double s_m, match::EdgeWalk& walk) {
  if (!walk.walks(t.edge, t.forward)) walk.reset(map, t.edge, t.forward);
  return walk.position(travel_at(t, s_m));
}

void add_way(std::vector<int64_t>& ways, int64_t way) {
  if (std::find(ways.begin(), ways.end(), way) == ways.end()) ways.push_back(way);
}

}  // namespace drivelog::detect
