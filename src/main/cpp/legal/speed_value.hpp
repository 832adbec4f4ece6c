// A `maxspeed`-like value of the legal-default-speeds dataset ("50", "15 mph", "walk", "none") in
// the map's unit, tenths of km/h.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace drivelog::legal {

inline constexpr uint16_t kUnlimitedTenths = 0xFFFF;  // "none" (map::kSpeedUnlimited)
inline constexpr uint16_t kWalkTenths = 70;           // "walk": courts accept up to 7 km/h

// Nothing for values that are not a speed (e.g. a conditional "80 @ (trailer)").
std::optional<uint16_t> speed_tenths(std::string_view value);

}  // namespace drivelog::legal
