#include "detect/conditional_rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "detect/path_lookup.hpp"

namespace drivelog::detect {
namespace {

// The analysed vehicle's class as the map's records name it; a class the map does not
// distinguish is judged as a car.
map::VehicleClass vehicle_class_of(const legal::VehicleProfile& vehicle) {
  using map::VehicleClass;
  const std::string& c = vehicle.vehicle_class;
  return c == "hgv" ? VehicleClass::hgv
         : c == "bus" ? VehicleClass::bus
         : c == "motorcycle" ? VehicleClass::motorcycle
                             : VehicleClass::car;
}

// A `maxspeed:conditional` rule's normalised value (osm/conditional_tags.cpp) as a stored limit.
uint16_t conditional_limit_tenths(const std::string& meaning) {
  if (meaning == "none") return map::kSpeedUnlimited;
  if (meaning == "unknown") return map::kSpeedUnknown;
  const double kmh = std::strtod(meaning.c_str(), nullptr);
  return kmh > 0 && kmh < 6500 ? static_cast<uint16_t>(std::lround(kmh * 10)) : map::kSpeedUnknown;
}

// The limit under `verdict`, the edge's maxspeed conditional at the time: one whose rule holds for
// the vehicle replaces the plain limit. Undecidable (a
// holiday, `wet`): the plain limit, unless the rule that may hold allows more (nothing is
// reported that the law may allow).
map::LimitInForce conditional_limit(ConditionalVerdict& verdict, const map::LimitInForce& plain) {
  if (verdict.state == ConditionalVerdict::State::none) return plain;
  const uint16_t limit = conditional_limit_tenths(verdict.meaning);
  if (verdict.state == ConditionalVerdict::State::undecidable) {
    const bool more_permissive = plain.tenths_kmh != map::kSpeedUnknown && plain.tenths_kmh != map::kSpeedUnlimited &&
                                 (limit == map::kSpeedUnknown || limit == map::kSpeedUnlimited || limit > plain.tenths_kmh);
    if (!more_permissive || verdict.meaning.empty()) {
      verdict = {};
      return plain;
    }
  }
  // A plain per-class limit (`maxspeed:hgv=60`) is a tagged limit, not a conditional one.
  return map::LimitInForce{limit, verdict.plain ? map::SpeedSource::explicit_tag : map::SpeedSource::conditional,
                           map::kNoSpeedRule};
}

// A value whose one rule always holds (`closed @ (24/7)`): a plain per-class key's record.
bool always_holds(const legal::ConditionalValue& value) {
  return value.rules.size() == 1 && value.rules[0].condition_text == "24/7";
}

}  // namespace

std::string local_iso_minute(int64_t local_seconds) {
  const legal::LocalTime t = legal::LocalTime::from_local_seconds(local_seconds);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.minute / 60, t.minute % 60);
  return text;
}

bool closed_under(const map::EdgeRecord& edge, const ConditionalVerdict& access) {
  switch (access.state) {
    // Flagged closed only because a conditional closes it at some times: open when none holds.
    case ConditionalVerdict::State::none:
      return edge.has(map::edge_flags::kClosed) && !edge.has(map::edge_flags::kClosedAtTimes);
    case ConditionalVerdict::State::holds: return access.meaning == "closed";
    case ConditionalVerdict::State::undecidable: return false;
  }
  return false;
}

bool against_under(const map::EdgeRecord& edge, bool forward, const ConditionalVerdict& oneway) {
  switch (oneway.state) {
    case ConditionalVerdict::State::none: return against_oneway(edge, forward);
    case ConditionalVerdict::State::holds:
      return (oneway.meaning == "forward" && !forward) || (oneway.meaning == "backward" && forward);
    case ConditionalVerdict::State::undecidable: return false;
  }
  return false;
}

