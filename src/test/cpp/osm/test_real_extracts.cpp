// Real OpenStreetMap extracts (src/test/resources/osm/README.md) through the whole import.
#include <gtest/gtest.h>

#include <algorithm>

#include "imported_map.hpp"

namespace drivelog::osm {
namespace {

using test::Imported;
using test::kMissing;
using map::EdgeRecord;
using map::MapView;
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

TEST(RealExtracts, BusExtractIsGermanFromItsPositionAndGetsGermanDefaults) {
  const Imported m("bus.osm.pbf");
  EXPECT_EQ(m.report().country, "DE");
  EXPECT_EQ(m.report().country_basis, "position (country boundaries data)");
  std::size_t german_defaults = 0;
  for (uint32_t e = 0; e < m.map().edge_count(); ++e) {
    const EdgeRecord& r = m.map().edge(e);
    if (r.source(true) == map::SpeedSource::legal_default_inferred && r.road_class == map::RoadClass::residential) {
      EXPECT_EQ(r.maxspeed_forward, 500);  // urban, inferred from highway=residential
      ++german_defaults;
    }
  }
  EXPECT_GT(german_defaults, 0u);
  EXPECT_EQ(m.report().tag_problems.total(), 0u);
}

// No extract carries a country tag: the region of every edge comes from its position.
TEST(RealExtracts, EveryExtractsRegionComesFromItsPosition) {
  const std::pair<const char*, const char*> cases[] = {
      {"tokyo_shibuya_west.osm.pbf", "JP"}, {"bus.osm.pbf", "DE"}, {"rome.osm.pbf", "IT"},
      {"harrisburg.osm.pbf", "US-PA"},      {"pa-access-restriction.osm.pbf", "US-PA"}};
  for (const auto& [file, region] : cases) {
    const Imported m(file);
    EXPECT_EQ(m.report().country, region) << file;
    EXPECT_EQ(m.report().legal.edges_by_region.size(), 1u) << file;
  }
}

TEST(RealExtracts, TokyoUntaggedStreetsGetJapansDefaultAndItsChangeOn20260901) {
  const Imported m("tokyo_shibuya_west.osm.pbf");
  const int32_t before = 20696, after = 20698;  // 2026-08-31, 2026-09-02
  std::size_t narrow = 0, wide = 0;
  for (uint32_t e = 0; e < m.map().edge_count(); ++e) {
    const EdgeRecord& r = m.map().edge(e);
    if (!map::is_rule_based(r.source(true)) || r.road_class == map::RoadClass::motorway) continue;
    const map::LimitInForce old_law = m.map().limit_in_force(e, true, before);
    const map::LimitInForce new_law = m.map().limit_in_force(e, true, after);
    EXPECT_EQ(old_law.tenths_kmh, 600) << r.osm_way_id;
    if (new_law.tenths_kmh == 300) {
      ++narrow;
      EXPECT_EQ(new_law.source, map::SpeedSource::legal_default_inferred);
      EXPECT_EQ(m.map().string_at(m.map().speed_rule(new_law.rule).name), "JP 2026-09-01 road without centre line");
    } else {
      ++wide;
      EXPECT_EQ(new_law.tenths_kmh, 600) << r.osm_way_id;
    }
  }
  EXPECT_GT(narrow, 100u);  // residential streets
  EXPECT_GT(wide, 10u);     // primary and secondary roads with a centre line
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

TEST(RealExtracts, PennsylvaniaRampsKeepTheirAdvisorySpeedsInMph) {
  // 13 motorway_link ways carry maxspeed:advisory (15 to 40 mph), none of them a direction of its own.
  const Imported m("pa-access-restriction.osm.pbf");
  const MapView& map = m.map();
  EXPECT_EQ(map.info().advisory_speed_ways, 13u);
  std::size_t signed_edges = 0;
  for (uint32_t e = 0; e < map.edge_count(); ++e) {
    const uint16_t forward = map.advisory_speed(e, true);
    if (forward == map::kSpeedUnknown) continue;
    ++signed_edges;
    EXPECT_EQ(map.advisory_speed(e, false), forward);
    EXPECT_EQ(map.edge(e).road_class, map::RoadClass::motorway_link);
    EXPECT_TRUE(forward == 241 || forward == 322 || forward == 483 || forward == 644) << forward;  // 15, 20, 30, 40 mph
  }
  EXPECT_EQ(signed_edges, map.info().advisory_speed_edges);
  EXPECT_GE(signed_edges, 13u);
  EXPECT_TRUE(m.report().advisory_unreadable.empty());
}

TEST(RealExtracts, PennsylvaniaViaWayRestrictionIsAConnectedPath) {
  const Imported m("pa-access-restriction.osm.pbf");
  const MapView& map = m.map();
  ASSERT_EQ(map.info().via_way_restrictions, 1u);
  std::size_t checked = 0;
  for (uint32_t e = 0; e < map.edge_count(); ++e) {
    for (const map::ViaWayRestriction& r : map.via_way_restrictions_from(e)) {
      // from -> via... -> to must chain through shared end nodes.
      std::vector<uint32_t> chain{r.from_edge};
      for (const uint32_t v : map.via_edges(r)) chain.push_back(v);
      chain.push_back(r.to_edge);
      for (std::size_t i = 1; i < chain.size(); ++i) {
        const EdgeRecord& a = map.edge(chain[i - 1]);
        const EdgeRecord& b = map.edge(chain[i]);
        const bool touch = a.from_node == b.from_node || a.from_node == b.to_node || a.to_node == b.from_node ||
                           a.to_node == b.to_node;
        EXPECT_TRUE(touch) << "relation " << r.osm_relation_id << " link " << i;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 1u);
}

}  // namespace
}  // namespace drivelog::osm
