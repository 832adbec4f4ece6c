// Test support: imports an OSM fixture into a temporary map file and opens it.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "map/map_view.hpp"
#include "osm/osm_import.hpp"

namespace drivelog::osm::test {

using map::EdgeRecord;
using map::MapView;

inline const std::string kFixtures = std::string(DRIVELOG_TEST_DATA_DIR) + "/osm/";
inline constexpr uint32_t kMissing = UINT32_MAX;

inline std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("drivelog-osm-" + std::to_string(::getpid()) + "-" + name)).string();
}

class Imported {
 public:
  explicit Imported(const std::string& fixture, ImportOptions options = {})
      : path_(temp_path(fixture + ".dlmap")),
        report_(import_osm(kFixtures + fixture, path_, options)),
        view_(MapView::open(path_)) {}
  ~Imported() { std::filesystem::remove(path_); }
  Imported(const Imported&) = delete;
  Imported& operator=(const Imported&) = delete;

  [[nodiscard]] const MapView& map() const { return view_; }
  [[nodiscard]] const ImportReport& report() const { return report_; }

  // The edge of `way` from OSM node `from` to `to` (0 = any).
  [[nodiscard]] uint32_t edge(int64_t way, int64_t from = 0, int64_t to = 0) const {
    for (uint32_t e = 0; e < view_.edge_count(); ++e) {
      const EdgeRecord& r = view_.edge(e);
      if (r.osm_way_id != way) continue;
      if (from != 0 && view_.node_osm_id(r.from_node) != from) continue;
      if (to != 0 && view_.node_osm_id(r.to_node) != to) continue;
      return e;
    }
    return kMissing;
  }
  [[nodiscard]] const EdgeRecord& way(int64_t way_id) const {
    const uint32_t e = edge(way_id);
    if (e == kMissing) throw std::runtime_error("way " + std::to_string(way_id) + " not in the map");
    return view_.edge(e);
  }
  // The region code of an edge ("DE", "US-PA").
  [[nodiscard]] std::string_view string_at_region(const EdgeRecord& e) const {
    return view_.string_at(view_.regions()[e.region].code);
  }
  [[nodiscard]] uint32_t node(int64_t osm) const {
    for (uint32_t n = 0; n < view_.node_count(); ++n) {
      if (view_.node_osm_id(n) == osm) return n;
    }
    return kMissing;
  }

 private:
  std::string path_;
  ImportReport report_;
  MapView view_;
};

}  // namespace drivelog::osm::test
