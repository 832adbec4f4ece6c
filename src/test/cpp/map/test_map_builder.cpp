// Builds the sample network, writes it, maps it and checks every accessor.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <set>

#include "map/geo.hpp"
#include "map/map_builder.hpp"
#include "map/map_format.hpp"
#include "map/map_info_json.hpp"
#include "map/map_view.hpp"
#include "map/spatial_grid.hpp"
#include "sample_map.hpp"

namespace drivelog::map {
namespace {

constexpr uint32_t kNoEdge = UINT32_MAX;

uint32_t node_by_osm(const MapView& m, int64_t osm) {
  for (uint32_t n = 0; n < m.node_count(); ++n) {
    if (m.node_osm_id(n) == osm) return n;
  }
  return kNoEdge;
}

uint32_t edge_between(const MapView& m, int64_t way, int64_t from_osm, int64_t to_osm) {
  for (uint32_t e = 0; e < m.edge_count(); ++e) {
    const EdgeRecord& r = m.edge(e);
    if (r.osm_way_id == way && m.node_osm_id(r.from_node) == from_osm && m.node_osm_id(r.to_node) == to_osm) return e;
  }
  return kNoEdge;
}

class SampleMap : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    path_ = test::temp_map_path(GetParam() ? "input-order" : "hilbert");
    MapBuilder builder;
    test::add_sample_network(builder);
    builder.set_keep_input_order(GetParam());
    stats_ = builder.write(path_);
  }
  void TearDown() override { std::filesystem::remove(path_); }

  std::string path_;
  BuildStats stats_;
};

TEST_P(SampleMap, BuildStatsCountWhatWasKeptAndDropped) {
  EXPECT_EQ(stats_.nodes, 7u);  // 1 2 3 4 5 6 8; node 7 is only a shape point
  EXPECT_EQ(stats_.edges, 6u);
  EXPECT_EQ(stats_.stop_signs, 2u);
  EXPECT_EQ(stats_.stops_dropped, 1u);
  EXPECT_EQ(stats_.turn_restrictions, 4u);
  EXPECT_EQ(stats_.restrictions_dropped, 1u);
  EXPECT_EQ(stats_.missing_node_refs, 1u);
  EXPECT_EQ(stats_.problems.at("restriction via node not a junction of kept roads"), 1u);
  EXPECT_EQ(stats_.problems.at("stop sign not on a kept road"), 1u);
  EXPECT_EQ(stats_.bytes, std::filesystem::file_size(path_));
}

TEST_P(SampleMap, InfoReportsCountsBboxSourceAndOrder) {
  const MapView m = MapView::open(path_);
  const MapInfo& i = m.info();
  EXPECT_EQ(i.format_version, format::kFormatVersion);
  EXPECT_EQ(i.nodes, 7u);
  EXPECT_EQ(i.edges, 6u);
  EXPECT_EQ(i.oneway_edges, 2u);         // the two pieces of the side road
  EXPECT_EQ(i.speed_limited_edges, 4u);  // main street (2) and side road (2)
  EXPECT_EQ(i.stop_signs, 3u);           // s forward; b: side road and service approaches
  EXPECT_EQ(i.turn_restrictions, 3u);
  EXPECT_EQ(i.via_way_restrictions, 1u);
  EXPECT_EQ(i.bbox.min, Coord::from_degrees(51.9990, 13.0000));
  EXPECT_EQ(i.bbox.max, Coord::from_degrees(52.0020, 13.0140));
  EXPECT_EQ(i.source, "sample network");
  EXPECT_EQ(i.bytes, std::filesystem::file_size(path_));
  EXPECT_EQ(i.hilbert_ordered, !GetParam());
  EXPECT_EQ(i.shape_points, 13u);
  const std::string json = map_info_json(m);
  EXPECT_NE(json.find("\"format_version\":10"), std::string::npos);
  EXPECT_NE(json.find("\"stop_signs\":3"), std::string::npos);
  EXPECT_NE(json.find("\"source\":\"sample network\""), std::string::npos);
  EXPECT_NE(json.find("\"min_lat\":51.9990000"), std::string::npos);
}

