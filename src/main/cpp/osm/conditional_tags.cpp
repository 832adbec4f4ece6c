#include "osm/conditional_tags.hpp"

#include <algorithm>
#include <array>

#include "legal/conditional.hpp"
#include "osm/access.hpp"

namespace drivelog::osm {
namespace {

// The access keys a car obeys, most specific first (as osm/access.cpp reads the plain ones).
constexpr std::array<std::string_view, 4> kAccessKeys{"motorcar", "motor_vehicle", "vehicle", "access"};
constexpr std::array<std::string_view, 2> kOnewayCarKeys{"oneway:motorcar", "oneway:motor_vehicle"};

// What an access value means for entering the road: only `no` and values that admit only others
// close it (private and destination roads are not no_entry findings, see osm/access.hpp).
std::optional<std::string> normalised_access(std::string_view value) {
  const auto access = parse_access_value(value);
  if (!access) return std::nullopt;
  return std::string(*access == CarAccess::no ? "closed" : "open");
}

std::optional<std::string> normalised_oneway(std::string_view value) {
  value = trim(value);
  if (value == "yes" || value == "true" || value == "1") return "forward";
  if (value == "-1" || value == "reverse") return "backward";
  if (value == "no" || value == "false" || value == "0") return "both";
  return std::nullopt;
}

// Parses `value` and rewrites each rule's value with `normalise`; an error names what failed.
template <typename Normalise>
std::optional<std::string> normalised_rules(std::string_view value, Normalise normalise, std::string& error) {
  const legal::ConditionalParse parsed = legal::parse_conditional(value);
  if (!parsed.value) {
    error = parsed.error;
    return std::nullopt;
  }
  std::string rules;
  for (const legal::ConditionalRule& rule : parsed.value->rules) {
    const auto meaning = normalise(rule.value);
    if (!meaning) {
      error = "a value that is not understood: \"" + rule.value + "\"";
      return std::nullopt;
    }
    if (!rules.empty()) rules += "; ";
    rules += *meaning + " @ (" + rule.condition_text + ")";
  }
  return rules;
}

template <typename Normalise>
void add(ConditionalTags& out, std::string key, std::string_view value, map::ConditionalKind kind, uint8_t precedence,
         Normalise normalise) {
  std::string error;
  auto rules = normalised_rules(value, normalise, error);
  if (!rules) {
    out.not_understood.emplace_back(std::move(key), std::move(error));
    return;
  }
  out.stored.push_back(map::ConditionalInput{kind, precedence, std::move(key), std::string(value), std::move(*rules)});
}

}  // namespace

ConditionalTags interpret_conditional_tags(const Tags& tags) {
  ConditionalTags out;
  // Most ways have no conditional key: one pass over the tags instead of five lookups (they were
  // 3.8 % of a synthetic city's build instructions, measured with callgrind).
  const auto& all = tags.all();
  if (std::none_of(all.begin(), all.end(), [](const auto& tag) { return tag.first.ends_with(":conditional"); })) return out;
  bool plain_seen = false;  // a more specific plain key with a value we read
  for (uint8_t i = 0; i < kAccessKeys.size(); ++i) {
    const std::string key = std::string(kAccessKeys[i]) + ":conditional";
    if (const auto value = tags.get(key)) {
      if (plain_seen) {
        out.shadowed.push_back(kAccessKeys[i]);
      } else {
        add(out, key, *value, map::ConditionalKind::access, i, normalised_access);
      }
    }
    if (const auto plain = tags.get(kAccessKeys[i]); plain && parse_access_value(*plain)) plain_seen = true;
  }
  if (const auto value = tags.get("oneway:conditional")) {
    const bool car_key = std::any_of(kOnewayCarKeys.begin(), kOnewayCarKeys.end(), [&](std::string_view k) { return tags.get(k).has_value(); });
    if (car_key) {
      out.shadowed.push_back("oneway");
    } else {
      add(out, "oneway:conditional", *value, map::ConditionalKind::oneway, 0, normalised_oneway);
    }
  }
  return out;
}

}  // namespace drivelog::osm
