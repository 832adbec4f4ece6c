// The reference data a map build reads the law from: legal default speeds, country boundaries and
// date-effective rules. Built into the library from data/ (embedded_data.hpp), or read from a
// directory holding files of the same names (`drivelog-map build --data DIR`).
#pragma once

#include <optional>
#include <string>

#include "legal/country_boundaries.hpp"
#include "legal/date_rules.hpp"
#include "legal/legal_default_speeds.hpp"

namespace drivelog::legal {

struct ReferenceData {
  LegalDefaultSpeeds speeds;
  CountryBoundaries boundaries;
  DateRules date_rules;
  std::string description;  // which files, which revision: stored in every map built from it
};

// Throws LegalDataError / BoundariesError naming the file that is missing or wrong.
ReferenceData load_reference_data(const std::optional<std::string>& directory);

}  // namespace drivelog::legal
