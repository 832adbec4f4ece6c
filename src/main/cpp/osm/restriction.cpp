#include "osm/restriction.hpp"

namespace drivelog::osm {
namespace {

bool except_exempts_cars(std::string_view except) {
  while (!except.empty()) {
    const std::size_t semi = except.find(';');
    const std::string_view item = trim(except.substr(0, semi));
    if (item == "motorcar" || item == "motor_vehicle" || item == "vehicle") return true;
    if (semi == std::string_view::npos) break;
    except.remove_prefix(semi + 1);
  }
  return false;
}

}  // namespace

RestrictionTags interpret_restriction(const Tags& tags) {
  RestrictionTags out;
  if (!tags.is("type", "restriction")) return out;
  std::string_view key = "restriction:motorcar";
  auto value = tags.get(key);
  if (!value) value = tags.get(key = "restriction:motor_vehicle");
  if (!value) value = tags.get(key = "restriction");
  if (!value) {
    out.verdict = tags.get("restriction:conditional") ? RestrictionTags::Verdict::conditional_only
                                                      : RestrictionTags::Verdict::not_for_cars;
    return out;
  }
  if (const auto except = tags.get("except"); except && except_exempts_cars(*except)) {
    out.verdict = RestrictionTags::Verdict::not_for_cars;
    return out;
  }
  const std::string_view v = trim(*value);
  if (v.starts_with("no_") && v.size() > 3) {
    out.kind = map::RestrictionKind::no;
  } else if (v.starts_with("only_") && v.size() > 5) {
    out.kind = map::RestrictionKind::only;
  } else {
    out.verdict = RestrictionTags::Verdict::invalid;
    out.bad_key = key;
    out.bad_value = *value;
    return out;
  }
  out.verdict = RestrictionTags::Verdict::applies;
  return out;
}

}  // namespace drivelog::osm
