// Which country and subdivision a position lies in, from the boundaries raster that
// de.westnordost:countryboundaries (LGPL-3.0) ships as its data file
// (data/country_boundaries_180x90.ser, generated from JOSM's boundaries.osm, ODbL). Read here in
// C++ because the map builder is native; the format is that library's serialisation version 2,
// and `ids` answers as its `getIds` does (checked in CountryBoundariesOracleTest).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace drivelog::legal {

class BoundariesError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CountryBoundaries {
 public:
  // Parses the serialised raster; throws BoundariesError naming `source` if it is not one.
  static CountryBoundaries from_bytes(std::string_view bytes, const std::string& source);

  // ISO 3166 ids of the areas containing the point, smallest area first: {"US-TX", "US"},
  // {"JP"}; empty at sea. Longitude is wrapped; latitude must be within -90..90.
  [[nodiscard]] std::vector<std::string_view> ids(double lon, double lat) const;

  [[nodiscard]] uint32_t raster_width() const { return width_; }
  [[nodiscard]] std::size_t id_count() const { return sizes_.size(); }

 private:
  struct Point {
    uint16_t x, y;
  };
  using Ring = std::vector<Point>;
  struct Area {
    uint32_t id;  // index into names_
    std::vector<Ring> outer, inner;
    [[nodiscard]] bool covers(Point p) const;
  };
  struct Cell {
    std::vector<uint32_t> containing;  // indexes into names_
    std::vector<Area> intersecting;
  };

  uint32_t intern(std::string name);

  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t> name_index_;
  std::vector<double> sizes_;  // per name, for ordering (0 where the file gives none)
  std::vector<Cell> raster_;
  uint32_t width_ = 0;
  uint32_t height_ = 0;
};

}  // namespace drivelog::legal
