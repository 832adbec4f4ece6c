// A hand-written OSM fixture (src/test/resources/osm) built into a temporary map whose time zone is
// Asia/Tokyo (japan_dates.time-zones), for the end-to-end tests of time- and vehicle-dependent
// rules; the file is removed with it. One per test suite.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "map/map_view.hpp"
#include "osm/osm_import.hpp"

namespace drivelog::detect::test {

inline std::string fixture_path(const std::string& name) { return std::string(DRIVELOG_TEST_DATA_DIR) + "/osm/" + name; }

struct TokyoMap {
  // `fixture`: the file name under src/test/resources/osm; `tag` names the temporary map.
  TokyoMap(const std::string& fixture, const std::string& tag)
      : path((std::filesystem::temp_directory_path() / ("drivelog-" + tag + "-" + std::to_string(::getpid()) + ".dlmap")).string()),
        report(osm::import_osm(fixture_path(fixture), path, options())),
        map(map::MapView::open(path)) {}
  ~TokyoMap() {
    map.close();
    std::filesystem::remove(path);
  }
  TokyoMap(const TokyoMap&) = delete;
  TokyoMap& operator=(const TokyoMap&) = delete;

  // The first edge of OSM way `way`.
  [[nodiscard]] uint32_t edge_of(int64_t way) const {
    for (uint32_t e = 0; e < map.edge_count(); ++e) {
      if (map.edge(e).osm_way_id == way) return e;
    }
    ADD_FAILURE() << "way " << way << " not in the map";
    return 0;
  }

  std::string path;
  osm::ImportReport report;
  map::MapView map;

 private:
  static osm::ImportOptions options() {
    osm::ImportOptions o;
    o.time_zones_file = fixture_path("japan_dates.time-zones");
    return o;
  }
};

}  // namespace drivelog::detect::test
