// The law's limits of a legal speed rule (map SpeedRule) for one vehicle besides the car's: the
// class limit the build stored (maxspeed:hgv, maxspeed:bus else maxspeed:coach, maxspeed:motorcycle)
// and the dataset's conditional limits kept in the rule's tags (`maxspeed:conditional` for every
// vehicle, `maxspeed:hgv:conditional=60 @ (weightrating>7.5)` for its class), judged with the
// engine's conditional parser and evaluator (legal/conditional.hpp) for the vehicle at a local
// time. Each is an upper bound the law sets for the vehicles it names; the lowest that binds wins.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "legal/conditional.hpp"
#include "map/map_view.hpp"

namespace drivelog::detect {

// The lowest limit of a rule that binds a vehicle beyond the car's, and the tag that set it.
struct RuleLimit {
  uint16_t tenths_kmh = map::kSpeedUnknown;  // unknown: nothing beyond the car's binds
  std::string tag;                           // "maxspeed:hgv=80", "maxspeed:hgv:conditional=60 @ (weightrating>7.5)"
  std::string condition;                     // the conditional rule that held; empty for a plain class limit
};

class RuleLimits {
 public:
  // Whether `rule` has a class limit for `vehicle_class` or a conditional limit that may bind it
  // (cheap after the first call per rule: the per-fix test of the detector).
  bool may_bind(const map::MapView& map, uint32_t rule, map::VehicleClass vehicle_class);

  // The lowest of the rule's class limit and conditional limits in force for `vehicle` at `t`.
  // A conditional that cannot be decided (`wet`) or not parsed (`articulated`) lowers nothing:
  // nothing is reported that the law may allow.
  RuleLimit lowest(const map::MapView& map, uint32_t rule, map::VehicleClass vehicle_class,
                   const legal::VehicleProfile& vehicle, const legal::LocalTime& t);

 private:
  struct Conditional {
    map::VehicleClass binds = map::VehicleClass::count;  // count: every vehicle (`maxspeed:conditional`)
    std::string tag;                                     // key=value, as stored
    legal::ConditionalValue value;
  };
  struct Parsed {
    std::array<std::string, static_cast<std::size_t>(map::VehicleClass::count)> class_tag;  // the key=value that gave limits[c]
    std::vector<Conditional> conditionals;                                                   // the ones parsed
  };
  const Parsed& parsed(const map::MapView& map, uint32_t rule);

  std::unordered_map<uint32_t, Parsed> parsed_;  // by the rule's tags string (rules of a chain share it)
};

}  // namespace drivelog::detect