TEST_P(SampleMap, InfoFingerprintFollowsContentNotNameOrPlace) {
  const MapInfo first = MapView::open(path_).info();
  ASSERT_EQ(first.section_crc32.size(), format::kSectionCount);
  EXPECT_NE(map_info_json(MapView::open(path_)).find("\"section_crc32\":[\""), std::string::npos);

  // The same network built again elsewhere, named differently: the same content, the same checksums.
  const std::string again = test::temp_map_path(std::string(GetParam() ? "input-order" : "hilbert") + "-again");
  MapBuilder same;
  test::add_sample_network(same);
  same.set_keep_input_order(GetParam());
  same.set_source("another name for the same roads");
  same.write(again);
  EXPECT_EQ(MapView::open(again).info().section_crc32, first.section_crc32);

  // One more road: other checksums.
  MapBuilder changed;
  test::add_sample_network(changed);
  changed.set_keep_input_order(GetParam());
  changed.add_node(900, Coord::from_degrees(52.0030, 13.0000));
  changed.add_way({90, {4, 900}, "New Lane", RoadClass::residential,
                   edge_flags::kForwardAllowed | edge_flags::kBackwardAllowed, 300, 300, SpeedSource::explicit_tag});
  const std::string other = test::temp_map_path(std::string(GetParam() ? "input-order" : "hilbert") + "-other");
  changed.write(other);
  EXPECT_NE(MapView::open(other).info().section_crc32, first.section_crc32);
  std::filesystem::remove(again);
  std::filesystem::remove(other);
}

TEST_P(SampleMap, WaysAreSplitAtSharedNodesAndStopNodes) {
  const MapView m = MapView::open(path_);
  EXPECT_NE(edge_between(m, 10, 1, 2), kNoEdge);
  EXPECT_NE(edge_between(m, 11, 2, 3), kNoEdge);
  EXPECT_NE(edge_between(m, 20, 4, 5), kNoEdge);  // split at the stop node
  EXPECT_NE(edge_between(m, 20, 5, 2), kNoEdge);  // and at the junction
  EXPECT_NE(edge_between(m, 30, 2, 6), kNoEdge);
  EXPECT_NE(edge_between(m, 40, 3, 8), kNoEdge);  // the missing node is skipped
  EXPECT_EQ(node_by_osm(m, 7), kNoEdge);
}

TEST_P(SampleMap, EdgeAttributesShapesAndNames) {
  const MapView m = MapView::open(path_);
  const uint32_t main_b = edge_between(m, 11, 2, 3);
  const EdgeRecord& r = m.edge(main_b);
  EXPECT_EQ(r.road_class, RoadClass::primary);
  EXPECT_EQ(r.maxspeed_forward, 500);
  EXPECT_EQ(r.maxspeed_backward, 500);
  EXPECT_EQ(r.source(true), SpeedSource::explicit_tag);
  EXPECT_EQ(r.source(false), SpeedSource::explicit_tag);
  EXPECT_FALSE(r.oneway());
  EXPECT_EQ(m.edge_name(main_b), "Main Street");
  const auto shape = m.edge_shape(main_b);
  ASSERT_EQ(shape.size(), 3u);
  EXPECT_EQ(shape[0], m.node_coord(r.from_node));
  EXPECT_EQ(shape[1], Coord::from_degrees(52.0005, 13.0030));
  EXPECT_EQ(shape[2], m.node_coord(r.to_node));
  const double expected = geo::distance_m(shape[0], shape[1]) + geo::distance_m(shape[1], shape[2]);
  EXPECT_NEAR(r.length_m, expected, 0.01);

  const EdgeRecord& side = m.edge(edge_between(m, 20, 5, 2));
  EXPECT_TRUE(side.oneway());
  EXPECT_TRUE(side.has(edge_flags::kForwardAllowed));
  EXPECT_FALSE(side.has(edge_flags::kBackwardAllowed));
  EXPECT_EQ(side.source(true), SpeedSource::implicit_zone);
  EXPECT_EQ(m.edge_name(edge_between(m, 20, 5, 2)), "Side Road");
  EXPECT_EQ(m.edge_name(edge_between(m, 30, 2, 6)), "");
  EXPECT_EQ(m.edge(edge_between(m, 30, 2, 6)).maxspeed_forward, kSpeedUnknown);
  EXPECT_EQ(m.node_coord(node_by_osm(m, 8)), Coord::from_degrees(52.0000, 13.0140));
}

