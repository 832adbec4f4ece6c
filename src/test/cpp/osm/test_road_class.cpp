#include <gtest/gtest.h>

#include "osm/road_class.hpp"

namespace drivelog::osm {
namespace {

using map::RoadClass;

TEST(CarRoadClass, RoadsForCarsAreKeptWithTheirClass) {
  EXPECT_EQ(car_road_class(Tags{{"highway", "motorway"}}), RoadClass::motorway);
  EXPECT_EQ(car_road_class(Tags{{"highway", "primary_link"}}), RoadClass::primary_link);
  EXPECT_EQ(car_road_class(Tags{{"highway", "living_street"}}), RoadClass::living_street);
  EXPECT_EQ(car_road_class(Tags{{"highway", "service"}}), RoadClass::service);
  EXPECT_EQ(car_road_class(Tags{{"highway", "road"}}), RoadClass::road);
  EXPECT_EQ(car_road_class(Tags{{"highway", "unclassified"}}), RoadClass::unclassified);
}

TEST(CarRoadClass, TracksAreKeptWhateverTheirAccess) {
  // Driven every day (farms, forests, the way to a car park); access decides closure, not presence.
  EXPECT_EQ(car_road_class(Tags{{"highway", "track"}}), RoadClass::track);
  EXPECT_EQ(car_road_class(Tags{{"highway", "track"}, {"motor_vehicle", "agricultural"}}), RoadClass::track);
  EXPECT_EQ(car_road_class(Tags{{"highway", "track"}, {"motor_vehicle", "yes"}}), RoadClass::track);
}

TEST(CarRoadClass, PathsAndPedestrianAreasOnlyWithMotorAccess) {
  for (const char* h : {"footway", "cycleway", "path", "pedestrian", "bridleway"}) {
    EXPECT_FALSE(car_road_class(Tags{{"highway", h}}).has_value()) << h;
    EXPECT_FALSE(car_road_class(Tags{{"highway", h}, {"access", "yes"}}).has_value()) << h;  // too general
    EXPECT_FALSE(car_road_class(Tags{{"highway", h}, {"motor_vehicle", "no"}}).has_value()) << h;
  }
  EXPECT_EQ(car_road_class(Tags{{"highway", "pedestrian"}, {"motorcar", "destination"}}), RoadClass::living_street);
  EXPECT_EQ(car_road_class(Tags{{"highway", "path"}, {"vehicle", "permissive"}}), RoadClass::service);
}

TEST(CarRoadClass, OtherWaysAreDropped) {
  EXPECT_FALSE(car_road_class(Tags{{"building", "yes"}}).has_value());
  EXPECT_FALSE(car_road_class(Tags{{"highway", "steps"}, {"motor_vehicle", "yes"}}).has_value());
  EXPECT_FALSE(car_road_class(Tags{{"highway", "construction"}}).has_value());
  EXPECT_FALSE(car_road_class(Tags{{"highway", "residential"}, {"area", "yes"}}).has_value());
}

}  // namespace
}  // namespace drivelog::osm
