// Whether a car may enter a way, from `access`, `vehicle`, `motor_vehicle` and `motorcar`: the
// most specific key with a value we understand wins (motorcar > motor_vehicle > vehicle > access).
#pragma once

#include <optional>
#include <string_view>

#include "osm/tags.hpp"

namespace drivelog::osm {

enum class CarAccess : uint8_t {
  yes,          // yes, permissive, designated, ... (or no tag)
  no,           // no, and values that admit only others (agricultural, bus, emergency, ...)
  private_use,  // private
  destination,  // destination, delivery, customers
};

// The car access of `tags`. `unknown_value` receives the first key=value it could not read
// (that key is then skipped, as if absent).
CarAccess interpret_access(const Tags& tags, std::optional<std::pair<std::string_view, std::string_view>>* unknown_value);

// Reads one access value; nothing if it is not a value we understand.
std::optional<CarAccess> parse_access_value(std::string_view value);

}  // namespace drivelog::osm
