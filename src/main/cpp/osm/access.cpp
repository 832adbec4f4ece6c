#include "osm/access.hpp"

#include <array>

namespace drivelog::osm {

std::optional<CarAccess> parse_access_value(std::string_view value) {
  value = trim(value);
  for (std::string_view v : {"yes", "permissive", "designated", "official", "discouraged", "use_sidepath"}) {
    if (value == v) return CarAccess::yes;
  }
  for (std::string_view v : {"no", "agricultural", "forestry", "emergency", "bus", "psv", "military", "permit", "delivery_only"}) {
    if (value == v) return CarAccess::no;
  }
  if (value == "private") return CarAccess::private_use;
  for (std::string_view v : {"destination", "delivery", "customers"}) {
    if (value == v) return CarAccess::destination;
  }
  return std::nullopt;
}

CarAccess interpret_access(const Tags& tags, std::optional<std::pair<std::string_view, std::string_view>>* unknown_value) {
  for (std::string_view key : {"motorcar", "motor_vehicle", "vehicle", "access"}) {
    const auto value = tags.get(key);
    if (!value) continue;
    if (const auto access = parse_access_value(*value)) return *access;
    if (unknown_value != nullptr && !unknown_value->has_value()) *unknown_value = std::pair{key, *value};
  }
  return CarAccess::yes;
}

}  // namespace drivelog::osm
