#include "sim/observability.hpp"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <memory>

#include "grid_town.hpp"
#include "map/map_builder.hpp"

namespace drivelog::sim {
namespace {

// A street 1-2-3 (200 m, west to east), a closed alley that leaves it at 2 and runs 6 m beside it
// to rejoin at 3, and a closed road from 2 straight north to 7.
//
//      7
//      |
//      |  (80 m)
//      |
//   1--2--------3
//       \______/   the alley, 6 m off the street
//
// 300 m south, central Tokyo's shape (Shibuya, way 148828908): a street 40-41-42 (east to west), a
// 26 m link that leaves it at 41 north and turns back west to 45, and a closed alley from 45 west,
// 6 m beside the street, down to it at 42.
//
//            45____________44
//     ______/  the alley   |  the link
//   42-----------------------41------40
//
// 1 km north, the first street and alley again (nodes 51-56, ways 30 and 31), the street closed to
// motor vehicles at night (`motor_vehicle:conditional=no @ (01:00-02:00)`): its rules depend on the time.
class ObservabilityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    using namespace drivelog::map;
    path_ = std::make_unique<std::string>(test::temp_path("observability.dlmap"));
    MapBuilder b;
    const double m_lat = 1 / 111195.0, m_lon = 1 / (111195.0 * 0.6087614);
    const auto at = [&](double east, double north) { return Coord::from_degrees(52.5 + north * m_lat, 13.4 + east * m_lon); };
    b.add_node(1, at(0, 0));
    b.add_node(2, at(100, 0));
    b.add_node(3, at(200, 0));
    b.add_node(5, at(110, -6));
    b.add_node(6, at(190, -6));
    b.add_node(7, at(100, 80));
    b.add_node(40, at(250, -300));
    b.add_node(41, at(120, -300));
    b.add_node(42, at(-100, -300));
    b.add_node(44, at(120, -294));
    b.add_node(45, at(100, -294));
    b.add_node(46, at(-90, -294));
    const uint16_t both = edge_flags::kForwardAllowed | edge_flags::kBackwardAllowed;
    const auto closed = static_cast<uint16_t>(both | edge_flags::kClosed);
    b.add_way(WayInput{10, {1, 2, 3}, "Street", RoadClass::residential, both});
    b.add_way(WayInput{11, {2, 5, 6, 3}, "Alley", RoadClass::service, closed});
    b.add_way(WayInput{12, {2, 7}, "Closed Road", RoadClass::residential, closed});
    b.add_way(WayInput{20, {40, 41, 42}, "Tokyo Street", RoadClass::tertiary, both});
    b.add_way(WayInput{21, {41, 44, 45}, "Link", RoadClass::unclassified, both});
    b.add_way(WayInput{22, {45, 46, 42}, "Tokyo Alley", RoadClass::service, closed});
    b.add_node(51, at(0, 1000));
    b.add_node(52, at(100, 1000));
    b.add_node(53, at(200, 1000));
    b.add_node(55, at(110, 994));
    b.add_node(56, at(190, 994));
    b.add_way(WayInput{30, {51, 52, 53}, "Night Street", RoadClass::residential, closed});
    b.add_conditional(ConditionalInput{ConditionalKind::access, 1, ConditionalDirection::both, kAllVehicles,
                                       "motor_vehicle:conditional", "no @ (01:00-02:00)",
                                       "open @ (24/7); closed @ (01:00-02:00)"});
    b.add_way(WayInput{31, {52, 55, 56, 53}, "Night Alley", RoadClass::service, closed});
    b.write(*path_);
    map_ = std::make_unique<MapView>(MapView::open(*path_));
  }
  static void TearDownTestSuite() {
    map_.reset();
    std::filesystem::remove(*path_);
    path_.reset();
  }
  // The edge of way `way` between OSM nodes `from_osm` and `to_osm`, driven in that direction.
  static DirectedEdge between(int64_t way, int64_t from_osm, int64_t to_osm) {
    for (uint32_t e = 0; e < map_->edge_count(); ++e) {
      const map::EdgeRecord& r = map_->edge(e);
      if (r.osm_way_id != way) continue;
      const int64_t a = map_->node_osm_id(r.from_node), b = map_->node_osm_id(r.to_node);
      if (a == from_osm && b == to_osm) return DirectedEdge{e, false};
      if (a == to_osm && b == from_osm) return DirectedEdge{e, true};
    }
    ADD_FAILURE() << "no edge of way " << way << " from " << from_osm << " to " << to_osm;
    return {};
  }
  static inline std::unique_ptr<std::string> path_;
  static inline std::unique_ptr<map::MapView> map_;
};

TEST_F(ObservabilityTest, alleyBesideTheStreetItRejoinsLooksLikeTheStreet) {
  const DirectedEdge before = between(10, 1, 2), alley = between(11, 2, 3);
  EXPECT_FALSE(tellable_from_legal(*map_, std::array{before}, alley, 12, 100000));
  // A receiver good to a few metres would see it; with no separation asked for, anything goes.
  EXPECT_TRUE(tellable_from_legal(*map_, std::array{before}, alley, 3, 100000));
  EXPECT_TRUE(tellable_from_legal(*map_, std::array{before}, alley, 0, 100000));
}

TEST_F(ObservabilityTest, alleyEnteredByDoublingBackIsShadowedByAUTurn) {
  // Arriving at 2 from the east and turning back into the alley: turning round at 2 and driving the
  // street east looks the same.
  EXPECT_FALSE(tellable_from_legal(*map_, std::array{between(10, 3, 2)}, between(11, 2, 3), 12, 100000));
}

TEST_F(ObservabilityTest, alleyReachedByAShortLinkLooksLikeStayingOnTheStreet) {
  // From the link's end the only legal ways lead east, away from the alley; the street the car left
  // 26 m before runs beside the link and the alley all the way to the alley's end.
  const DirectedEdge street = between(20, 40, 41), link = between(21, 41, 45), alley = between(22, 45, 42);
  EXPECT_FALSE(tellable_from_legal(*map_, std::array{street, link}, alley, 12, 100000));
  // Knowing only the link, nothing shadows it.
  EXPECT_TRUE(tellable_from_legal(*map_, std::array{link}, alley, 12, 100000));
}

TEST_F(ObservabilityTest, closedRoadWithNoLegalRoadBesideItIsTellable) {
  EXPECT_TRUE(tellable_from_legal(*map_, std::array{between(10, 1, 2)}, between(12, 2, 7), 12, 100000));
}

// A legal drive on a road whose rules depend on the time shadows the alley while the road is open
// (noon), not while it is closed (01:30); without a clock such a road is never a legal alternative.
TEST_F(ObservabilityTest, aTimeDependentStreetShadowsTheAlleyWhileItIsOpen) {
  const DirectedEdge before = between(30, 51, 52), alley = between(31, 52, 53);
  TimedRules rules(*map_);
  const double day = 1795219200;  // 2026-11-21T00:00Z (the map has no zones: UTC)
  const PlanningClock noon(rules, day + 12 * 3600), night(rules, day + 1.5 * 3600);
  const double entry_m = 100;  // the alley is entered after driving `before`
  EXPECT_FALSE(tellable_from_legal(*map_, std::array{before}, alley, 12, 100000, &noon, entry_m));
  EXPECT_TRUE(tellable_from_legal(*map_, std::array{before}, alley, 12, 100000, &night, entry_m));
  EXPECT_TRUE(tellable_from_legal(*map_, std::array{before}, alley, 12, 100000));
}

}  // namespace
}  // namespace drivelog::sim
