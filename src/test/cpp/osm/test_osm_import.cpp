// Hand-written OSM fixtures (src/test/resources/osm/*.osm) through the importer into a map file,
// then read back with MapView: every tag rule end to end.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "imported_map.hpp"

namespace drivelog::osm {
namespace {

using map::EdgeRecord;
using map::MapView;
using test::Imported;
using test::kFixtures;
using test::kMissing;
using test::temp_path;
namespace flags = map::edge_flags;

uint64_t problem(const ImportReport& r, const std::string& entry) {
  const auto it = r.tag_problems.counts().find(entry);
  return it == r.tag_problems.counts().end() ? 0 : it->second;
}

TEST(ImportMaxspeed, EveryValueFormEndToEnd) {
  const Imported m("maxspeed.osm");
  EXPECT_EQ(m.way(101).maxspeed_forward, 300);
  EXPECT_EQ(m.way(102).maxspeed_forward, 483);  // "30 mph " with a trailing space
  EXPECT_EQ(m.way(103).maxspeed_forward, 185);  // 10 knots
  EXPECT_EQ(m.way(104).maxspeed_forward, 70);   // walk
  EXPECT_EQ(m.way(105).maxspeed_forward, map::kSpeedUnlimited);
  EXPECT_EQ(m.way(106).maxspeed_forward, map::kSpeedUnknown);  // signals: no legal default put in
  EXPECT_EQ(m.way(106).source(true), map::SpeedSource::explicit_tag);
  EXPECT_EQ(m.way(107).maxspeed_forward, 500);  // DE:urban, from the legal-default-speeds dataset
  EXPECT_EQ(m.way(107).source(true), map::SpeedSource::implicit_zone);
  EXPECT_EQ(m.way(108).maxspeed_forward, 600);  // RU:urban in Berlin: the zone names Russian law
  EXPECT_EQ(m.way(109).maxspeed_forward, 500);  // "50;30": the highest
  EXPECT_EQ(m.way(111).maxspeed_forward, 700);
  EXPECT_EQ(m.way(111).maxspeed_backward, 500);
  EXPECT_EQ(m.way(112).maxspeed_forward, 300);   // zone:maxspeed=DE:30
  // A numeric zone is the limit the engine uses on any date, not the street's legal default (50).
  EXPECT_EQ(m.way(112).source(true), map::SpeedSource::explicit_tag);
  EXPECT_EQ(m.map().limit_in_force(m.edge(112), true, 20'414).tenths_kmh, 300);
  EXPECT_EQ(m.way(113).maxspeed_forward, 1000);  // maxspeed:type=DE:rural
  EXPECT_EQ(m.way(113).source(true), map::SpeedSource::implicit_zone);
  EXPECT_EQ(problem(m.report(), "maxspeed=garbage"), 2u);
  EXPECT_EQ(m.report().tag_problems.total(), 2u);
  EXPECT_EQ(m.report().legal.zones_not_understood, 1u);  // DE:nowhere: no road type of the dataset
  EXPECT_EQ(m.way(115).source(true), map::SpeedSource::legal_default_inferred);
}

TEST(ImportAdvisorySpeed, StoredPerDirectionAndUnreadableValuesNamedWithTheirWay) {
  const Imported m("advisory.osm");
  const MapView& map = m.map();
  EXPECT_EQ(map.advisory_speed(m.edge(201), true), 563);  // 35 mph
  EXPECT_EQ(map.advisory_speed(m.edge(201), false), 563);
  EXPECT_EQ(map.advisory_speed(m.edge(202), true), 500);
  EXPECT_EQ(map.advisory_speed(m.edge(202), false), 300);
  EXPECT_EQ(m.way(202).maxspeed_forward, 724);  // the legal limit stays apart: 45 mph
  for (const int64_t way : {203, 204, 205, 206}) {
    EXPECT_EQ(map.advisory_speed(m.edge(way), true), map::kSpeedUnknown) << way;
    EXPECT_EQ(map.advisory_speed(m.edge(way), false), map::kSpeedUnknown) << way;
  }
  EXPECT_EQ(map.info().advisory_speed_ways, 2u);
  EXPECT_EQ(map.info().advisory_speed_edges, 2u);
  EXPECT_EQ(problem(m.report(), "maxspeed:advisory=slow"), 1u);
  EXPECT_EQ(problem(m.report(), "maxspeed:advisory:forward=US:urban"), 1u);
  const std::vector<std::pair<int64_t, std::string>> named{{203, "maxspeed:advisory=slow"},
                                                            {204, "maxspeed:advisory:forward=US:urban"}};
  EXPECT_EQ(m.report().advisory_unreadable, named);
  const std::string json = import_report_json(m.report(), "advisory.osm", "advisory.dlmap");
  EXPECT_NE(json.find(R"("advisory_unreadable":[{"way":203,"tag":"maxspeed:advisory=slow"})"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("advisory_speed_ways":2)"), std::string::npos) << json;
  EXPECT_NO_THROW(map.verify());
}

TEST(ImportMaxspeed, CountryComesFromThePositionForTheLegalDefaults) {
  const Imported m("maxspeed.osm");  // in Berlin
  EXPECT_EQ(m.report().country, "DE");
  EXPECT_EQ(m.report().country_basis, "position (country boundaries data)");
  EXPECT_EQ(m.way(110).maxspeed_forward, 500);  // garbage value: the urban default, urban inferred from residential
  EXPECT_EQ(m.way(110).source(true), map::SpeedSource::legal_default_inferred);
  EXPECT_EQ(m.way(116).maxspeed_forward, 500);
  EXPECT_EQ(m.way(117).maxspeed_forward, map::kSpeedUnlimited);  // untagged German motorway: advisory only
  EXPECT_EQ(m.way(117).source(true), map::SpeedSource::legal_default);
  EXPECT_EQ(m.string_at_region(m.way(116)), "DE");
  const map::SpeedRule& rule = m.map().speed_rule(m.way(117).speed_rule);
  EXPECT_EQ(m.map().string_at(rule.name), "DE: motorway (exact)");
  EXPECT_EQ(rule.limits[static_cast<std::size_t>(map::VehicleClass::hgv)], 800);  // maxspeed:hgv=80
  EXPECT_EQ(m.map().info().speed_limited_edges, 11u);  // 101-109 and 111-113 except 106 (signals)
}

TEST(ImportMaxspeed, CountryOptionWinsOverThePosition) {
  ImportOptions options;
  options.country = "ru";
  const Imported m("maxspeed.osm", options);
  EXPECT_EQ(m.report().country, "RU");
  EXPECT_EQ(m.report().country_basis, "option");
  EXPECT_EQ(m.way(116).maxspeed_forward, 600);   // RU urban
  EXPECT_EQ(m.way(117).maxspeed_forward, 1100);  // RU motorway
}

TEST(ImportOneway, EveryValueEndToEnd) {
  const Imported m("oneway.osm");
  const auto fwd = [&](int64_t w) { return m.way(w).has(flags::kForwardAllowed); };
  const auto bwd = [&](int64_t w) { return m.way(w).has(flags::kBackwardAllowed); };
  EXPECT_TRUE(fwd(201) && !bwd(201));
  EXPECT_TRUE(!fwd(202) && bwd(202));
  EXPECT_TRUE(fwd(203) && bwd(203) && m.way(203).has(flags::kReversible));
  EXPECT_TRUE(fwd(204) && !bwd(204) && m.way(204).has(flags::kRoundabout) && m.way(204).has(flags::kImplicitOneway));
  EXPECT_TRUE(fwd(205) && !bwd(205) && m.way(205).has(flags::kImplicitOneway));
  EXPECT_TRUE(fwd(206) && bwd(206));  // motorway_link with oneway=no
  EXPECT_TRUE(fwd(207) && bwd(207));
  EXPECT_TRUE(fwd(208) && bwd(208));  // "perhaps": two-way, reported
  EXPECT_TRUE(fwd(209) && !bwd(209));
  EXPECT_TRUE(fwd(210) && bwd(210) && m.way(210).has(flags::kReversible));
  EXPECT_TRUE(fwd(211) && bwd(211));
  EXPECT_EQ(problem(m.report(), "oneway=perhaps"), 1u);
  EXPECT_EQ(m.map().info().oneway_edges, 5u);  // 201 202 204 205 209
}

TEST(ImportFormats, GzipAndBzip2ReadLikeThePlainFile) {
  const Imported plain("oneway.osm");
  for (const char* compressed : {"oneway.osm.gz", "oneway.osm.bz2"}) {
    const Imported m(compressed);
    ASSERT_EQ(m.map().edge_count(), plain.map().edge_count()) << compressed;
    for (int64_t way = 201; way <= 211; ++way) {
      EXPECT_EQ(m.way(way).flags, plain.way(way).flags) << compressed << " way " << way;
    }
  }
}

TEST(ImportAccess, FlagsAndWhichWaysAreRoads) {
  const Imported m("access.osm");
  EXPECT_TRUE(m.way(301).has(flags::kClosed));
  EXPECT_TRUE(m.way(302).has(flags::kPrivate));
  EXPECT_TRUE(m.way(303).has(flags::kDestination));
  EXPECT_FALSE(m.way(304).has(flags::kClosed));  // motorcar=yes beats access=no
  EXPECT_TRUE(m.way(305).has(flags::kClosed));
  EXPECT_EQ(m.edge(306), kMissing);  // footway
  EXPECT_EQ(m.way(307).road_class, map::RoadClass::track);
  EXPECT_EQ(m.edge(308), kMissing);  // cycleway
  EXPECT_EQ(m.edge(309), kMissing);  // steps
  EXPECT_FALSE(m.way(310).has(flags::kClosed));
  EXPECT_EQ(problem(m.report(), "motor_vehicle=whenever"), 1u);
  EXPECT_EQ(m.way(311).road_class, map::RoadClass::track);  // a track without access tags: open
  EXPECT_FALSE(m.way(311).has(flags::kClosed));
  EXPECT_EQ(m.report().closed_road_ways, 2u);
}

TEST(ImportStops, DirectionsAndTheDirectionlessRule) {
  const Imported m("stops.osm");
  const auto stops_on = [&](int64_t way, int64_t from, int64_t to) {
    const uint32_t e = m.edge(way, from, to);
    EXPECT_NE(e, kMissing) << way << " " << from << "->" << to;
    return e == kMissing ? 0u : m.map().stop_signs_on(e).size();
  };
  // Junction of primary 401 and residential 402, no direction: the residential approaches only.
  EXPECT_EQ(stops_on(402, 5, 2), 1u);
  EXPECT_EQ(stops_on(402, 2, 3), 1u);
  EXPECT_EQ(stops_on(401, 1, 2), 0u);
  EXPECT_EQ(stops_on(401, 2, 4), 0u);
  // Mid-way stops split the way; direction picks the approach.
  EXPECT_EQ(stops_on(403, 10, 11), 1u);
  EXPECT_EQ(stops_on(403, 11, 12), 0u);
  EXPECT_EQ(stops_on(404, 20, 21), 0u);
  EXPECT_EQ(stops_on(404, 21, 22), 1u);
  EXPECT_EQ(m.map().stop_signs_on(m.edge(404, 21, 22))[0].node, m.node(21));
  // No direction and no junction within reach: both approaches.
  EXPECT_EQ(stops_on(405, 30, 31), 1u);
  EXPECT_EQ(stops_on(405, 31, 32), 1u);
  // No direction, on the approach 15 m before a junction: towards the junction only (a car that
  // turned out of the junction and passes the sign going away from it need not stop).
  EXPECT_EQ(stops_on(410, 70, 71), 1u);
  EXPECT_EQ(stops_on(410, 71, 72), 0u);
  EXPECT_EQ(stops_on(411, 73, 72), 0u);
  EXPECT_EQ(stops_on(411, 72, 74), 0u);
  // All-way stop: the primary's approaches too.
  EXPECT_EQ(stops_on(406, 40, 41), 1u);
  EXPECT_EQ(stops_on(406, 41, 42), 1u);
  EXPECT_EQ(stops_on(407, 41, 43), 1u);
  // A compass direction is reported and read as no direction.
  EXPECT_EQ(stops_on(408, 50, 51), 1u);
  EXPECT_EQ(stops_on(408, 51, 52), 1u);
  EXPECT_EQ(problem(m.report(), "direction=NE"), 1u);
  // Facing against a oneway, and on no road: not used, and said so.
  EXPECT_EQ(stops_on(409, 60, 61), 0u);
  EXPECT_EQ(stops_on(409, 61, 62), 0u);
  EXPECT_EQ(m.report().stop_nodes, 8u);  // node 99 is on no road, so its position is never read
  EXPECT_EQ(m.report().build.stop_signs, 7u);
  EXPECT_EQ(m.report().build.problems.at("stop sign with no legal approach in its direction"), 1u);
}

TEST(ImportRestrictions, KindsExceptionsAndUnsupportedForms) {
  const Imported m("restrictions.osm");
  const uint32_t west = m.edge(501), north = m.edge(502), east = m.edge(503), south = m.edge(504);
  const uint32_t junction = m.node(100);

  const auto from_west = m.map().restrictions_from(west);
  ASSERT_EQ(from_west.size(), 1u);
  EXPECT_EQ(from_west[0].to_edge, north);
  EXPECT_EQ(from_west[0].via_node, junction);
  EXPECT_EQ(from_west[0].kind, map::RestrictionKind::no);
  EXPECT_EQ(from_west[0].osm_relation_id, 601);

  const auto from_south = m.map().restrictions_from(south);
  ASSERT_EQ(from_south.size(), 2u);
  const map::TurnRestriction& car_rule = from_south[0].osm_relation_id == 609 ? from_south[1] : from_south[0];
  const map::TurnRestriction& lorry_rule = from_south[0].osm_relation_id == 609 ? from_south[0] : from_south[1];
  EXPECT_EQ(car_rule.kind, map::RestrictionKind::only);
  EXPECT_EQ(car_rule.to_edge, north);
  EXPECT_EQ(car_rule.vehicles, map::kAllVehicles);
  EXPECT_EQ(lorry_rule.osm_relation_id, 609);  // restriction:hgv=no_right_turn: for lorries only
  EXPECT_EQ(lorry_rule.vehicles, map::vehicle_bits::kHgv);
  EXPECT_EQ(lorry_rule.to_edge, west);

  const auto from_east = m.map().restrictions_from(east);  // restriction:motorcar=no_u_turn
  ASSERT_EQ(from_east.size(), 1u);
  EXPECT_EQ(from_east[0].to_edge, east);
  EXPECT_EQ(from_east[0].vehicles, map::vehicle_bits::kCar);

  // 603 exempts cars (stored for the other classes), 607/608 are bad; 606 is time-dependent
  // (restriction:conditional).
  const auto from_north = m.map().restrictions_from(north);
  ASSERT_EQ(from_north.size(), 2u);
  const map::TurnRestriction& timed = from_north[0].osm_relation_id == 606 ? from_north[0] : from_north[1];
  const map::TurnRestriction& not_cars = from_north[0].osm_relation_id == 606 ? from_north[1] : from_north[0];
  EXPECT_EQ(timed.osm_relation_id, 606);
  EXPECT_EQ(timed.flags, map::restriction_flags::kConditional | map::restriction_flags::kOnlyConditional);
  EXPECT_EQ(not_cars.osm_relation_id, 603);
  EXPECT_EQ(not_cars.vehicles, map::kAllVehicles & ~map::vehicle_bits::kCar);
  ASSERT_EQ(m.map().turn_conditionals_of(606).size(), 1u);
  EXPECT_EQ(m.map().string_at(m.map().turn_conditionals_of(606)[0].rules), "no @ (Mo-Fr 07:00-09:00)");
  const ImportReport& r = m.report();
  EXPECT_EQ(r.skipped.count("restriction binding no vehicle class"), 0u);  // 603 and 609 bind other classes
  EXPECT_EQ(r.class_keys_stored.at("restriction:hgv"), 1u);
  EXPECT_EQ(r.class_keys_stored.at("except"), 1u);
  EXPECT_EQ(r.conditionals_stored.at("restriction:conditional"), 1u);  // not 613, without a to way
  EXPECT_EQ(problem(r, "restriction members=not from/via/to (relation 613)"), 1u);
  EXPECT_EQ(r.build.turn_conditionals, 1u);
  EXPECT_EQ(problem(r, "restriction=sometimes_straight"), 1u);
  EXPECT_EQ(problem(r, "restriction members=not from/via/to (relation 608)"), 1u);
  EXPECT_EQ(r.build.problems.at("restriction from/to way does not touch its via node"), 1u);  // 610
  EXPECT_EQ(r.build.problems.at("restriction via ways do not connect its from and to ways"), 1u);  // 612
  EXPECT_EQ(r.build.problems.at("restriction from/to way not in the map (not a road for cars, or outside the extract)"),
            1u);  // 611
  EXPECT_EQ(m.map().info().turn_restrictions, 6u);
  EXPECT_EQ(m.map().info().turn_conditionals, 1u);
  // 605: from West via way East to 505, a path of edges.
  const auto via_way = m.map().via_way_restrictions_from(west);
  ASSERT_EQ(via_way.size(), 1u);
  EXPECT_EQ(via_way[0].osm_relation_id, 605);
  EXPECT_EQ(via_way[0].to_edge, m.edge(505));
  ASSERT_EQ(m.map().via_edges(via_way[0]).size(), 1u);
  EXPECT_EQ(m.map().via_edges(via_way[0])[0], east);
}

TEST(ImportRefusal, MissingFileIsNamed) {
  try {
    import_osm(kFixtures + "no-such-file.osm.pbf", temp_path("never.dlmap"), {});
    FAIL() << "expected ImportError";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("no-such-file.osm.pbf"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(temp_path("never.dlmap")));
}

TEST(ImportRefusal, BrokenXmlIsNamed) {
  const std::string broken = temp_path("broken.osm");
  {
    std::ofstream out(broken);
    out << "<?xml version=\"1.0\"?>\n<osm version=\"0.6\"><node id=\"1\" lat=\"1\" lon=\"1\"></osm>";
  }
  try {
    import_osm(broken, temp_path("broken.dlmap"), {});
    FAIL() << "expected ImportError";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find(broken), std::string::npos) << e.what();
  }
  std::filesystem::remove(broken);
  EXPECT_FALSE(std::filesystem::exists(temp_path("broken.dlmap")));
}

TEST(ImportRefusal, TruncatedPbfIsNamed) {
  const std::string source = kFixtures + "rome.osm.pbf";
  const std::string cut = temp_path("cut.osm.pbf");
  {
    std::ifstream in(source, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream out(cut, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
  }
  EXPECT_THROW(import_osm(cut, temp_path("cut.dlmap"), {}), ImportError);
  std::filesystem::remove(cut);
}

}  // namespace
}  // namespace drivelog::osm
