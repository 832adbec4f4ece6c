// Numbers in OSM tag values as the legal-default-speeds dataset compares them: "3.5", "50 mph",
// "7.5t", "12'6\"". Mirrors `withOptionalUnitToDoubleOrNull` of the osm-legal-default-speeds
// library (BSD 3-Clause), because the dataset's filters (`lanes>=2`, `width<=7.6`) and its result
// values ("15 mph") are defined by what that function accepts.
#pragma once

#include <optional>
#include <string_view>

namespace drivelog::legal {

// The value in standard units (km/h, metres, tonnes) or nothing. Units: km/h kph mph, m mm cm km
// ft ' in " yd yds, t kg st lt lb lbs cwt; a bare number is taken as it is.
std::optional<double> number_with_optional_unit(std::string_view value);

}  // namespace drivelog::legal
