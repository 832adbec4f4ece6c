#include "grid_town.hpp"

#include <unistd.h>

#include <filesystem>

#include "map/map_builder.hpp"

namespace drivelog::sim::test {

void write_grid_town(const std::string& path) {
  using namespace drivelog::map;
  MapBuilder b;
  const double lat0 = 52.5, lon0 = 13.4;
  const double dlat = kBlockMeters / 111195.0, dlon = kBlockMeters / (111195.0 * 0.6087614);  // cos(52.5 deg)
  for (int r = 0; r < kGridSize; ++r) {
    for (int c = 0; c < kGridSize; ++c) b.add_node(node_id(r, c), Coord::from_degrees(lat0 - r * dlat, lon0 + c * dlon));
  }
  const uint16_t both = edge_flags::kForwardAllowed | edge_flags::kBackwardAllowed;
  for (int r = 0; r < kGridSize; ++r) {
    for (int c = 0; c + 1 < kGridSize; ++c) {
      const uint16_t flags = r == 2 ? edge_flags::kForwardAllowed : both;
      // Row 0 drops to 30 km/h half way along: a limit change on a straight road.
      const uint16_t limit = r == 0 && c >= kGridSize / 2 ? 300 : 500;
      b.add_way(WayInput{east_way(r, c), {node_id(r, c), node_id(r, c + 1)}, "Row " + std::to_string(r),
                         RoadClass::tertiary, flags, limit, limit, SpeedSource::explicit_tag});
    }
  }
  for (int r = 0; r + 1 < kGridSize; ++r) {
    for (int c = 0; c < kGridSize; ++c) {
      const uint16_t flags = r == 2 && c == 4 ? static_cast<uint16_t>(both | edge_flags::kClosed) : both;
      b.add_way(WayInput{south_way(r, c), {node_id(r, c), node_id(r + 1, c)}, "Column " + std::to_string(c),
                         RoadClass::residential, flags, 300, 300, SpeedSource::implicit_zone});
    }
  }
  for (int r = 1; r <= 4; ++r) {
    for (int c : {1, 3}) b.add_stop(StopInput{node_id(r, c), StopDirection::all});
  }
  b.add_restriction(RestrictionInput{900, RestrictionKind::no, east_way(3, 2), node_id(3, 3), {}, south_way(3, 3)});
  b.add_restriction(RestrictionInput{901, RestrictionKind::only, east_way(1, 0), node_id(1, 1), {}, east_way(1, 1)});
  b.set_source("grid town (simulator tests)");
  b.write(path);
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("drivelog-sim-test-" + std::to_string(::getpid()) + "-" + name)).string();
}

}  // namespace drivelog::sim::test
