// libFuzzer target: damaged map files. A file must either be refused at open with a MapError that
// names it, or be safe to use: every query, verify(), the C ABI's analysis and the report's road
// lookup either answer or fail with an exception / status, and never read outside the mapping,
// hang or crash (docs/MAP_FORMAT.md, "Opening and verifying").
//
// The input is the file. Its header checksum is recomputed before the file is opened, so that a
// mutated count, offset or grid field reaches the checks behind the checksum instead of stopping
// at it (the checksum's own refusal is covered by test_map_damage). Seeds: sound maps written by
// drivelog-fuzz-map-seeds (run.sh makes them; maps are build outputs and not committed).
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "capi/drivelog.h"
#include "capi/drivelog_roads.h"
#include "json_check.hpp"
#include "map/map_format.hpp"
#include "map/map_info_json.hpp"
#include "map/map_view.hpp"
#include "map/spatial_grid.hpp"
#include "require.hpp"

namespace {

using drivelog::fuzz::require;
using drivelog::map::Coord;
using drivelog::map::MapError;
using drivelog::map::MapView;

constexpr uint32_t kMaxItems = 4096;  // nodes and edges looked at per input

// The input as a file in memory (memfd), reachable by path as any map file is.
class MemoryFile {
 public:
  explicit MemoryFile(const std::vector<uint8_t>& bytes) : fd_(::memfd_create("drivelog-fuzz-map", 0)) {
    require(fd_ >= 0, "memfd_create");
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
      require(n > 0, "writing the map to the memfd");
      written += static_cast<std::size_t>(n);
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  int fd_;
  std::string path_;
};

// Runs a query; a MapError (damage found) or std::out_of_range (an id read from a damaged record)
// is an answer too. Anything else escapes and libFuzzer reports it.
template <typename Query>
void query(Query&& q) {
  try {
    q();
  } catch (const MapError& e) {
    require(std::strlen(e.what()) > 0, "a MapError says what");
  } catch (const std::out_of_range&) {
  }
}

void exercise_view(const MapView& map, std::vector<Coord>& places) {
  query([&] { (void)map.verify(); });
  query([&] {
    const std::string json = drivelog::map::map_info_json(map);
    require(drivelog::test::json_syntax_error(json).empty(), "map info is JSON", json);
  });
  const uint32_t nodes = std::min(map.node_count(), kMaxItems), edges = std::min(map.edge_count(), kMaxItems);
  for (uint32_t n = 0; n < nodes; ++n) {
    query([&] {
      places.push_back(map.node_coord(n));
      (void)map.node_osm_id(n);
      for (const auto adj : map.adjacent(n)) (void)map.edge(adj.edge());
    });
  }
  for (uint32_t e = 0; e < edges; ++e) {
    query([&] {
      const auto& record = map.edge(e);
      (void)map.node_coord(record.from_node);
      (void)map.node_coord(record.to_node);
      (void)map.edge_shape(e);
      (void)map.edge_name(e);
      (void)map.advisory_speed(e, true);
      for (const auto& stop : map.stop_signs_on(e)) (void)map.node_coord(stop.node);
      for (const auto& r : map.restrictions_from(e)) {
        (void)map.edge(r.to_edge);
        for (const auto& c : map.turn_conditionals_of(r.osm_relation_id)) (void)map.string_at(c.rules);
      }
      for (const auto& c : map.conditionals_on(e)) {
        (void)map.string_at(c.key);
        (void)map.string_at(c.value);
        (void)map.string_at(c.rules);
      }
      for (const auto& r : map.via_way_restrictions_from(e)) {
        for (const uint32_t via : map.via_edges(r)) (void)map.edge(via);
      }
    });
  }
  const auto& box = map.info().bbox;
  places.push_back(Coord{static_cast<int32_t>((int64_t{box.min.lat_e7} + box.max.lat_e7) / 2),
                         static_cast<int32_t>((int64_t{box.min.lon_e7} + box.max.lon_e7) / 2)});
  std::vector<drivelog::map::SegmentRef> segments;
  std::vector<MapView::SegmentRun> runs;
  drivelog::map::NearSpanCache cache;
  for (std::size_t i = 0; i < places.size() && i < 64; ++i) {
    for (const double radius_m : {30.0, 400.0}) {
      query([&] {
        segments.clear();
        map.segments_near(places[i], radius_m, segments);
        for (const auto& ref : segments) (void)map.edge_shape(ref.edge);
      });
      query([&] {
        runs.clear();
        map.segment_runs_near(places[i], radius_m, runs, cache);
        for (const auto run : runs) (void)map.segments_of(run);
      });
    }
  }
}

// The C ABI as the Java side uses it: open, an analyzer, a trip through the map's own nodes.
void exercise_abi(const std::string& path, const std::vector<Coord>& places) {
  char error[512] = "";
  drivelog_map* map = nullptr;
  const int32_t opened = drivelog_map_open(path.c_str(), &map, error, sizeof error);
  require(opened == DRIVELOG_OK || opened == DRIVELOG_MAP_ERROR, "the ABI opens what MapView opens, or says why", error);
  if (opened != DRIVELOG_OK) return;
  drivelog_analyzer* analyzer = nullptr;
  require(drivelog_analyzer_create(map, "matched=true", &analyzer, error, sizeof error) == DRIVELOG_OK, "analyzer", error);
  std::vector<double> time, lat, lon;
  std::vector<float> speed;
  for (std::size_t i = 0; i < places.size() && i < 40; ++i) {
    time.push_back(1795161600.0 + 5.0 * static_cast<double>(i));
    lat.push_back(places[i].lat());
    lon.push_back(places[i].lon());
    speed.push_back(8.0F);
  }
  const char* json = nullptr;
  size_t len = 0;
  const int32_t status = drivelog_analyze(analyzer, "fuzz", time.size(), time.data(), lat.data(), lon.data(),
                                          speed.data(), nullptr, nullptr, &json, &len, error, sizeof error);
  require(status == DRIVELOG_OK || status == DRIVELOG_MAP_ERROR || status == DRIVELOG_INTERNAL,
          "an analysis on a damaged map answers or fails with a status", error);
  if (status == DRIVELOG_OK) {
    const std::string syntax = drivelog::test::json_syntax_error(std::string_view(json, len));
    require(syntax.empty(), "the result is strict JSON", syntax);
  } else {
    require(error[0] != '\0', "a failed analysis says why");
  }
  drivelog_analyzer_destroy(analyzer);
  drivelog_map_close(map);

  if (places.empty()) return;
  std::vector<char> buffer(1 << 16);
  size_t needed = 0;
  const Coord c = places.front();
  const int32_t roads = drivelog_map_roads_json(path.c_str(), c.lat() - 0.01, c.lon() - 0.01, c.lat() + 0.01,
                                                c.lon() + 0.01, 200, buffer.data(), buffer.size(), &needed, error,
                                                sizeof error);
  // (BAD_INPUT: a damaged coordinate made the box invalid.)
  require(roads == DRIVELOG_OK || roads == DRIVELOG_MAP_ERROR || roads == DRIVELOG_INTERNAL || roads == DRIVELOG_BAD_INPUT,
          "roads answer", error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<uint8_t> bytes(data, data + size);
  if (bytes.size() >= sizeof(drivelog::map::format::FileHeader)) {
    drivelog::map::format::FileHeader header;
    std::memcpy(&header, bytes.data(), sizeof header);
    header.header_crc32 = drivelog::map::format::header_checksum(header);
    std::memcpy(bytes.data(), &header, sizeof header);
  }
  const MemoryFile file(bytes);
  std::optional<MapView> map;
  try {
    map.emplace(MapView::open(file.path()));
  } catch (const MapError& e) {
    require(std::strstr(e.what(), file.path().c_str()) != nullptr, "a refusal names the file", e.what());
    return 0;
  }
  std::vector<Coord> places;
  exercise_view(*map, places);
  exercise_abi(file.path(), places);
  return 0;
}
