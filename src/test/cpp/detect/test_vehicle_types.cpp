#include "detect/vehicle_types.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "detect/detector.hpp"

namespace drivelog::detect {
namespace {

TEST(VehicleTypes, TheFourClassesComeFirstAndAreTheirOwnTypes) {
  for (int i = 0; i < kVehicleClasses; ++i) {
    const auto c = static_cast<VehicleClass>(i);
    const VehicleType& type = vehicle_types()[static_cast<std::size_t>(i)];
    EXPECT_EQ(type.name, vehicle_class_name(c));
    EXPECT_EQ(type.vehicle_class, c);
    EXPECT_EQ(&vehicle_type_of(c), &type);
    EXPECT_TRUE(type.legal_name.empty());
  }
}

TEST(VehicleTypes, EveryNameIsFoundOnceAndUnknownNamesAreNot) {
  std::set<std::string_view> names;
  for (const VehicleType& t : vehicle_types()) {
    EXPECT_TRUE(names.insert(t.name).second) << t.name;
    EXPECT_EQ(find_vehicle_type(t.name), &t);
  }
  EXPECT_EQ(find_vehicle_type("truck"), nullptr);
  EXPECT_EQ(find_vehicle_type(""), nullptr);
  EXPECT_NE(vehicle_type_names().find("jp_large_goods"), std::string::npos);
}

// OSM Japan tags 大型貨物自動車等通行止め (sign 305) hgv=no: large and specified medium goods vehicles;
// 大型乗用自動車等通行止め bus=no; the other types are cars (or motorcycles) with their own weight.
TEST(VehicleTypes, JapansTypesReadTheOsmKeysTheSignsThatNameThemAreTaggedWith) {
  const auto key = [](std::string_view name) { return vehicle_profile(*find_vehicle_type(name)).vehicle_class; };
  EXPECT_EQ(key("jp_large_goods"), "hgv");
  EXPECT_EQ(key("jp_specified_medium_goods"), "hgv");
  EXPECT_EQ(key("jp_medium_goods"), "motorcar");
  EXPECT_EQ(key("jp_semi_medium_goods"), "motorcar");
  EXPECT_EQ(key("jp_large_passenger"), "bus");
  EXPECT_EQ(key("jp_medium_passenger"), "motorcar");
  EXPECT_EQ(key("jp_ordinary"), "motorcar");
  EXPECT_EQ(key("jp_kei"), "motorcar");
  EXPECT_EQ(key("jp_large_motorcycle"), "motorcycle");
  EXPECT_EQ(key("jp_ordinary_motorcycle"), "motorcycle");
}

TEST(VehicleTypes, JapansGoodsTypesWeighWhatTheLawBoundsThem) {
  const auto weight = [](std::string_view name) { return find_vehicle_type(name)->weight_t; };
  EXPECT_GE(weight("jp_large_goods"), 11);
  EXPECT_GE(weight("jp_specified_medium_goods"), 8);
  EXPECT_LT(weight("jp_specified_medium_goods"), 11);
  EXPECT_GE(weight("jp_medium_goods"), 7.5);
  EXPECT_LT(weight("jp_medium_goods"), 8);
  EXPECT_GE(weight("jp_semi_medium_goods"), 3.5);
  EXPECT_LT(weight("jp_semi_medium_goods"), 7.5);
  EXPECT_LT(weight("jp_ordinary"), 3.5);
  EXPECT_LE(find_vehicle_type("jp_kei")->length_m, 3.4);
}

TEST(VehicleTypes, TheClassesKeepTheProfilesTheyHad) {
  EXPECT_DOUBLE_EQ(vehicle_profile(VehicleClass::hgv).weight_t, 18);
  EXPECT_DOUBLE_EQ(vehicle_profile(VehicleClass::bus).length_m, 12);
  EXPECT_DOUBLE_EQ(vehicle_profile(VehicleClass::motorcycle).axles, 2);
  EXPECT_EQ(vehicle_profile(VehicleClass::car).vehicle_class, "motorcar");
}

}  // namespace
}  // namespace drivelog::detect
