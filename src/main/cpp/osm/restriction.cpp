#include "osm/restriction.hpp"

#include <array>
#include <optional>

#include "osm/conditional_tags.hpp"

namespace drivelog::osm {
namespace {

// The classes `except=` exempts (`bus;psv`, `motorcar`).
uint8_t exempted(const Tags& tags) {
  std::string_view except = tags.get("except").value_or("");
  uint8_t out = 0;
  while (!except.empty()) {
    const std::size_t semi = except.find(';');
    out |= vehicles_named(trim(except.substr(0, semi)));
    if (semi == std::string_view::npos) break;
    except.remove_prefix(semi + 1);
  }
  return out;
}

std::optional<map::RestrictionKind> restriction_kind(std::string_view v) {
  v = trim(v);
  if (v.starts_with("no_") && v.size() > 3) return map::RestrictionKind::no;
  if (v.starts_with("only_") && v.size() > 5) return map::RestrictionKind::only;
  return std::nullopt;
}

// The conditional keys of a relation, a class's own first (precedence 0), then the motor-vehicle
// one (1), then the general one (2).
struct ConditionalKey {
  std::string_view key;
  uint8_t precedence;
  uint8_t vehicles;
};
constexpr std::array<ConditionalKey, 6> kConditionalKeys{{
    {"restriction:motorcar:conditional", 0, map::vehicle_bits::kCar},
    {"restriction:hgv:conditional", 0, map::vehicle_bits::kHgv},
    {"restriction:bus:conditional", 0, map::vehicle_bits::kBus},
    {"restriction:motorcycle:conditional", 0, map::vehicle_bits::kMotorcycle},
    {"restriction:motor_vehicle:conditional", 1, map::kAllVehicles},
    {"restriction:conditional", 2, map::kAllVehicles},
}};

// `no_left_turn @ (Mo-Fr 07:00-09:00); none @ (Su)` -> `no @ (Mo-Fr 07:00-09:00); none @ (Su)`;
// `first_kind` receives the first no/only. Nothing (and `error`) for a value not understood.
std::optional<std::string> normalised_turn_rules(std::string_view value, std::optional<map::RestrictionKind>& first_kind,
                                                 std::string& error) {
  uint8_t named = 0;
  return normalised_rules(
      value,
      [&first_kind](std::string_view rule_value) -> std::optional<std::string> {
        if (const auto kind = restriction_kind(rule_value)) {
          if (!first_kind) first_kind = kind;
          return std::string(*kind == map::RestrictionKind::no ? "no" : "only");
        }
        if (trim(rule_value) == "none") return std::string("none");
        return std::nullopt;
      },
      error, named);
}

}  // namespace

RestrictionTags interpret_restriction(const Tags& tags) {
  RestrictionTags out;
  if (!tags.is("type", "restriction")) return out;
  const uint8_t exempt = exempted(tags);
  std::optional<map::RestrictionKind> conditional_kind;
  for (const ConditionalKey& c : kConditionalKeys) {
    const auto value = tags.get(c.key);
    if (!value) continue;
    std::string error;
    auto rules = normalised_turn_rules(*value, conditional_kind, error);
    if (!rules) {
      out.not_understood.emplace_back(std::string(c.key), std::move(error));
      continue;
    }
    const auto vehicles = static_cast<uint8_t>(c.vehicles & ~exempt);
    if (vehicles == 0) continue;
    out.conditionals.push_back(map::ConditionalInput{map::ConditionalKind::access, c.precedence, map::ConditionalDirection::both,
                                                     vehicles, std::string(c.key), std::string(*value), std::move(*rules)});
  }
  if (!out.conditionals.empty()) out.flags |= map::restriction_flags::kConditional;

  std::string_view key = "restriction:motorcar";
  auto value = tags.get(key);
  if (!value) value = tags.get(key = "restriction:motor_vehicle");
  if (!value) value = tags.get(key = "restriction");
  const bool cars_exempt = (exempt & map::vehicle_bits::kCar) != 0;
  if (!value || cars_exempt) {
    // No plain restriction for cars: a time-dependent one alone, or nothing.
    if (out.conditionals.empty() || !conditional_kind) {
      const bool time_dependent = !out.conditionals.empty() || !out.not_understood.empty();
      out.verdict = time_dependent ? RestrictionTags::Verdict::conditional_only : RestrictionTags::Verdict::not_for_cars;
      out.conditionals.clear();
      out.flags = 0;
      return out;
    }
    out.kind = *conditional_kind;
    out.flags |= map::restriction_flags::kOnlyConditional;
    out.vehicles = 0;
    for (const map::ConditionalInput& c : out.conditionals) out.vehicles |= c.vehicles;
    out.verdict = RestrictionTags::Verdict::applies;
    return out;
  }
  const auto kind = restriction_kind(*value);
  if (!kind) {
    out.verdict = RestrictionTags::Verdict::invalid;
    out.bad_key = key;
    out.bad_value = *value;
    return out;
  }
  out.kind = *kind;
  out.vehicles = static_cast<uint8_t>(map::kAllVehicles & ~exempt);
  out.verdict = RestrictionTags::Verdict::applies;
  return out;
}

}  // namespace drivelog::osm