std::vector<std::pair<const char*, std::string>> conditional_evidence(const map::MapView& map,
                                                                      const ConditionalVerdict& verdict) {
  if (verdict.state == ConditionalVerdict::State::none) return {};
  const auto tag = [&](uint32_t key, uint32_t value) { return std::string(map.string_at(key)) + "=" + std::string(map.string_at(value)); };
  if (!verdict.plain) {
    return {{"conditional_tag", tag(verdict.key, verdict.value)}, {"condition", verdict.condition}, {"local_time", verdict.local_time}};
  }
  std::vector<std::pair<const char*, std::string>> out{{"class_tag", tag(verdict.key, verdict.value)}};
  if (verdict.timed) {
    if (verdict.followed) out.emplace_back("conditional_tag", tag(verdict.followed_key, verdict.followed_value));
    out.emplace_back("condition", verdict.condition);
    out.emplace_back("local_time", verdict.local_time);
  }
  return out;
}

void add_conditional_evidence(const map::MapView& map, const ConditionalVerdict& verdict, Violation& v) {
  for (auto& [key, text] : conditional_evidence(map, verdict)) v.evidence.push_back(EvidenceItem::of_text(key, text));
}

ConditionalRules::ConditionalRules(const map::MapView& map, legal::VehicleProfile vehicle)
    : map_(&map),
      calendar_(map),
      vehicle_(std::move(vehicle)),
      vehicle_class_(vehicle_class_of(vehicle_)),
      vehicle_bit_(map::vehicle_bit(vehicle_class_)) {}

VehicleLimit ConditionalRules::limit_at(uint32_t edge, bool forward, double utc_seconds) {
  VehicleLimit out = law_limit_at(edge, forward, utc_seconds);
  if (!has_conditionals(edge)) return out;
  out.way_conditional = at(edge, forward, map::ConditionalKind::maxspeed, utc_seconds);
  out.limit = conditional_limit(out.way_conditional, out.limit);
  // The way's own conditional or class key decided: the rule's limits did not.
  if (out.way_conditional.state != ConditionalVerdict::State::none) {
    out.lowered_by = {};
    out.local_time.clear();
  }
  return out;
}

bool ConditionalRules::law_by_day(uint32_t edge, bool forward, const map::EdgeRecord& e) {
  // What law_limit_at() asks up to the rule's limits for the vehicle is a function of the edge, the
  // direction and the local day: remembered for the last ones asked (LawMemo).
  if (!law_memo_.holds(edge, forward)) {
    law_memo_ = LawMemo{};
    law_memo_.edge = edge;
    law_memo_.forward = forward;
    law_memo_.rule_based = map::is_rule_based(e.source(forward));
    // A tagged limit is lowered only by what the law adds for the vehicle; the rules of a chain share
    // their tags, so its head tells whether anything may.
    const bool tagged = e.source(forward) == map::SpeedSource::explicit_tag && e.maxspeed(forward) != map::kSpeedUnknown;
    law_memo_.by_day = law_memo_.rule_based || (tagged && rule_limits_.may_bind(*map_, e.speed_rule, vehicle_class_));
  }
  return law_memo_.by_day;
}

void ConditionalRules::law_on_day(uint32_t edge, bool forward, const map::EdgeRecord& e, int32_t local_day) {
  if (law_memo_.day_known && law_memo_.local_day == local_day) return;
  law_memo_.limit = law_memo_.rule_based ? map_->limit_in_force(edge, forward, local_day)
                                         : map::LimitInForce{e.maxspeed(forward), e.source(forward), map::kNoSpeedRule};
  law_memo_.rule = map_->rule_in_force(edge, local_day);
  law_memo_.rule_may_bind = law_memo_.rule != map::kNoSpeedRule && law_memo_.limit.tenths_kmh != map::kSpeedUnknown &&
                            rule_limits_.may_bind(*map_, law_memo_.rule, vehicle_class_);
  law_memo_.local_day = local_day;
  law_memo_.day_known = true;
}

