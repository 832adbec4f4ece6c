#include "legal/date_rules.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>

#include "legal/speed_value.hpp"

namespace drivelog::legal {

std::optional<int32_t> parse_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::from_chars(s.data(), s.data() + 4, y).ptr != s.data() + 4) return std::nullopt;
  if (std::from_chars(s.data() + 5, s.data() + 7, m).ptr != s.data() + 7) return std::nullopt;
  if (std::from_chars(s.data() + 8, s.data() + 10, d).ptr != s.data() + 10) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

std::string format_day(int32_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

DateRules DateRules::from_json(std::string_view json, const std::string& source) {
  DateRules out;
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json);
  } catch (const nlohmann::json::exception& e) {
    throw LegalDataError(source + ": not JSON: " + e.what());
  }
  const auto rules = root.find("rules");
  if (rules == root.end() || !rules->is_array()) throw LegalDataError(source + ": no \"rules\" array");
  for (std::size_t i = 0; i < rules->size(); ++i) {
    const nlohmann::json& r = (*rules)[i];
    const std::string where = source + ": rules[" + std::to_string(i) + "]";
    const auto text = [&](const char* key) {
      const auto it = r.find(key);
      if (it == r.end() || !it->is_string()) throw LegalDataError(where + "." + key + " is missing or not a string");
      return it->get<std::string>();
    };
    DateRule rule{text("id"), text("country"), std::nullopt, TagFilter("highway"), text("filter"), 0, false};
    if (const auto from = r.find("effective_from"); from != r.end() && !from->is_null()) {
      if (!from->is_string() || !(rule.from_day = parse_day(from->get<std::string>()))) {
        throw LegalDataError(where + ".effective_from is not a date (YYYY-MM-DD)");
      }
    }
    try {
      rule.filter = TagFilter(rule.filter_text);
    } catch (const TagFilterError& e) {
      throw LegalDataError(where + ".filter: " + e.what());
    }
    const auto limit = speed_tenths(text("maxspeed"));
    if (!limit) throw LegalDataError(where + ".maxspeed is not a speed");
    rule.maxspeed_tenths = *limit;
    if (const auto inferred = r.find("inferred"); inferred != r.end()) {
      if (!inferred->is_boolean()) throw LegalDataError(where + ".inferred is not true or false");
      rule.inferred = inferred->get<bool>();
    }
    out.rules_.push_back(std::move(rule));
  }
  std::stable_sort(out.rules_.begin(), out.rules_.end(), [](const DateRule& a, const DateRule& b) {
    return a.from_day.value_or(INT32_MIN) < b.from_day.value_or(INT32_MIN);
  });
  return out;
}

std::vector<const DateRule*> DateRules::applying(std::string_view rules_code, const TagMap& tags,
                                                 const LegalDefaultSpeeds& speeds) const {
  std::vector<const DateRule*> out;
  const std::string_view country = rules_code.substr(0, rules_code.find('-'));
  const auto placeholder = [&](const std::string& road_type) { return speeds.road_type_matches(road_type, tags); };
  for (const DateRule& rule : rules_) {
    if (rule.country != rules_code && rule.country != country) continue;
    if (rule.filter.matches(tags, placeholder)) out.push_back(&rule);
  }
  return out;
}

}  // namespace drivelog::legal
