#include "detect/rule_limits.hpp"

#include "legal/speed_value.hpp"

namespace drivelog::detect {
namespace {

using map::VehicleClass;

// The class a `maxspeed:CLASS` key (without `:conditional`) sets, as the map builder folds them
// (osm/legal_speed_resolver.cpp: bus, else coach); count for any other key.
VehicleClass class_of_key(std::string_view key) {
  if (key == "maxspeed") return VehicleClass::car;
  if (key == "maxspeed:hgv") return VehicleClass::hgv;
  if (key == "maxspeed:bus" || key == "maxspeed:coach") return VehicleClass::bus;
  if (key == "maxspeed:motorcycle") return VehicleClass::motorcycle;
  return VehicleClass::count;
}

}  // namespace

const RuleLimits::Parsed& RuleLimits::parsed(const map::MapView& map, uint32_t rule) {
  const uint32_t tags_string = map.speed_rule(rule).tags;
  auto [it, inserted] = parsed_.try_emplace(tags_string);
  if (!inserted) return it->second;
  Parsed& out = it->second;
  std::string_view text = map.string_at(tags_string);
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, eq);
    if (key.ends_with(":conditional")) {
      const VehicleClass binds = key == "maxspeed:conditional" ? VehicleClass::count
                                                               : class_of_key(key.substr(0, key.size() - 12));
      if (binds == VehicleClass::car) continue;  // not a key the dataset writes
      if (binds == VehicleClass::count && key != "maxspeed:conditional") continue;  // another class (goods, motorhome)
      auto value = legal::parse_conditional(line.substr(eq + 1)).value;
      if (value) out.conditionals.push_back(Conditional{binds, std::string(line), std::move(*value)});
      continue;
    }
    const VehicleClass c = class_of_key(key);
    if (c == VehicleClass::count || c == VehicleClass::car) continue;
    std::string& tag = out.class_tag[static_cast<std::size_t>(c)];
    if (tag.empty() || key != "maxspeed:coach") tag = std::string(line);  // bus before coach, as the build
  }
  return out;
}

bool RuleLimits::may_bind(const map::MapView& map, uint32_t rule, VehicleClass vehicle_class) {
  if (vehicle_class != VehicleClass::car && map.speed_rule(rule).limits[static_cast<std::size_t>(vehicle_class)] != 0) return true;
  for (const Conditional& c : parsed(map, rule).conditionals) {
    if (c.binds == VehicleClass::count || c.binds == vehicle_class) return true;
  }
  return false;
}

RuleLimit RuleLimits::lowest(const map::MapView& map, uint32_t rule, VehicleClass vehicle_class,
                             const legal::VehicleProfile& vehicle, const legal::LocalTime& t) {
  RuleLimit out;
  const Parsed& p = parsed(map, rule);
  const auto c = static_cast<std::size_t>(vehicle_class);
  if (vehicle_class != VehicleClass::car && map.speed_rule(rule).limits[c] != 0) {
    out.tenths_kmh = map.speed_rule(rule).limits[c];
    out.tag = p.class_tag[c];
  }
  // The class's own conditional first: of equal limits it names the vehicle more precisely.
  for (const bool own_class : {true, false}) {
    for (const Conditional& cond : p.conditionals) {
      if (cond.binds != (own_class ? vehicle_class : VehicleClass::count)) continue;
      bool undecidable = false;
      const legal::ConditionalRule* in_force = legal::rule_in_force(cond.value, t, vehicle, &undecidable);
      if (in_force == nullptr) continue;
      const auto limit = legal::speed_tenths(in_force->value);
      if (!limit || *limit == map::kSpeedUnknown) continue;
      if (out.tenths_kmh != map::kSpeedUnknown && *limit >= out.tenths_kmh) continue;
      out.tenths_kmh = *limit;
      out.tag = cond.tag;
      out.condition = in_force->condition_text;
    }
  }
  return out;
}

}  // namespace drivelog::detect