TEST_P(SampleMap, AdjacencyListsEveryEdgeAtBothEnds) {
  const MapView m = MapView::open(path_);
  const uint32_t b = node_by_osm(m, 2);
  std::set<std::pair<uint32_t, bool>> at_b;
  for (const AdjacentEdge a : m.adjacent(b)) at_b.insert({a.edge(), a.reversed()});
  const std::set<std::pair<uint32_t, bool>> expected = {
      {edge_between(m, 10, 1, 2), true}, {edge_between(m, 11, 2, 3), false},
      {edge_between(m, 20, 5, 2), true}, {edge_between(m, 30, 2, 6), false}};
  EXPECT_EQ(at_b, expected);

  // Every edge appears once at its from_node (not reversed) and once at its to_node (reversed).
  uint64_t entries = 0;
  for (uint32_t n = 0; n < m.node_count(); ++n) {
    for (const AdjacentEdge a : m.adjacent(n)) {
      const EdgeRecord& r = m.edge(a.edge());
      EXPECT_EQ(a.reversed() ? r.to_node : r.from_node, n);
      ++entries;
    }
  }
  EXPECT_EQ(entries, 2u * m.edge_count());
}

TEST_P(SampleMap, StopSignsSitOnTheApproachesTheyGovern) {
  const MapView m = MapView::open(path_);
  const uint32_t s = node_by_osm(m, 5), b = node_by_osm(m, 2);
  const auto on_cs = m.stop_signs_on(edge_between(m, 20, 4, 5));
  ASSERT_EQ(on_cs.size(), 1u);
  EXPECT_EQ(on_cs[0].node, s);
  EXPECT_EQ(on_cs[0].osm_node_id, 5);
  // Directionless stop at b: the minor roads' approaches only, not Main Street's.
  const auto on_sb = m.stop_signs_on(edge_between(m, 20, 5, 2));
  ASSERT_EQ(on_sb.size(), 1u);
  EXPECT_EQ(on_sb[0].node, b);
  ASSERT_EQ(m.stop_signs_on(edge_between(m, 30, 2, 6)).size(), 1u);
  EXPECT_EQ(m.stop_signs_on(edge_between(m, 30, 2, 6))[0].node, b);
  EXPECT_TRUE(m.stop_signs_on(edge_between(m, 10, 1, 2)).empty());
  EXPECT_TRUE(m.stop_signs_on(edge_between(m, 11, 2, 3)).empty());
}

TEST_P(SampleMap, TurnRestrictionsResolveToEdgesAtTheViaNode) {
  const MapView m = MapView::open(path_);
  const uint32_t b = node_by_osm(m, 2);
  const uint32_t side = edge_between(m, 20, 5, 2), main_a = edge_between(m, 10, 1, 2);
  const uint32_t main_b = edge_between(m, 11, 2, 3), service = edge_between(m, 30, 2, 6);

  const auto from_side = m.restrictions_from(side);
  ASSERT_EQ(from_side.size(), 1u);
  EXPECT_EQ(from_side[0].via_node, b);
  EXPECT_EQ(from_side[0].to_edge, main_a);
  EXPECT_EQ(from_side[0].kind, RestrictionKind::no);
  EXPECT_EQ(from_side[0].osm_relation_id, 500);

  const auto u_turn = m.restrictions_from(main_b);
  ASSERT_EQ(u_turn.size(), 1u);
  EXPECT_EQ(u_turn[0].to_edge, main_b);

  const auto only = m.restrictions_from(service);
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(only[0].kind, RestrictionKind::only);
  EXPECT_EQ(only[0].to_edge, main_b);
  EXPECT_TRUE(m.restrictions_from(main_a).empty());
}

TEST_P(SampleMap, ViaWayRestrictionIsAPathOfEdges) {
  // Relation 503: from way 10 (a-b) via way 11 (b-7-d) to way 40 (d-8).
  const MapView m = MapView::open(path_);
  const auto from_a = m.via_way_restrictions_from(edge_between(m, 10, 1, 2));
  ASSERT_EQ(from_a.size(), 1u);
  EXPECT_EQ(from_a[0].osm_relation_id, 503);
  EXPECT_EQ(from_a[0].kind, RestrictionKind::no);
  EXPECT_EQ(from_a[0].to_edge, edge_between(m, 40, 3, 8));
  const auto via = m.via_edges(from_a[0]);
  ASSERT_EQ(via.size(), 1u);
  EXPECT_EQ(via[0], edge_between(m, 11, 2, 3));
  EXPECT_TRUE(m.via_way_restrictions_from(edge_between(m, 11, 2, 3)).empty());
}

