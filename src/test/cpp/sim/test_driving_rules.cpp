// The simulator judges limits as the engine does: the rule in force on the local date
// (japan_dates.osm: an untagged Tokyo street, 60 km/h until 2026-08-31, 30 from 2026-09-01; its
// east half in a cell given UTC by japan_dates.time-zones).
#include "sim/driving_rules.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "osm/osm_import.hpp"

namespace drivelog::sim {
namespace {

const std::string kFixtures = std::string(DRIVELOG_TEST_DATA_DIR) + "/osm/";
constexpr int64_t kAug31UtcMs = 1788134400000;  // 2026-08-31T00:00:00Z

class DatedLimits : public ::testing::Test {
 protected:
  void SetUp() override {
    osm::ImportOptions options;
    options.time_zones_file = kFixtures + "japan_dates.time-zones";
    osm::import_osm(kFixtures + "japan_dates.osm", path_, options);
    map_ = std::make_unique<map::MapView>(map::MapView::open(path_));
    for (uint32_t e = 0; e < map_->edge_count(); ++e) (map_->edge(e).osm_way_id == 1 ? west_ : east_) = DirectedEdge{e, false};
  }
  void TearDown() override {
    map_.reset();
    std::filesystem::remove(path_);
  }
  std::string path_ = (std::filesystem::temp_directory_path() / ("drivelog-sim-dates-" + std::to_string(::getpid()) + ".dlmap")).string();
  std::unique_ptr<map::MapView> map_;
  DirectedEdge west_{}, east_{};
};

TEST_F(DatedLimits, LimitOfTheDayAndTheBaseRuleWithoutOne) {
  EXPECT_EQ(limit_kmh(*map_, west_, 20696), 60);  // 2026-08-31
  EXPECT_EQ(limit_kmh(*map_, west_, 20697), 30);  // 2026-09-01
  EXPECT_EQ(limit_kmh(*map_, west_), 60);         // no date: the map's base rule
}

TEST_F(DatedLimits, TheLocalDayIsThatOfTheEdgesZone) {
  const int64_t evening = kAug31UtcMs + 20 * 3600 * 1000;  // 05:00 on the 1st in Tokyo, 20:00 on the 31st in UTC
  EXPECT_EQ(local_day_at(*map_, west_, evening), 20697);
  EXPECT_EQ(local_day_at(*map_, east_, evening), 20696);
}

// The west way ends on node 2, which lies in the UTC cell: driven east to west, its start is in UTC,
// but the engine reads an edge's clock at its from_node (Tokyo) in either direction, and so must the
// simulator, or a legal drive would be held to another day's limit.
TEST_F(DatedLimits, AnEdgesLocalDayIsTheSameInBothDirections) {
  const int64_t evening = kAug31UtcMs + 20 * 3600 * 1000;
  const DirectedEdge west_reversed{west_.edge, true};
  ASSERT_NE(map_->time_zone_at(map_->node_coord(map_->edge(west_.edge).to_node)),
            map_->time_zone_at(map_->node_coord(map_->edge(west_.edge).from_node)));
  EXPECT_EQ(local_day_at(*map_, west_reversed, evening), 20697);
  EXPECT_EQ(local_day_at(*map_, west_reversed, evening), local_day_at(*map_, west_, evening));
}

// Edges whose access or direction depends on the time (conditional_access.osm) are not legal to drive
// whatever the time: a route judges them by the time it gets there (sim/timed_rules.hpp,
// test_timed_rules.cpp), and where no time is known (starts, U-turns) avoids them.
TEST(TimeDependentEdges, AreNotLegalToDriveWhateverTheTime) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("drivelog-sim-conditional-" + std::to_string(::getpid()) + ".dlmap")).string();
  osm::import_osm(kFixtures + "conditional_access.osm", path, {});
  {
    const map::MapView map = map::MapView::open(path);
    for (uint32_t e = 0; e < map.edge_count(); ++e) {
      const int64_t way = map.edge(e).osm_way_id;
      const bool conditional = way == 11 || way == 21 || way == 31;
      EXPECT_EQ(time_dependent(map, DirectedEdge{e, false}), conditional) << "way " << way;
      if (conditional) {
        EXPECT_FALSE(legal_to_drive(map, DirectedEdge{e, false})) << "way " << way;
      } else if (way == 10 || way == 20) {
        EXPECT_TRUE(legal_to_drive(map, DirectedEdge{e, false})) << "way " << way;  // open, whatever the time
      }
    }
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace drivelog::sim
