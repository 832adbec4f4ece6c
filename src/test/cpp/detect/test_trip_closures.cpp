// The matcher's view of closed roads for the analysed vehicle (detect/trip_closures.cpp), end to
// end: bus_only_street.osm has an ordinary street and a bus-only one side by side between the same
// junctions. The map's closed flag is the car's reading; a bus must be matched by its own access.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string_view>

#include "detect/trip_closures.hpp"
#include "detect/vehicle_types.hpp"
#include "match/matcher.hpp"
#include "timed_drive.hpp"
#include "tokyo_map.hpp"

namespace drivelog::detect {
namespace {

using test::kMonday;

legal::VehicleProfile profile_of(std::string_view vehicle) {
  DetectConfig config;
  const VehicleType* type = find_vehicle_type(vehicle);
  config.vehicle_class = type->vehicle_class;
  config.vehicle_type = static_cast<uint8_t>(type - vehicle_types().data());
  return vehicle_profile(config);
}

class TripClosuresForAVehicle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { built_ = std::make_unique<test::TokyoMap>("bus_only_street.osm", "busonly"); }
  static void TearDownTestSuite() { built_.reset(); }

  // The OSM ways a drive from west to east `lat_offset_m` north of the middle between the two
  // streets is matched onto, for `vehicle`.
  static std::set<int64_t> ways_matched(std::string_view vehicle, double lat_offset_m) {
    const double lat = 35.660070 + lat_offset_m / 111320;
    const auto points = test::timed_drive({{lat, 139.6982}, {lat, 139.7048}}, 10, kMonday + 12 * 3600);
    ConditionalTripClosures closures(built_->map, profile_of(vehicle));
    closures.start_trip(points.front().time_s, points.back().time_s);
    match::Matcher matcher(built_->map, match::MatchConfig{});
    matcher.set_trip_closures(&closures);
    match::MatchResult matched;
    matcher.match(points, matched);
    std::set<int64_t> ways;
    for (const auto& t : matched.traversals) ways.insert(built_->map.edge(t.edge).osm_way_id);
    return ways;
  }

  static inline std::unique_ptr<test::TokyoMap> built_;
};

TEST_F(TripClosuresForAVehicle, ABusOnlyStreetIsClosedToACarAndOpenToABus) {
  const map::MapView& map = built_->map;
  const uint32_t bus_street = built_->edge_of(2);
  ASSERT_TRUE(map.edge(bus_street).has(map::edge_flags::kClosed));  // the car's reading
  ConditionalTripClosures car(map, profile_of("car")), bus(map, profile_of("bus")), hgv(map, profile_of("hgv"));
  for (ConditionalTripClosures* c : {&car, &bus, &hgv}) c->start_trip(kMonday, kMonday + 600);
  EXPECT_FALSE(car.plain_closures_may_open());
  EXPECT_TRUE(bus.plain_closures_may_open());
  EXPECT_TRUE(car.closed_during_trip(bus_street, true));
  EXPECT_FALSE(bus.closed_during_trip(bus_street, true));
  EXPECT_FALSE(bus.closed_during_trip(bus_street, false));
  EXPECT_TRUE(hgv.closed_during_trip(bus_street, true));  // asked, and closed to it
}

TEST_F(TripClosuresForAVehicle, ABusDrivenAlongItsStreetIsMatchedOntoIt_aCarOntoTheOpenOne) {
  // Fixes 2 m from the middle, towards the bus street: the car is still priced onto the open street
  // (the closed prior outweighs 2 m), the bus is matched by its own access.
  const std::set<int64_t> car = ways_matched("car", 2), bus = ways_matched("bus", 2);
  EXPECT_TRUE(car.contains(1)) << "car";
  EXPECT_FALSE(car.contains(2)) << "car";
  EXPECT_TRUE(bus.contains(2)) << "bus";
  EXPECT_FALSE(bus.contains(1)) << "bus";
  // A lorry is not let in by the bus's key.
  EXPECT_FALSE(ways_matched("hgv", 2).contains(2));
}

}  // namespace
}  // namespace drivelog::detect
