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

// The plain keys of a relation per vehicle class, most specific first, as for access (the
// conditional keys above): a class's own, then motor_vehicle, then the general one.
struct ClassKeys {
  uint8_t vehicle;
  std::array<std::string_view, 4> keys;  // empty entries unused
};
constexpr std::array<ClassKeys, 4> kPlainKeys{{
    {map::vehicle_bits::kCar, {"restriction:motorcar", "restriction:motor_vehicle", "restriction", ""}},
    {map::vehicle_bits::kHgv, {"restriction:hgv", "restriction:goods", "restriction:motor_vehicle", "restriction"}},
    {map::vehicle_bits::kBus, {"restriction:bus", "restriction:psv", "restriction:motor_vehicle", "restriction"}},
    {map::vehicle_bits::kMotorcycle, {"restriction:motorcycle", "restriction:motor_vehicle", "restriction", ""}},
}};

struct PlainRestriction {
  map::RestrictionKind kind = map::RestrictionKind::no;
  uint8_t vehicles = 0;                          // the classes a plain value of that kind binds
  std::optional<std::string_view> invalid_key;   // the car's key, if its value is not a restriction
  std::vector<std::string> class_keys;           // keys that gave some class another turn rule than the car's
};

// Which classes the relation's plain values restrict, and how: the car's kind where a car is
// bound, else the first bound class's (a relation whose classes disagree on no_* / only_* keeps the
// classes of that kind). `none` or a value we do not read for a class's own key: not restricted.
PlainRestriction plain_restriction(const Tags& tags, uint8_t exempt) {
  PlainRestriction out;
  std::optional<map::RestrictionKind> chosen;
  std::string_view car_key;
  for (const ClassKeys& cls : kPlainKeys) {
    std::string_view deciding;
    std::optional<map::RestrictionKind> kind;
    for (const std::string_view key : cls.keys) {
      if (key.empty()) continue;
      const auto value = tags.get(key);
      if (!value) continue;
      deciding = key;
      kind = restriction_kind(*value);
      if (!kind && cls.vehicle == map::vehicle_bits::kCar && (exempt & cls.vehicle) == 0) out.invalid_key = key;
      break;
    }
    if (cls.vehicle == map::vehicle_bits::kCar) car_key = deciding;
    if (!kind || (exempt & cls.vehicle) != 0) continue;
    if (!chosen) chosen = kind;
    if (*kind != *chosen) continue;
    out.vehicles |= cls.vehicle;
    if (deciding != car_key && deciding != "restriction:motor_vehicle" && deciding != "restriction") {
      out.class_keys.emplace_back(deciding);
    }
  }
  if (chosen) out.kind = *chosen;
  if (exempt != 0 && out.vehicles != 0) out.class_keys.emplace_back("except");
  return out;
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

  const PlainRestriction plain = plain_restriction(tags, exempt);
  if (plain.invalid_key) {
    out.verdict = RestrictionTags::Verdict::invalid;
    out.bad_key = *plain.invalid_key;
    out.bad_value = *tags.get(*plain.invalid_key);
    return out;
  }
  const bool binds_cars = (plain.vehicles & map::vehicle_bits::kCar) != 0;
  if (!binds_cars && !out.conditionals.empty()) {
    // No plain restriction for cars: the time-dependent one alone (plain values of other classes
    // are not combined with it; docs/CONDITIONAL.md, "Known limits").
    if (!conditional_kind) {
      out.verdict = RestrictionTags::Verdict::conditional_only;
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
  if (plain.vehicles == 0) {
    const bool time_dependent = !out.not_understood.empty();
    out.verdict = time_dependent ? RestrictionTags::Verdict::conditional_only : RestrictionTags::Verdict::not_for_cars;
    out.flags = 0;
    return out;
  }
  out.kind = plain.kind;
  out.vehicles = plain.vehicles;
  for (const map::ConditionalInput& c : out.conditionals) out.vehicles |= c.vehicles;
  out.class_keys = plain.class_keys;
  out.verdict = RestrictionTags::Verdict::applies;
  return out;
}

}  // namespace drivelog::osm
