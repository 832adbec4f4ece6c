// drivelog-fuzz-map-seeds DIR: writes the map fuzzer's seeds, small sound maps, into DIR. Maps are
// build outputs, so they are made here from the test networks rather than committed, and always
// match the current format version.
#include <cstdio>
#include <string>

#include "map/map_builder.hpp"
#include "sample_map.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: drivelog-fuzz-map-seeds DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  {
    drivelog::map::MapBuilder builder;  // stops, turn and via-way restrictions, names, a cut way
    drivelog::map::test::add_sample_network(builder);
    builder.write(dir + "/sample.dlmap");
  }
  {
    drivelog::map::MapBuilder builder;  // the same roads in input order (another node and edge layout)
    drivelog::map::test::add_sample_network(builder);
    builder.set_keep_input_order(true);
    builder.write(dir + "/sample-input-order.dlmap");
  }
  {
    // With every kind of conditional record: access, oneway and maxspeed on edges (per direction
    // and vehicle class), and a time-dependent turn restriction with its relation's values.
    using namespace drivelog::map;
    MapBuilder builder;
    test::add_sample_network(builder);
    WayInput link{50, {5, 6}, "Link", RoadClass::residential, edge_flags::kForwardAllowed | edge_flags::kBackwardAllowed,
                  500, 500, SpeedSource::explicit_tag};
    link.flags |= edge_flags::kClosed | edge_flags::kClosedAtTimes;
    builder.add_way(link);
    builder.add_conditional({ConditionalKind::access, 5, ConditionalDirection::both, kAllVehicles, "motor_vehicle:conditional",
                             "no @ (15:00-05:00; Su 12:00-05:00)", "open @ (24/7); closed @ (15:00-05:00; Su 12:00-05:00)"});
    builder.add_conditional({ConditionalKind::oneway, 0, ConditionalDirection::both, kAllVehicles, "oneway:conditional",
                             "yes @ (07:00-09:00)", "forward @ (07:00-09:00)"});
    builder.add_conditional({ConditionalKind::maxspeed, 0, ConditionalDirection::forward, vehicle_bit(VehicleClass::hgv),
                             "maxspeed:hgv:forward:conditional", "60 @ (weight>7.5)", "60 @ (weight>7.5)"});
    RestrictionInput turn{600, RestrictionKind::no, 10, 2, {}, 30};
    turn.flags = restriction_flags::kConditional | restriction_flags::kOnlyConditional;
    builder.add_restriction(turn);
    builder.add_turn_conditional(600, {ConditionalKind::access, 2, ConditionalDirection::both, kAllVehicles,
                                       "restriction:conditional", "no_right_turn @ (Mo-Fr 07:00-09:00)",
                                       "no @ (Mo-Fr 07:00-09:00)"});
    builder.set_conditional_summary(R"({"stored":{"motor_vehicle:conditional":1},"not_understood":{}})");
    builder.write(dir + "/conditionals.dlmap");
  }
  return 0;
}
