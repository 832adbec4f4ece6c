#include "dense_grid.hpp"

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "map/geo.hpp"
#include "map/map_builder.hpp"

namespace drivelog::scenario {
namespace {

constexpr double kOriginLat = 48.2;
constexpr double kOriginLon = 16.37;

std::string grid_path(uint32_t n, uint32_t seed) {
  return (std::filesystem::temp_directory_path() / ("drivelog-dense-grid-" + std::to_string(::getpid()) + "-" +
                                                    std::to_string(n) + "-" + std::to_string(seed) + ".dlmap"))
      .string();
}

map::MapView build(uint32_t n, double block_m, uint32_t seed, const std::string& path) {
  const double m_per_deg_lat = map::geo::kEarthRadiusMeters * map::geo::kDegToRad;
  const double m_per_deg_lon = m_per_deg_lat * std::cos(kOriginLat * map::geo::kDegToRad);
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> jitter(-0.2 * block_m, 0.2 * block_m);
  map::MapBuilder b;
  for (uint32_t r = 0; r < n; ++r) {
    for (uint32_t c = 0; c < n; ++c) {
      const double north = -static_cast<double>(r) * block_m + jitter(random);
      const double east = static_cast<double>(c) * block_m + jitter(random);
      b.add_node(DenseGrid::osm_node_id(r, c),
                 map::Coord::from_degrees(kOriginLat + north / m_per_deg_lat, kOriginLon + east / m_per_deg_lon));
    }
  }
  using namespace map::edge_flags;
  const auto both = static_cast<uint16_t>(kForwardAllowed | kBackwardAllowed);
  int64_t way = 1;
  for (uint32_t r = 0; r < n; ++r) {
    for (uint32_t c = 0; c + 1 < n; ++c) {
      uint16_t flags = r % 3 == 1 ? kForwardAllowed : both;
      if (r % 7 == 2 && c == 3) flags = static_cast<uint16_t>(flags | kClosed);
      b.add_way(map::WayInput{way++, {DenseGrid::osm_node_id(r, c), DenseGrid::osm_node_id(r, c + 1)}, "Row",
                              map::RoadClass::residential, flags, 300, 300, map::SpeedSource::explicit_tag});
    }
  }
  for (uint32_t r = 0; r + 1 < n; ++r) {
    for (uint32_t c = 0; c < n; ++c) {
      const uint16_t flags = c % 5 == 2 ? kForwardAllowed : both;
      b.add_way(map::WayInput{way++, {DenseGrid::osm_node_id(r, c), DenseGrid::osm_node_id(r + 1, c)}, "Column",
                              map::RoadClass::residential, flags, 300, 300, map::SpeedSource::explicit_tag});
    }
  }
  b.set_source("dense grid (tests)");
  b.write(path);
  return map::MapView::open(path);
}

}  // namespace

DenseGrid::DenseGrid(uint32_t n, double block_m, uint32_t seed)
    : n_(n), path_(grid_path(n, seed)), view_(build(n, block_m, seed, path_)) {}

DenseGrid::~DenseGrid() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

uint32_t DenseGrid::node(uint32_t row, uint32_t col) const {
  // Nodes are stored in Hilbert order: look the id up (tests call this a few times, not per node).
  const int64_t id = osm_node_id(row, col);
  for (uint32_t i = 0; i < view_.node_count(); ++i) {
    if (view_.node_osm_id(i) == id) return i;
  }
  throw std::out_of_range("no junction " + std::to_string(row) + "," + std::to_string(col));
}

}  // namespace drivelog::scenario
