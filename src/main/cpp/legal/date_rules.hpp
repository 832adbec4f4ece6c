// Changes in law with an effective date, on top of the legal-default-speeds dataset (which
// describes the law as of its wiki revision): data/date_effective_rules.json. Each rule names a
// country, the first local day it is in force (or none: a correction that always held), a tag
// filter in the dataset's syntax (road types as {placeholders}), the car limit, and whether the
// filter is a proxy for something OSM does not tag (then limits from it are "inferred").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "legal/legal_default_speeds.hpp"
#include "legal/tag_filter.hpp"

namespace drivelog::legal {

struct DateRule {
  std::string id;                   // e.g. "JP 2026-09-01 road without centre line"
  std::string country;              // dataset code ("JP"); subdivisions match their country's rules
  std::optional<int32_t> from_day;  // days since 1970-01-01, local calendar; none: always
  TagFilter filter;
  std::string filter_text;
  uint16_t maxspeed_tenths = 0;
  bool inferred = false;
};

class DateRules {
 public:
  // Throws LegalDataError naming `source` and the rule.
  static DateRules from_json(std::string_view json, const std::string& source);

  // The rules of `rules_code`'s country whose filter matches, undated ones first, then by date.
  [[nodiscard]] std::vector<const DateRule*> applying(std::string_view rules_code, const TagMap& tags,
                                                      const LegalDefaultSpeeds& speeds) const;
  [[nodiscard]] const std::vector<DateRule>& rules() const { return rules_; }

 private:
  std::vector<DateRule> rules_;
};

// "2026-09-01" -> days since 1970-01-01 (proleptic Gregorian); nothing if not a date.
std::optional<int32_t> parse_day(std::string_view iso_date);
// Days since 1970-01-01 -> "2026-09-01".
std::string format_day(int32_t day);

}  // namespace drivelog::legal
