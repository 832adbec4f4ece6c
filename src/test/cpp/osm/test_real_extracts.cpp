// Real OpenStreetMap extracts (src/test/resources/osm/README.md) through the whole import.
#include <gtest/gtest.h>

#include <algorithm>

#include "imported_map.hpp"

namespace drivelog::osm {
namespace {

using test::Imported;
using test::kMissing;
using map::EdgeRecord;
namespace flags = map::edge_flags;

TEST(RealExtracts, BristolReversedOnewayFlipsTheAllowedDirection) {
  const Imported original("whitelion_bristol_uk.osm.pbf");
  const Imported reversed("whitelion_bristol_uk_reversed_oneway.osm.pbf");
  const EdgeRecord& before = original.way(63);
  const EdgeRecord& after = reversed.way(63);
  EXPECT_TRUE(before.has(flags::kForwardAllowed));
  EXPECT_FALSE(before.has(flags::kBackwardAllowed));
  EXPECT_FALSE(after.has(flags::kForwardAllowed));
  EXPECT_TRUE(after.has(flags::kBackwardAllowed));
  EXPECT_EQ(original.map().info().edges, reversed.map().info().edges);
  EXPECT_EQ(original.way(1).maxspeed_forward, 322);  // 20 mph
}

TEST(RealExtracts, HarrisburgHasMphLimitsADirectionalStopAndOnlyRestrictions) {
  const Imported m("harrisburg.osm.pbf");
  EXPECT_EQ(m.way(9063718).maxspeed_forward, 563);  // 35 mph
  const uint32_t stop_node = m.node(3115633575);
  ASSERT_NE(stop_node, kMissing);
  std::size_t approaches = 0;
  for (uint32_t e = 0; e < m.map().edge_count(); ++e) {
    for (const map::StopSign& s : m.map().stop_signs_on(e)) {
      if (s.osm_node_id != 3115633575) continue;
      ++approaches;
      EXPECT_EQ(s.node, stop_node);
      EXPECT_EQ(m.map().edge(e).to_node, stop_node);  // direction=forward: along the way into the node
    }
  }
  EXPECT_EQ(approaches, 1u);
  // only_right_turn from way 9059128 via node 703392921 to way 317627639.
  const uint32_t via = m.node(703392921);
  bool found = false;
  for (uint32_t e = 0; e < m.map().edge_count(); ++e) {
    if (m.map().edge(e).osm_way_id != 9059128) continue;
    for (const map::TurnRestriction& r : m.map().restrictions_from(e)) {
      found = found || (r.osm_relation_id == 4281820 && r.via_node == via && r.kind == map::RestrictionKind::only &&
                        m.map().edge(r.to_edge).osm_way_id == 317627639);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(m.way(9069319).has(flags::kForwardAllowed), false);  // oneway=-1
}

TEST(RealExtracts, RomeIsItalianAndKeepsItsOnlyRestrictions) {
  const Imported m("rome.osm.pbf");
  EXPECT_EQ(m.report().country, "IT");
  std::size_t only = 0;
  for (uint32_t e = 0; e < m.map().edge_count(); ++e) {
    for (const map::TurnRestriction& r : m.map().restrictions_from(e)) {
      if (r.kind == map::RestrictionKind::only) ++only;
    }
  }
  EXPECT_GE(only, 10u);
  const uint32_t via = m.node(247703236);
  ASSERT_NE(via, kMissing);
  bool found = false;
  for (const map::AdjacentEdge a : m.map().adjacent(via)) {
    for (const map::TurnRestriction& r : m.map().restrictions_from(a.edge())) {
      found = found || (r.osm_relation_id == 1541583 && m.map().edge(r.from_edge).osm_way_id == 108565600 &&
                        m.map().edge(r.to_edge).osm_way_id == 108565603);
    }
  }
  EXPECT_TRUE(found);
}

TEST(RealExtracts, BusExtractIsGermanFromItsZoneTagsAndGetsGermanDefaults) {
  // Its zone:maxspeed=DE:urban ways also carry maxspeed=50: the number wins, the zone names the country.
  const Imported m("bus.osm.pbf");
  EXPECT_EQ(m.report().country, "DE");
  EXPECT_EQ(m.report().country_basis, "guessed from 32 ways with implicit limit tags");
  std::size_t german_defaults = 0;
  for (uint32_t e = 0; e < m.map().edge_count(); ++e) {
    const EdgeRecord& r = m.map().edge(e);
    if (r.speed_source == map::SpeedSource::country_default && r.road_class == map::RoadClass::residential) {
      EXPECT_EQ(r.maxspeed_forward, 500);
      ++german_defaults;
    }
  }
  EXPECT_GT(german_defaults, 0u);
  EXPECT_EQ(m.report().tag_problems.total(), 0u);
}

TEST(RealExtracts, PennsylvaniaStopsWithDirectionsSitAtEdgeEnds) {
  const Imported m("pa-access-restriction.osm.pbf");
  EXPECT_EQ(m.report().stop_nodes, 8u);
  for (uint32_t e = 0; e < m.map().edge_count(); ++e) {
    for (const map::StopSign& s : m.map().stop_signs_on(e)) {
      const EdgeRecord& r = m.map().edge(e);
      EXPECT_TRUE(s.node == r.from_node || s.node == r.to_node);
      EXPECT_EQ(m.map().node_osm_id(s.node), s.osm_node_id);
    }
  }
  EXPECT_NO_THROW(m.map().verify());
}

}  // namespace
}  // namespace drivelog::osm