double distance_to_segment_m(Coord p, Coord a, Coord b) {
  const geo::LocalProjection proj(p.lat(), p.lon());
  const double ax = proj.x(a.lon()), ay = proj.y(a.lat()), bx = proj.x(b.lon()), by = proj.y(b.lat());
  const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(ax + t * dx, ay + t * dy);
}

TEST_P(SampleMap, SegmentsNearFindsEverySegmentWithinTheRadius) {
  const MapView m = MapView::open(path_);
  const uint32_t main_b = edge_between(m, 11, 2, 3);
  std::vector<SegmentRef> near;
  m.segments_near(Coord::from_degrees(52.00026, 13.0035), 15, near);  // beside the segment 7 -> d
  EXPECT_TRUE(std::any_of(near.begin(), near.end(), [&](SegmentRef s) { return s.edge == main_b && s.segment == 1; }));

  // A sweep over the map: whatever lies within the radius must be returned.
  for (double lat = 51.9985; lat <= 52.0025; lat += 0.00037) {
    for (double lon = 12.9995; lon <= 13.0145; lon += 0.00041) {
      const Coord p = Coord::from_degrees(lat, lon);
      for (const double radius : {5.0, 40.0, 150.0}) {
        near.clear();
        m.segments_near(p, radius, near);
        for (uint32_t e = 0; e < m.edge_count(); ++e) {
          const auto shape = m.edge_shape(e);
          for (uint32_t s = 0; s + 1 < shape.size(); ++s) {
            if (distance_to_segment_m(p, shape[s], shape[s + 1]) > radius) continue;
            EXPECT_TRUE(std::any_of(near.begin(), near.end(), [&](SegmentRef r) { return r.edge == e && r.segment == s; }))
                << "edge " << e << " segment " << s << " near " << lat << "," << lon << " r=" << radius;
          }
        }
      }
    }
  }
  near.clear();
  m.segments_near(Coord::from_degrees(10.0, 10.0), 100, near);
  EXPECT_TRUE(near.empty());
}

TEST_P(SampleMap, SegmentRunsNearConcatenateToSegmentsNear) {
  const MapView m = MapView::open(path_);
  NearSpanCache cache;
  std::vector<SegmentRef> near, from_runs;
  std::vector<MapView::SegmentRun> runs;
  int nonempty = 0;
  for (double lat = 51.9985; lat <= 52.0025; lat += 0.00011) {
    for (double lon = 12.9995; lon <= 13.0145; lon += 0.00013) {
      const Coord p = Coord::from_degrees(lat, lon);
      near.clear();
      runs.clear();
      from_runs.clear();
      m.segments_near(p, 50, near);
      m.segment_runs_near(p, 50, runs, cache);
      for (const MapView::SegmentRun run : runs) {
        const auto segments = m.segments_of(run);
        from_runs.insert(from_runs.end(), segments.begin(), segments.end());
      }
      ASSERT_EQ(from_runs, near) << lat << "," << lon;
      if (!near.empty()) ++nonempty;
    }
  }
  EXPECT_GT(nonempty, 100);
  EXPECT_THROW((void)m.segments_of(MapView::SegmentRun{0, static_cast<uint32_t>(m.info().grid_segments + 1)}), MapError);
}

TEST_P(SampleMap, VerifyPassesOnAnIntactFile) {
  const MapView m = MapView::open(path_);
  EXPECT_NO_THROW(m.verify());
}

INSTANTIATE_TEST_SUITE_P(Orders, SampleMap, ::testing::Values(false, true),
                         [](const auto& param_info) { return param_info.param ? "InputOrder" : "HilbertOrder"; });

