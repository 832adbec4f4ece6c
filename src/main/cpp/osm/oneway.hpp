// Which directions a vehicle class may drive a way by its one-way tags. `oneway=yes|true|1` forward
// only, `-1|reverse` backward only, `no|false|0` both, `reversible|alternating` both (time-dependent,
// flagged). With no `oneway` tag, `junction=roundabout|circular` and highway=motorway|motorway_link
// imply forward only. A class's own keys win over `oneway:motor_vehicle`, which wins over `oneway`:
// car `oneway:motorcar`; hgv `oneway:hgv`, `oneway:goods`; bus `oneway:bus`, `oneway:psv`;
// motorcycle `oneway:motorcycle` (the OSM wiki's Key:oneway:bus and the like: "the oneway rules for
// buses where they are different from oneway=*"). `oneway:bicycle` and other vehicles' keys bind
// none of drivelog's classes.
#pragma once

#include <optional>
#include <string_view>

#include "map/map_types.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

struct Oneway {
  bool forward = true;
  bool backward = true;
  bool implicit = false;    // implied, not tagged
  bool reversible = false;  // reversible / alternating
  bool roundabout = false;  // junction=roundabout
  std::optional<std::string_view> invalid_key;    // a oneway value we could not read (treated as two-way)
  std::string_view invalid_value;
  // The tag that decided: the oneway key read, `junction` or `highway` for an implied one-way;
  // empty where nothing did (two-way by default).
  std::string_view decided_by;

  [[nodiscard]] uint16_t edge_flags() const;
};

// The car's reading (the edge's direction flags). A value we cannot read is reported through
// invalid_key and the way is two-way, as before the per-class keys.
Oneway interpret_oneway(const Tags& tags, map::RoadClass road_class);

// The reading for `vehicle`. For the classes other than the car a key whose value we cannot read is
// skipped (the next key down decides), as their access keys are.
Oneway interpret_oneway(const Tags& tags, map::RoadClass road_class, map::VehicleClass vehicle);

}  // namespace drivelog::osm
