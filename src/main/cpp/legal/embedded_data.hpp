// The reference data files of data/ (top level of the repository), built into the library so that
// a map build needs no files at run time and every build of one commit uses the same data. A
// directory given with `drivelog-map build --data DIR` replaces them (reference_data.hpp).
#pragma once

#include <string_view>

namespace drivelog::legal::embedded {

std::string_view legal_default_speeds_json();     // data/legal_default_speeds.json
std::string_view country_boundaries_ser();        // data/country_boundaries_180x90.ser
std::string_view date_effective_rules_json();     // data/date_effective_rules.json

}  // namespace drivelog::legal::embedded