// A resolver as the OSM importer's would answer: one region, a rule chain whose car limit changes
// on a date, applied to directions without a tag.
class TwoDateResolver final : public EdgeSpeedResolver {
 public:
  void resolve(uint32_t legal_key, Coord, EdgeRecord& record) override {
    keys.push_back(legal_key);
    record.region = 0;
    record.speed_rule = 0;
    if (record.source(true) == SpeedSource::none) {
      record.maxspeed_forward = 600;
      record.maxspeed_backward = 600;
      record.set_sources(SpeedSource::legal_default, SpeedSource::legal_default);
    }
  }
  std::vector<RegionInput> regions() const override { return {RegionInput{"JP", "JP"}}; }
  std::vector<SpeedRuleInput> rules() const override {
    SpeedRuleInput base{"JP: other roads", "maxspeed=60\n", INT32_MIN, INT32_MAX, {600, 0, 0, 0},
                        SpeedSource::legal_default, 3, 1};
    SpeedRuleInput later{"JP 2026-09-01 test", "", 20697, INT32_MAX, {300, 0, 0, 0},
                         SpeedSource::legal_default_inferred, 4, kNoSpeedRule};
    return {base, later};
  }
  std::string description() const override { return "test rules"; }
  std::vector<uint32_t> keys;
};

TEST(MapBuilder, ResolverGivesRegionsAndDatedRulesToEdgesWithoutATag) {
  const std::string path = test::temp_map_path("resolver");
  MapBuilder builder;
  test::add_sample_network(builder);
  TwoDateResolver resolver;
  builder.set_speed_resolver(&resolver);
  builder.write(path);
  {
    const MapView m = MapView::open(path);
    EXPECT_EQ(resolver.keys.size(), m.edge_count());  // asked once per edge
    const uint32_t service = edge_between(m, 30, 2, 6);
    EXPECT_EQ(m.edge(service).maxspeed_forward, 600);
    EXPECT_EQ(m.edge(service).source(true), SpeedSource::legal_default);
    ASSERT_EQ(m.regions().size(), 1u);
    EXPECT_EQ(m.string_at(m.regions()[0].code), "JP");
    // 2026-08-31 is day 20696: the base rule; from 2026-09-01 the later one.
    const LimitInForce before = m.limit_in_force(service, true, 20696);
    EXPECT_EQ(before.tenths_kmh, 600);
    EXPECT_EQ(before.source, SpeedSource::legal_default);
    EXPECT_EQ(m.string_at(m.speed_rule(before.rule).name), "JP: other roads");
    const LimitInForce after = m.limit_in_force(service, true, 20698);
    EXPECT_EQ(after.tenths_kmh, 300);
    EXPECT_EQ(after.source, SpeedSource::legal_default_inferred);
    // A tagged direction keeps its tag whatever the date.
    const uint32_t main = edge_between(m, 10, 1, 2);
    EXPECT_EQ(m.limit_in_force(main, true, 20698).tenths_kmh, 500);
    EXPECT_EQ(m.limit_in_force(main, true, 20698).source, SpeedSource::explicit_tag);
    EXPECT_EQ(m.info().legal_data, "test rules");
    EXPECT_NE(m.info().legal_summary.find("\"legal default\":"), std::string::npos) << m.info().legal_summary;
    EXPECT_NO_THROW(m.verify());
  }
  std::filesystem::remove(path);
}

// stop_signs_on() finds an edge's signs by its rank among the edges with one (no search): for every
// edge of a long street it gives exactly the signs on it, every sign once, across the words of its
// bit set (edges 0-63, 64-127, ...), on edges with none, one and two signs.
TEST(MapBuilder, StopSignsOnGivesEveryEdgeExactlyItsSigns) {
  const std::string path = test::temp_map_path("stop-rank");
  MapBuilder builder;
  WayInput street;
  street.osm_id = 1;
  street.name = "Long Street";
  for (int64_t n = 1; n <= 400; ++n) {
    builder.add_node(n, Coord::from_degrees(50.0, 8.0 + 0.0005 * static_cast<double>(n)));
    street.node_ids.push_back(n);
  }
  builder.add_way(street);
  // All-way stops at most of its nodes (the way is cut there; an edge between two has two signs),
  // and short lanes beside it without any (an edge each, no sign).
  for (int64_t n = 2; n < 400; ++n) {
    if (n % 9 != 4 && n % 13 != 0) builder.add_stop(StopInput{n, StopDirection::all_way});
  }
  for (int64_t lane = 0; lane < 150; ++lane) {
    const int64_t a = 1000 + 2 * lane, b = a + 1;
    builder.add_node(a, Coord::from_degrees(50.001, 8.0 + 0.0012 * static_cast<double>(lane)));
    builder.add_node(b, Coord::from_degrees(50.001, 8.0005 + 0.0012 * static_cast<double>(lane)));
    WayInput way;
    way.osm_id = 10 + lane;
    way.node_ids = {a, b};
    builder.add_way(way);
  }
  builder.write(path);
  {
    const MapView m = MapView::open(path);
    ASSERT_GT(m.edge_count(), 128U);
    // Every sign, by edge, as the map stores them (each edge's span concatenated in edge order).
    std::vector<std::pair<uint32_t, uint32_t>> all;
    std::size_t with_two = 0, with_none = 0;
    for (uint32_t e = 0; e < m.edge_count() + 3; ++e) {
      const auto signs = m.stop_signs_on(e);
      if (e >= m.edge_count()) {
        EXPECT_TRUE(signs.empty());
        continue;
      }
      for (const StopSign& s : signs) {
        EXPECT_EQ(s.edge, e);
        all.emplace_back(s.edge, s.node);
      }
      with_two += signs.size() == 2;
      with_none += signs.empty();
    }
    EXPECT_EQ(all.size(), m.info().stop_signs);
    EXPECT_TRUE(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; }));
    EXPECT_GT(with_two, 0U);
    EXPECT_GT(with_none, 0U);
  }
  std::filesystem::remove(path);
}

