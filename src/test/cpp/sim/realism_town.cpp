#include "realism_town.hpp"

#include "map/map_builder.hpp"

namespace drivelog::sim::test {

void write_realism_town(const std::string& path) {
  using namespace drivelog::map;
  MapBuilder b;
  const double lat0 = 52.5, lon0 = 13.4;
  const double m_lat = 1 / 111195.0, m_lon = 1 / (111195.0 * 0.6087614);  // degrees per metre at 52.5 N
  const auto node = [](int r, int c) { return int64_t{3000} + 10 * r + c; };
  for (int r = 0; r < kRealismSize; ++r) {
    for (int c = 0; c < kRealismSize; ++c) {
      b.add_node(node(r, c), Coord::from_degrees(lat0 - r * 150 * m_lat, lon0 + c * 150 * m_lon));
    }
  }
  const uint16_t both = edge_flags::kForwardAllowed | edge_flags::kBackwardAllowed;
  for (int r = 0; r < kRealismSize; ++r) {
    for (int c = 0; c + 1 < kRealismSize; ++c) {
      const int64_t id = 30000 + 10 * r + c;
      const bool tunnel = id == kTunnelWay;
      b.add_way(WayInput{id, {node(r, c), node(r, c + 1)}, "Row " + std::to_string(r), RoadClass::residential,
                         static_cast<uint16_t>(both | (tunnel ? edge_flags::kTunnel : 0)), 300, 300,
                         SpeedSource::explicit_tag, static_cast<int8_t>(tunnel ? -1 : 0)});
    }
  }
  for (int r = 0; r + 1 < kRealismSize; ++r) {
    for (int c = 0; c < kRealismSize; ++c) {
      b.add_way(WayInput{40000 + 10 * r + c, {node(r, c), node(r + 1, c)}, "Column " + std::to_string(c),
                         RoadClass::residential, both, 300, 300, SpeedSource::explicit_tag});
    }
  }
  for (int c = 0; c < kRealismSize; ++c) {  // car-park aisles north of row 0
    b.add_node(5000 + c, Coord::from_degrees(lat0 + 60 * m_lat, lon0 + c * 150 * m_lon));
    b.add_way(WayInput{50000 + c, {node(0, c), 5000 + c}, "", RoadClass::service, both, kSpeedUnknown, kSpeedUnknown,
                       SpeedSource::none, 0, RoadUse::parking_aisle});
  }
  b.add_node(6000, Coord::from_degrees(lat0 - (4 * 150 + 80) * m_lat, lon0));
  b.add_way(WayInput{60000, {node(4, 0), 6000}, "", RoadClass::track, both, kSpeedUnknown, kSpeedUnknown, SpeedSource::none});
  b.add_signal(node(2, 2));
  b.add_signal(node(3, 4));

  // The dense quarter.
  const double dense_lon0 = lon0 + 2000 * m_lon;
  const auto dense = [](int r, int c) { return int64_t{7000} + 10 * r + c; };
  for (int r = 0; r < 8; ++r) {
    for (int c = 0; c < 8; ++c) b.add_node(dense(r, c), Coord::from_degrees(lat0 - r * 25 * m_lat, dense_lon0 + c * 25 * m_lon));
  }
  for (int r = 0; r < 8; ++r) {
    for (int c = 0; c + 1 < 8; ++c) {
      b.add_way(WayInput{70000 + 10 * r + c, {dense(r, c), dense(r, c + 1)}, "Lane", RoadClass::residential, both, 300, 300,
                         SpeedSource::explicit_tag});
      b.add_way(WayInput{80000 + 10 * c + r, {dense(c, r), dense(c + 1, r)}, "Alley", RoadClass::residential, both, 300,
                         300, SpeedSource::explicit_tag});
    }
  }
  b.set_source("realism town (simulator tests)");
  b.write(path);
}

}  // namespace drivelog::sim::test