std::optional<ConditionalRules::PlainLimit> ConditionalRules::plain_rule_limit(uint32_t edge, bool forward,
                                                                               const map::EdgeRecord& e, double utc_seconds) {
  // law_limit_at() without the rule's limits for the vehicle, and limit_at() without conditionals;
  // the answer remembered with the instants it stands between (PlainMemo).
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  plain_memo_.edge = edge;
  plain_memo_.forward = forward;
  plain_memo_.from_utc = -kInfinity;
  plain_memo_.until_utc = kInfinity;
  if (has_conditionals(edge)) return plain_memo_.answer = std::nullopt;
  const map::LimitInForce tag{e.maxspeed(forward), e.source(forward), map::kNoSpeedRule};
  if (!law_by_day(edge, forward, e)) return plain_memo_.answer = PlainLimit{tag, 0};
  const LocalCalendar::Day day = calendar_.day_span(map_->node_coord(e.from_node), utc_seconds);
  plain_memo_.from_utc = day.from_utc;
  plain_memo_.until_utc = day.until_utc;
  law_on_day(edge, forward, e, day.day);
  if (law_memo_.rule_may_bind) return plain_memo_.answer = std::nullopt;
  return plain_memo_.answer = PlainLimit{law_memo_.limit, day.day};
}

VehicleLimit ConditionalRules::law_limit_at(uint32_t edge, bool forward, double utc_seconds) {
  const map::EdgeRecord& e = map_->edge(edge);
  VehicleLimit out;
  out.limit = map::LimitInForce{e.maxspeed(forward), e.source(forward), map::kNoSpeedRule};
  if (e.speed_rule == map::kNoSpeedRule || !law_by_day(edge, forward, e)) return out;
  // The local time once: LocalCalendar::day() is this time's day.
  const double local_seconds = calendar_.local_seconds(map_->node_coord(e.from_node), utc_seconds);
  out.local_day = LocalCalendar::day_of(local_seconds);
  law_on_day(edge, forward, e, out.local_day);
  out.limit = law_memo_.limit;
  if (!law_memo_.rule_may_bind) return out;
  const uint32_t rule = law_memo_.rule;
  const auto local = static_cast<int64_t>(std::floor(local_seconds));
  // What follows depends on the local time to the minute only (LoweredMemo).
  const int64_t minute = local >= 0 ? local / 60 : -((59 - local) / 60);
  if (lowered_memo_.holds(edge, forward, out.local_day, minute)) {
    out.limit = lowered_memo_.limit;
    out.lowered_by = lowered_memo_.lowered_by;
    out.local_time = lowered_memo_.local_time;
    return out;
  }
  RuleLimit lowest = rule_limits_.lowest(*map_, rule, vehicle_class_, vehicle_, legal::LocalTime::from_local_seconds(local));
  if (lowest.tenths_kmh != map::kSpeedUnknown && lowest.tenths_kmh < out.limit.tenths_kmh) {
    out.limit = map::LimitInForce{lowest.tenths_kmh, map_->speed_rule(rule).source, rule};
    if (!lowest.condition.empty()) out.local_time = local_iso_minute(local);
    out.lowered_by = std::move(lowest);
  }
  lowered_memo_.edge = edge;
  lowered_memo_.forward = forward;
  lowered_memo_.local_day = out.local_day;
  lowered_memo_.local_minute = minute;
  lowered_memo_.limit = out.limit;
  lowered_memo_.lowered_by = out.lowered_by;
  lowered_memo_.local_time = out.local_time;
  return out;
}

const legal::ConditionalValue* ConditionalRules::parsed(uint32_t rules_string) {
  auto [it, inserted] = parsed_.try_emplace(rules_string);
  if (inserted) it->second = legal::parse_conditional(map_->string_at(rules_string)).value;
  return it->second ? &*it->second : nullptr;
}