TEST(MapBuilder, WithoutAResolverUntaggedDirectionsStayUnknownAndTimeIsUtc) {
  const std::string path = test::temp_map_path("no-resolver");
  MapBuilder builder;
  test::add_sample_network(builder);
  builder.write(path);
  {
    const MapView m = MapView::open(path);
    const EdgeRecord& service = m.edge(edge_between(m, 30, 2, 6));
    EXPECT_EQ(service.maxspeed_forward, kSpeedUnknown);
    EXPECT_EQ(service.speed_rule, kNoSpeedRule);
    ASSERT_EQ(m.time_zones().size(), 1u);
    EXPECT_EQ(m.string_at(m.time_zones()[0].name), "UTC");
    EXPECT_EQ(m.utc_offset_seconds(m.time_zone_at(Coord::from_degrees(35.6, 139.7)), 1.8e9), 0);
  }
  std::filesystem::remove(path);
}

TEST(MapBuilder, TimeZonesGiveEachPositionItsOffsetAtEachInstant) {
  const std::string path = test::temp_map_path("zones");
  MapBuilder builder;
  test::add_sample_network(builder);
  // Two cells side by side: west UTC+1 with a change to +2 at t = 1000, east UTC+9.
  TimeZoneTable zones;
  zones.source = "test";
  zones.grid = format::GridGeometry{0, 0, 10'000'000, 10'000'000, 1, 2};
  zones.cells = {0, 1};
  zones.zones = {TimeZoneInput{"West", {UtcOffsetTransition{INT64_MIN, 3600, 0}, UtcOffsetTransition{1000, 7200, 0}}},
                 TimeZoneInput{"East", {UtcOffsetTransition{INT64_MIN, 32400, 0}}}};
  builder.set_time_zones(zones);
  builder.write(path);
  {
    const MapView m = MapView::open(path);
    const uint16_t west = m.time_zone_at(Coord::from_degrees(0.5, 0.5));
    const uint16_t east = m.time_zone_at(Coord::from_degrees(0.5, 1.5));
    EXPECT_EQ(m.string_at(m.time_zones()[west].name), "West");
    EXPECT_EQ(m.string_at(m.time_zones()[east].name), "East");
    EXPECT_EQ(m.utc_offset_seconds(west, 999), 3600);
    EXPECT_EQ(m.utc_offset_seconds(west, 1000), 7200);
    EXPECT_EQ(m.utc_offset_seconds(east, 1e9), 32400);
    // The span each offset holds for: up to the change, and from it on.
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(m.utc_offset_span(west, 999).from_utc, -inf);
    EXPECT_EQ(m.utc_offset_span(west, 999).until_utc, 1000);
    EXPECT_EQ(m.utc_offset_span(west, 1000).offset_seconds, 7200);
    EXPECT_EQ(m.utc_offset_span(west, 1000).from_utc, 1000);
    EXPECT_EQ(m.utc_offset_span(west, 1000).until_utc, inf);
    EXPECT_EQ(m.utc_offset_span(east, 1e9).from_utc, -inf);
    // Outside the grid: the nearest cell.
    EXPECT_EQ(m.time_zone_at(Coord::from_degrees(-5, 9)), east);
    EXPECT_EQ(m.info().time_zone_source, "test");
    EXPECT_NO_THROW(m.verify());
  }
  std::filesystem::remove(path);
}

