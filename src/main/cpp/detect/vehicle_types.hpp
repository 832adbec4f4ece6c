// The vehicles an analysis can be configured for (`analysis.vehicle_class`): drivelog's four
// classes, and Japan's vehicle types of the Road Traffic Act, each read as the OpenStreetMap Japan
// community tags the signs that name it (docs/CONDITIONAL.md, "Vehicle classes").
#pragma once

#include <span>
#include <string_view>

#include "detect/detect_config.hpp"
#include "legal/conditional.hpp"

namespace drivelog::detect {

struct VehicleType {
  std::string_view name;         // the configuration value: car, hgv, ..., jp_large_goods, ...
  VehicleClass vehicle_class;    // whose OSM keys, class limits, turn restrictions and event thresholds apply
  std::string_view legal_name;   // what the law calls it (empty for the four classes)
  double weight_t, length_m, width_m, height_m, axles, axleload_t;  // typical, for conditions like weight>7.5
  double seats;                                                     // typical, for conditions like seats>=15
};

// Every type, the four classes first (in VehicleClass order).
std::span<const VehicleType> vehicle_types();

// The type of that name, or nullptr.
const VehicleType* find_vehicle_type(std::string_view name);

// The four classes' own types.
const VehicleType& vehicle_type_of(VehicleClass c);

// The type configured: `vehicle_type` by index, or the class's own (DetectConfig::kClassOwnType).
const VehicleType& configured_vehicle_type(VehicleClass vehicle_class, uint8_t vehicle_type);

// The conditional-restriction vehicle of a type: its class's OSM access key and its typical size.
legal::VehicleProfile vehicle_profile(const VehicleType& type);

// "car, hgv, bus, motorcycle, jp_large_goods, ..." for messages.
std::string vehicle_type_names();

}  // namespace drivelog::detect