template <typename Records, typename Binds>
ConditionalVerdict ConditionalRules::decide(const Records& records, Binds binds, uint32_t node, double utc_seconds) {
  ConditionalVerdict verdict;
  const auto local = static_cast<int64_t>(std::floor(calendar_.local_seconds(map_->node_coord(node), utc_seconds)));
  const legal::LocalTime t = legal::LocalTime::from_local_seconds(local);
  for (const auto& record : records) {
    if (!binds(record)) continue;
    const legal::ConditionalValue* value = parsed(record.rules);
    if (value == nullptr) continue;
    bool undecidable = false;
    const legal::ConditionalRule* rule = legal::rule_in_force(*value, t, vehicle_, &undecidable);
    if (rule == nullptr && !undecidable) continue;
    verdict.state = undecidable ? ConditionalVerdict::State::undecidable : ConditionalVerdict::State::holds;
    verdict.key = record.key;
    verdict.value = record.value;
    if constexpr (requires { record.plain(); }) {  // edge records only
      verdict.plain = record.plain();
      verdict.timed = verdict.plain && !always_holds(*value);
    }
    if (rule == nullptr) {  // the rule that may hold, for a caller that takes the most permissive reading
      for (auto it = value->rules.rbegin(); it != value->rules.rend() && rule == nullptr; ++it) {
        if (legal::evaluate(*it, t, vehicle_) != legal::Truth::no) rule = &*it;
      }
    }
    if (rule != nullptr) {
      verdict.meaning = rule->value;
      verdict.condition = rule->condition_text;
    }
    verdict.local_time = local_iso_minute(local);
    return verdict;
  }
  return verdict;
}

ConditionalVerdict ConditionalRules::at(uint32_t edge, bool forward, map::ConditionalKind kind, double utc_seconds) {
  const auto records = map_->conditionals_on(edge);
  if (records.empty()) return {};
  const auto binds = [&](const map::ConditionalRestriction& r) { return r.kind == kind && r.binds(forward, vehicle_bit_); };
  const uint32_t node = map_->edge(edge).from_node;
  ConditionalVerdict verdict = decide(records, binds, node, utc_seconds);
  if (verdict.timed) {
    // The one-way conditional whose times the plain record follows: the one in force, else the
    // first that binds the vehicle (none of its rules holds: the plain one-way and the access key decide).
    const auto conditional_oneway = [&](const map::ConditionalRestriction& r) {
      return r.kind == map::ConditionalKind::oneway && !r.plain() && r.binds(forward, vehicle_bit_);
    };
    ConditionalVerdict oneway = decide(records, conditional_oneway, node, utc_seconds);
    const auto first = std::find_if(records.begin(), records.end(), conditional_oneway);
    if (oneway.state != ConditionalVerdict::State::none) {
      verdict.followed_key = oneway.key;
      verdict.followed_value = oneway.value;
      verdict.followed = true;
    } else if (first != records.end()) {
      verdict.followed_key = first->key;
      verdict.followed_value = first->value;
      verdict.followed = true;
    }
  }
  return verdict;
}

ConditionalVerdict ConditionalRules::at_turn(const map::TurnRestriction& restriction, uint32_t via_node, double utc_seconds) {
  const auto binds = [&](const map::TurnConditional& c) { return (c.vehicles & vehicle_bit_) != 0; };
  return decide(map_->turn_conditionals_of(restriction.osm_relation_id), binds, via_node, utc_seconds);
}

std::optional<map::RestrictionKind> TurnKindsAt::operator()(const map::TurnRestriction& r) {
  if ((r.vehicles & rules_->vehicle_bit()) == 0) return std::nullopt;
  if (!r.has(map::restriction_flags::kConditional)) return r.kind;
  ConditionalVerdict verdict = rules_->at_turn(r, via_node_, utc_seconds_);
  switch (verdict.state) {
    case ConditionalVerdict::State::undecidable: return std::nullopt;
    case ConditionalVerdict::State::none:
      if (r.has(map::restriction_flags::kOnlyConditional)) return std::nullopt;
      return r.kind;
    case ConditionalVerdict::State::holds: break;
  }
  const std::optional<map::RestrictionKind> kind =
      verdict.meaning == "no" ? std::optional(map::RestrictionKind::no)
      : verdict.meaning == "only" ? std::optional(map::RestrictionKind::only) : std::nullopt;
  if (kind) decided_[r.osm_relation_id] = std::move(verdict);
  return kind;
}

ConditionalVerdict TurnKindsAt::verdict_of(const map::TurnRestriction& r) const {
  const auto it = decided_.find(r.osm_relation_id);
  return it == decided_.end() ? ConditionalVerdict{} : it->second;
}

}  // namespace drivelog::detect