TEST(MapBuilder, ClosedWayBecomesALoopEdgeListedTwiceAtItsNode) {
  //   11 ---- 12
  //    \      /     way 60: 10 -> 11 -> 12 -> 10, a roundabout on its own
  //      10
  const std::string path = test::temp_map_path("loop");
  MapBuilder builder;
  builder.add_node(10, Coord::from_degrees(50.0000, 8.0000));
  builder.add_node(11, Coord::from_degrees(50.0010, 7.9990));
  builder.add_node(12, Coord::from_degrees(50.0010, 8.0010));
  builder.add_way(WayInput{60, {10, 11, 12, 10}, "Ring", RoadClass::primary,
                           edge_flags::kForwardAllowed | edge_flags::kRoundabout, 300, 300, SpeedSource::explicit_tag});
  builder.write(path);
  {
    const MapView m = MapView::open(path);
    ASSERT_EQ(m.node_count(), 1u);  // 11 and 12 are shape points only
    ASSERT_EQ(m.edge_count(), 1u);
    EXPECT_EQ(m.edge(0).from_node, 0u);
    EXPECT_EQ(m.edge(0).to_node, 0u);
    EXPECT_EQ(m.edge_shape(0).size(), 4u);
    const auto adj = m.adjacent(0);
    ASSERT_EQ(adj.size(), 2u);
    EXPECT_NE(adj[0].reversed(), adj[1].reversed());
    EXPECT_NO_THROW(m.verify());
  }
  std::filesystem::remove(path);
}

TEST(MapBuilder, SignalsSplitTheirRoadAndAreFoundByNode) {
  //   20 ---- 21(signals) ---- 22        way 70 (a bridge, layer 2, over the street below)
  //   23 ---- 24 (signals on no kept road: ignored)   way 71 (a car-park aisle)
  const std::string path = test::temp_map_path("signals");
  MapBuilder builder;
  builder.add_node(20, Coord::from_degrees(50.0000, 8.0000));
  builder.add_node(21, Coord::from_degrees(50.0000, 8.0010));
  builder.add_node(22, Coord::from_degrees(50.0000, 8.0020));
  builder.add_node(23, Coord::from_degrees(50.0010, 8.0000));
  builder.add_node(24, Coord::from_degrees(50.0010, 8.0010));
  builder.add_node(25, Coord::from_degrees(50.0020, 8.0010));
  const uint16_t both = edge_flags::kForwardAllowed | edge_flags::kBackwardAllowed;
  builder.add_way(WayInput{70, {20, 21, 22}, "High Road", RoadClass::primary, static_cast<uint16_t>(both | edge_flags::kBridge),
                           500, 500, SpeedSource::explicit_tag, 2, RoadUse::general});
  builder.add_way(WayInput{71, {23, 24}, "", RoadClass::service, both, kSpeedUnknown, kSpeedUnknown, SpeedSource::none, 0,
                           RoadUse::parking_aisle});
  builder.add_signal(21);
  builder.add_signal(25);  // no road there
  const BuildStats stats = builder.write(path);
  EXPECT_EQ(stats.signals, 1u);
  {
    const MapView m = MapView::open(path);
    EXPECT_EQ(m.info().signals, 1u);
    EXPECT_EQ(m.info().format_version, format::kFormatVersion);
    ASSERT_EQ(m.edge_count(), 3u);  // way 70 split at the signal
    const uint32_t signal = node_by_osm(m, 21);
    ASSERT_NE(signal, kNoEdge);
    EXPECT_TRUE(m.has_signal(signal));
    EXPECT_FALSE(m.has_signal(node_by_osm(m, 20)));
    EXPECT_FALSE(m.has_signal(node_by_osm(m, 23)));
    for (uint32_t e = 0; e < m.edge_count(); ++e) {
      const EdgeRecord& r = m.edge(e);
      EXPECT_EQ(r.layer, r.osm_way_id == 70 ? 2 : 0);
      EXPECT_EQ(r.use, r.osm_way_id == 71 ? RoadUse::parking_aisle : RoadUse::general);
    }
    EXPECT_NO_THROW(m.verify());
  }
  std::filesystem::remove(path);
}

