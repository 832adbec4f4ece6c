#include "legal/speed_value.hpp"

#include <cmath>

#include "legal/number_with_unit.hpp"

namespace drivelog::legal {

std::optional<uint16_t> speed_tenths(std::string_view value) {
  if (value == "none") return kUnlimitedTenths;
  if (value == "walk") return kWalkTenths;
  const auto kmh = number_with_optional_unit(value);
  if (!kmh || !(*kmh > 0) || *kmh > 300) return std::nullopt;
  return static_cast<uint16_t>(std::lround(*kmh * 10));
}

}  // namespace drivelog::legal
