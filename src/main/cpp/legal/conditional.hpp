// OSM conditional restrictions (https://wiki.openstreetmap.org/wiki/Conditional_restrictions):
// `VALUE @ CONDITION; VALUE @ (CONDITION AND CONDITION)`. A condition is a time in opening_hours
// syntax (legal/opening_hours.hpp), a vehicle property compared with a number (`weight>7.5`,
// `length>12 m`, `axles>=3`), a vehicle class or use (`hgv`, `delivery`, `destination`) or a
// situation nobody can judge from a GPS log (`wet`, `snow`). Anything else makes the whole value
// "not understood" with a reason: it is then treated as absent, never guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "legal/opening_hours.hpp"

namespace drivelog::legal {

// The vehicle a drive is judged for. The defaults are a passenger car; properties nobody
// configured are taken from it (a condition on them is then decided for a typical car).
struct VehicleProfile {
  std::string vehicle_class = "motorcar";  // an OSM access key: motorcar, hgv, bus, motorcycle
  double weight_t = 1.5;
  double length_m = 4.5;
  double width_m = 1.8;
  double height_m = 1.5;
  double axles = 2;
  double axleload_t = 0.75;
  // What a vehicle type does not say (conditions `80 @ (trailer)`, `70 @ (articulated)`,
  // `65 @ (seats>=15)`, `60 @ (trailerweight>0.75)`): configured per analysis.
  double trailers = 0;           // trailers towed (a semi-trailer counts as articulated, not as one)
  double trailer_weight_t = 0;   // the trailers' permitted mass
  bool articulated = false;      // a tractor and semi-trailer, an articulated bus
  double seats = 5;              // passenger seats including the driver's
};

struct Condition {
  enum class Kind : uint8_t { time, comparison, vehicle_class, situation };
  Kind kind = Kind::time;
  OpeningHours hours;          // time
  std::string name;            // comparison: the property (weight ...); class / situation: the word
  std::string op;              // comparison: < <= > >= =
  double value = 0;            // comparison: in t, m or a count
};

struct ConditionalRule {
  std::string value;                   // the restriction's value while the conditions hold (`no`, `30`)
  std::string condition_text;          // as written, without the parentheses
  std::vector<Condition> conditions;   // all must hold
};

struct ConditionalValue {
  std::vector<ConditionalRule> rules;  // in the tag's order: the last one that holds applies
};

struct ConditionalParse {
  std::optional<ConditionalValue> value;
  std::string error;  // why not, when value is empty
};

ConditionalParse parse_conditional(std::string_view text);

// Whether `condition` holds for `vehicle` at local time `t`.
Truth evaluate(const Condition& condition, const LocalTime& t, const VehicleProfile& vehicle);
Truth evaluate(const ConditionalRule& rule, const LocalTime& t, const VehicleProfile& vehicle);

// The rule in force: the last one whose conditions hold. Nothing if none holds; `undecidable` is
// set (and nothing returned) when one that may hold cannot be decided and no later one holds.
const ConditionalRule* rule_in_force(const ConditionalValue& value, const LocalTime& t, const VehicleProfile& vehicle,
                                     bool* undecidable);

}  // namespace drivelog::legal