TEST(MapBuilder, AdvisorySpeedsFollowTheirWayOntoEveryEdgeInItsDirection) {
  //   30 ---- 31 ---- 32     way 80, signed 30 km/h forward only, split at 31 by way 81
  //           |
  //           33             way 81, no advisory speed
  for (const bool keep_input_order : {false, true}) {
    const std::string path = test::temp_map_path(keep_input_order ? "advisory-input" : "advisory-hilbert");
    MapBuilder builder;
    builder.set_keep_input_order(keep_input_order);
    builder.add_node(30, Coord::from_degrees(50.0000, 8.0000));
    builder.add_node(31, Coord::from_degrees(50.0000, 8.0010));
    builder.add_node(32, Coord::from_degrees(50.0000, 8.0020));
    builder.add_node(33, Coord::from_degrees(49.9990, 8.0010));
    WayInput signed_way{80, {30, 31, 32}, "Curve Road"};
    signed_way.advisory_forward = 300;
    builder.add_way(signed_way);
    builder.add_way(WayInput{81, {31, 33}, "Side Road"});
    const BuildStats stats = builder.write(path);
    EXPECT_EQ(stats.advisory_speed_edges, 2u);
    EXPECT_EQ(stats.advisory_speed_ways, 1u);
    {
      const MapView m = MapView::open(path);
      for (const auto& [from, to] : {std::pair{30, 31}, std::pair{31, 32}}) {
        const uint32_t e = edge_between(m, 80, from, to);
        ASSERT_NE(e, kNoEdge);
        EXPECT_EQ(m.advisory_speed(e, true), 300);
        EXPECT_EQ(m.advisory_speed(e, false), kSpeedUnknown);
      }
      const uint32_t side = edge_between(m, 81, 31, 33);
      ASSERT_NE(side, kNoEdge);
      EXPECT_EQ(m.advisory_speed(side, true), kSpeedUnknown);
      EXPECT_EQ(m.info().advisory_speed_edges, 2u);
      EXPECT_EQ(m.info().advisory_speed_ways, 1u);
      const std::string json = map_info_json(m);
      EXPECT_NE(json.find("\"advisory_speed_ways\":1,\"advisory_speed_edges\":2"), std::string::npos) << json;
      EXPECT_NO_THROW(m.verify());
    }
    std::filesystem::remove(path);
  }
}

TEST(MapView, OutOfRangeIdsThrowInsteadOfReadingOutsideTheMap) {
  const std::string path = test::temp_map_path("range");
  MapBuilder builder;
  test::add_sample_network(builder);
  builder.write(path);
  {
    const MapView m = MapView::open(path);
    EXPECT_THROW((void)m.edge(m.edge_count()), std::out_of_range);
    EXPECT_THROW((void)m.edge_shape(m.edge_count()), std::out_of_range);
    EXPECT_THROW((void)m.adjacent(m.node_count()), std::out_of_range);
    EXPECT_THROW((void)m.node_coord(m.node_count()), std::out_of_range);
    EXPECT_TRUE(m.stop_signs_on(m.edge_count() + 5).empty());
  }
  std::filesystem::remove(path);
}

TEST(MapBuilder, EmptyInputWritesAValidEmptyMap) {
  const std::string path = test::temp_map_path("empty");
  MapBuilder builder;
  const BuildStats stats = builder.write(path);
  EXPECT_EQ(stats.edges, 0u);
  {
    const MapView m = MapView::open(path);
    EXPECT_EQ(m.node_count(), 0u);
    EXPECT_NO_THROW(m.verify());
    std::vector<SegmentRef> near;
    m.segments_near(Coord::from_degrees(1, 1), 100, near);
    EXPECT_TRUE(near.empty());
  }
  std::filesystem::remove(path);
}

TEST(MapView, MovedViewKeepsTheMappingAndCloseReleasesIt) {
  const std::string path = test::temp_map_path("move");
  MapBuilder builder;
  test::add_sample_network(builder);
  builder.write(path);
  MapView first = MapView::open(path);
  MapView second = std::move(first);
  EXPECT_EQ(second.edge_count(), 6u);
  EXPECT_EQ(second.path(), path);
  EXPECT_NO_THROW(second.close());
  EXPECT_NO_THROW(second.close());  // idempotent
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace drivelog::map
