#include "legal/conditional.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "legal/number_with_unit.hpp"

namespace drivelog::legal {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

// Vehicle classes as OSM access keys name them; the profile's class is one of them.
constexpr std::array<std::string_view, 22> kVehicleClasses{
    "vehicle", "motor_vehicle", "motorcar", "hgv", "goods", "bus", "psv", "coach", "tourist_bus", "taxi", "motorcycle",
    "moped", "mofa", "bicycle", "trailer", "caravan", "motorhome", "agricultural", "emergency", "hazmat", "foot", "horse"};
// Whether the vehicle is built so, rather than of a class: held by the analysed vehicle's profile.
constexpr std::array<std::string_view, 1> kVehicleBuilds{"articulated"};
// Uses of a trip and conditions of the road: a GPS log cannot tell them.
constexpr std::array<std::string_view, 16> kUndecidableWords{
    "delivery", "destination", "customers", "private", "permit", "permissive", "residents", "disabled", "forestry",
    "wet", "snow", "dry", "fog", "flooding", "ice", "winter"};
// `weightrating` (the permitted maximum mass, which the legal defaults' class limits use) is read as
// the profile's weight: the classes' configured weights are those of a laden vehicle of the class.
// `trailers` (how many), `trailerweight` (their permitted mass) and `seats` come from the analysis's
// vehicle settings (docs/CONFIGURATION.md), not from the type.
constexpr std::array<std::string_view, 10> kComparedProperties{"weight", "weightrating", "axleload", "length", "width", "height",
                                                                "axles", "trailers", "trailerweight", "seats"};
// Compared, but not a property of the vehicle a log describes.
constexpr std::array<std::string_view, 2> kUndecidableProperties{"occupants", "stay"};

bool one_of(std::string_view word, const auto& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool parse_comparison(std::string_view text, Condition& out, std::string& error) {
  const size_t op_at = text.find_first_of("<>=");
  if (op_at == std::string_view::npos || op_at == 0) return false;
  const std::string_view name = trim(text.substr(0, op_at));
  if (!std::all_of(name.begin(), name.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_' || ch == ':'; })) {
    return false;
  }
  size_t op_len = 1;
  if (op_at + 1 < text.size() && text[op_at + 1] == '=') op_len = 2;
  out.kind = Condition::Kind::comparison;
  out.name = std::string(name);
  out.op = std::string(text.substr(op_at, op_len));
  if (one_of(name, kUndecidableProperties)) return true;
  if (!one_of(name, kComparedProperties)) {
    error = "an unknown vehicle property \"" + std::string(name) + "\"";
    return true;
  }
  const auto number = number_with_optional_unit(trim(text.substr(op_at + op_len)));
  if (!number) {
    error = "an unreadable number in \"" + std::string(text) + "\"";
    return true;
  }
  out.value = *number;
  return true;
}

bool parse_condition(std::string_view text, Condition& out, std::string& error) {
  text = trim(text);
  if (text.empty()) {
    error = "an empty condition";
    return false;
  }
  if (parse_comparison(text, out, error)) return error.empty();
  if (one_of(text, kVehicleClasses) || one_of(text, kVehicleBuilds)) {
    out.kind = Condition::Kind::vehicle_class;
    out.name = std::string(text);
    return true;
  }
  if (one_of(text, kUndecidableWords)) {
    out.kind = Condition::Kind::situation;
    out.name = std::string(text);
    return true;
  }
  auto hours = parse_opening_hours(text);
  if (!hours.hours) {
    error = hours.error + " in \"" + std::string(text) + "\"";
    return false;
  }
  out.kind = Condition::Kind::time;
  out.hours = std::move(*hours.hours);
  return true;
}

// The condition's parts joined by ` AND `.
bool parse_conditions(std::string_view text, ConditionalRule& rule, std::string& error) {
  while (true) {
    const size_t and_at = text.find(" AND ");
    Condition condition;
    if (!parse_condition(text.substr(0, and_at), condition, error)) return false;
    rule.conditions.push_back(std::move(condition));
    if (and_at == std::string_view::npos) return true;
    text = text.substr(and_at + 5);
  }
}

// Splits at `;` outside parentheses.
std::vector<std::string_view> split_rules(std::string_view text, std::string& error) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth < 0) {
      error = "a ')' without '('";
      return {};
    }
    if (text[i] == ';' && depth == 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (depth != 0) {
    error = "a '(' without ')'";
    return {};
  }
  parts.push_back(text.substr(start));
  return parts;
}

bool compare(double left, std::string_view op, double right) {
  if (op == "<") return left < right;
  if (op == "<=") return left <= right;
  if (op == ">") return left > right;
  if (op == ">=") return left >= right;
  return left == right;
}

double property(const VehicleProfile& v, std::string_view name) {
  if (name == "weight" || name == "weightrating") return v.weight_t;
  if (name == "axleload") return v.axleload_t;
  if (name == "length") return v.length_m;
  if (name == "width") return v.width_m;
  if (name == "height") return v.height_m;
  if (name == "trailers") return v.trailers;
  if (name == "trailerweight") return v.trailer_weight_t;
  if (name == "seats") return v.seats;
  return v.axles;
}

// Whether a vehicle of `profile_class` is one of `condition_class`.
bool is_of_class(std::string_view profile_class, std::string_view condition_class) {
  if (profile_class == condition_class || condition_class == "vehicle") return true;
  if (condition_class == "motor_vehicle") return profile_class != "bicycle";
  if (condition_class == "psv") return profile_class == "bus" || profile_class == "taxi";
  if (condition_class == "goods") return profile_class == "hgv";
  return false;
}

}  // namespace

ConditionalParse parse_conditional(std::string_view text) {
  ConditionalParse result;
  ConditionalValue value;
  const auto parts = split_rules(text, result.error);
  if (!result.error.empty()) return result;
  for (std::string_view part : parts) {
    part = trim(part);
    if (part.empty()) continue;  // a trailing `;`
    const size_t at = part.find('@');
    if (at == std::string_view::npos) {
      result.error = "a part without '@': \"" + std::string(part) + "\"";
      return result;
    }
    ConditionalRule rule;
    rule.value = std::string(trim(part.substr(0, at)));
    if (rule.value.empty()) {
      result.error = "a part without a value: \"" + std::string(part) + "\"";
      return result;
    }
    std::string_view condition = trim(part.substr(at + 1));
    if (condition.starts_with("(")) {
      if (!condition.ends_with(")")) {
        result.error = "text after the condition's ')': \"" + std::string(condition) + "\"";
        return result;
      }
      condition = trim(condition.substr(1, condition.size() - 2));
    }
    rule.condition_text = std::string(condition);
    if (!parse_conditions(condition, rule, result.error)) return result;
    value.rules.push_back(std::move(rule));
  }
  if (value.rules.empty()) {
    result.error = "no rule";
    return result;
  }
  result.value = std::move(value);
  return result;
}

Truth evaluate(const Condition& condition, const LocalTime& t, const VehicleProfile& vehicle) {
  switch (condition.kind) {
    case Condition::Kind::time:
      return condition.hours.contains(t);
    case Condition::Kind::comparison:
      if (one_of(std::string_view(condition.name), kUndecidableProperties)) return Truth::undecidable;
      return compare(property(vehicle, condition.name), condition.op, condition.value) ? Truth::yes : Truth::no;
    case Condition::Kind::vehicle_class:
      // A vehicle towing a trailer is "a trailer" for `80 @ (trailer)` (OSM: "vehicles with a trailer").
      if (condition.name == "trailer") return vehicle.trailers > 0 ? Truth::yes : Truth::no;
      if (condition.name == "articulated") return vehicle.articulated ? Truth::yes : Truth::no;
      return is_of_class(vehicle.vehicle_class, condition.name) ? Truth::yes : Truth::no;
    case Condition::Kind::situation:
      return Truth::undecidable;
  }
  return Truth::undecidable;
}

Truth evaluate(const ConditionalRule& rule, const LocalTime& t, const VehicleProfile& vehicle) {
  Truth all = Truth::yes;
  for (const Condition& condition : rule.conditions) {
    const Truth one = evaluate(condition, t, vehicle);
    if (one == Truth::no) return Truth::no;
    if (one == Truth::undecidable) all = Truth::undecidable;
  }
  return all;
}

const ConditionalRule* rule_in_force(const ConditionalValue& value, const LocalTime& t, const VehicleProfile& vehicle,
                                     bool* undecidable) {
  *undecidable = false;
  for (auto it = value.rules.rbegin(); it != value.rules.rend(); ++it) {
    const Truth truth = evaluate(*it, t, vehicle);
    if (truth == Truth::yes) return &*it;
    if (truth == Truth::undecidable) {
      *undecidable = true;
      return nullptr;
    }
  }
  return nullptr;
}

}  // namespace drivelog::legal
