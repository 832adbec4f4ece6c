#include "detect/vehicle_types.hpp"

#include <array>
#include <string>

namespace drivelog::detect {
namespace {

// Sizes are typical of the type (the law's bounds in the comments), so that a condition such as
// `weight>7.5` or `length>10` is decided for the type, not for a car. Japan's types follow the Road
// Traffic Act (道路交通法) as amended for 準中型 (2017); their OSM keys follow the OpenStreetMap Japan
// tagging of the signs: 大型貨物自動車等通行止め (sign 305: large and specified medium goods
// vehicles, large special vehicles) is `hgv=no`, 大型乗用自動車等通行止め (306) `bus=no`,
// 二輪の自動車以外の自動車通行止め (304) `motorcar=no`, 二輪の自動車・原付通行止め (307)
// `motorcycle=no`. Types no sign singles out (中型 goods below the specified weight, 準中型,
// micro-buses) are cars with their weight: weight-conditional rules still bind them. Seats include
// the driver's (`seats>=15` conditions: a coach's 50, a 中型乗用 micro-bus's 11-29).
constexpr std::array<VehicleType, 14> kTypes{{
    {"car", VehicleClass::car, "", 1.5, 4.5, 1.8, 1.5, 2, 0.75, 5},
    {"hgv", VehicleClass::hgv, "", 18, 12, 2.55, 4, 3, 6, 2},
    {"bus", VehicleClass::bus, "", 15, 12, 2.55, 3.2, 2, 7.5, 50},
    {"motorcycle", VehicleClass::motorcycle, "", 0.3, 2.2, 0.8, 1.2, 2, 0.15, 2},
    // 大型貨物自動車: goods, gross weight 11 t or more (or load 6.5 t or more).
    {"jp_large_goods", VehicleClass::hgv, "大型貨物自動車", 20, 12, 2.5, 3.8, 3, 7, 3},
    // 特定中型貨物自動車: goods, gross weight 8-11 t (or load 5-6.5 t).
    {"jp_specified_medium_goods", VehicleClass::hgv, "特定中型貨物自動車", 10, 8.5, 2.5, 3.3, 2, 5, 3},
    // 中型貨物自動車 below 8 t: gross weight 7.5-8 t.
    {"jp_medium_goods", VehicleClass::car, "中型貨物自動車", 7.9, 7.5, 2.3, 3, 2, 4, 3},
    // 準中型貨物自動車: gross weight 3.5-7.5 t.
    {"jp_semi_medium_goods", VehicleClass::car, "準中型貨物自動車", 5, 6.5, 2.2, 2.8, 2, 2.5, 3},
    // 大型乗用自動車: 30 passengers or more.
    {"jp_large_passenger", VehicleClass::bus, "大型乗用自動車", 14, 12, 2.5, 3.5, 2, 7, 45},
    // 中型乗用自動車: 11-29 passengers (a micro-bus).
    {"jp_medium_passenger", VehicleClass::car, "中型乗用自動車", 5, 7, 2.1, 2.7, 2, 2.5, 25},
    // 普通自動車: gross weight below 3.5 t, 10 passengers or fewer.
    {"jp_ordinary", VehicleClass::car, "普通自動車", 1.5, 4.7, 1.8, 1.6, 2, 0.75, 5},
    // 軽自動車: 3.4 m x 1.48 m x 2 m at most.
    {"jp_kei", VehicleClass::car, "軽自動車", 1, 3.4, 1.48, 1.7, 2, 0.5, 4},
    // 大型自動二輪車: over 400 cc.
    {"jp_large_motorcycle", VehicleClass::motorcycle, "大型自動二輪車", 0.3, 2.3, 0.9, 1.3, 2, 0.15, 2},
    // 普通自動二輪車: 51-400 cc.
    {"jp_ordinary_motorcycle", VehicleClass::motorcycle, "普通自動二輪車", 0.2, 2.1, 0.8, 1.2, 2, 0.1, 2},
}};

}  // namespace

std::span<const VehicleType> vehicle_types() { return kTypes; }

const VehicleType* find_vehicle_type(std::string_view name) {
  for (const VehicleType& t : kTypes) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const VehicleType& vehicle_type_of(VehicleClass c) { return kTypes[static_cast<std::size_t>(c)]; }

const VehicleType& configured_vehicle_type(VehicleClass vehicle_class, uint8_t vehicle_type) {
  return vehicle_type < kTypes.size() ? kTypes[vehicle_type] : vehicle_type_of(vehicle_class);
}

legal::VehicleProfile vehicle_profile(const VehicleType& type) {
  legal::VehicleProfile v;
  v.vehicle_class = vehicle_access_key(type.vehicle_class);
  v.weight_t = type.weight_t;
  v.length_m = type.length_m;
  v.width_m = type.width_m;
  v.height_m = type.height_m;
  v.axles = type.axles;
  v.axleload_t = type.axleload_t;
  v.seats = type.seats;
  return v;
}

std::string vehicle_type_names() {
  std::string out;
  for (const VehicleType& t : kTypes) {
    if (!out.empty()) out += ", ";
    out += t.name;
  }
  return out;
}

}  // namespace drivelog::detect
