#include "detect/conditional_rules.hpp"

#include <cmath>
#include <cstdio>

#include "detect/path_lookup.hpp"

namespace drivelog::detect {

std::string local_iso_minute(int64_t local_seconds) {
  const legal::LocalTime t = legal::LocalTime::from_local_seconds(local_seconds);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.minute / 60, t.minute % 60);
  return text;
}

bool closed_under(const map::EdgeRecord& edge, const ConditionalVerdict& access) {
  switch (access.state) {
    case ConditionalVerdict::State::none: return edge.has(map::edge_flags::kClosed);
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
  if (verdict.record == nullptr) return {};
  return {{"conditional_tag",
           std::string(map.string_at(verdict.record->key)) + "=" + std::string(map.string_at(verdict.record->value))},
          {"condition", verdict.condition},
          {"local_time", verdict.local_time}};
}

void add_conditional_evidence(const map::MapView& map, const ConditionalVerdict& verdict, Violation& v) {
  for (auto& [key, text] : conditional_evidence(map, verdict)) v.evidence.push_back(EvidenceItem::of_text(key, text));
}

const legal::ConditionalValue* ConditionalRules::parsed(uint32_t rules_string) {
  auto [it, inserted] = parsed_.try_emplace(rules_string);
  if (inserted) it->second = legal::parse_conditional(map_->string_at(rules_string)).value;
  return it->second ? &*it->second : nullptr;
}

ConditionalVerdict ConditionalRules::at(uint32_t edge, map::ConditionalKind kind, double utc_seconds) {
  ConditionalVerdict verdict;
  const auto records = map_->conditionals_on(edge);
  if (records.empty()) return verdict;
  const auto local = static_cast<int64_t>(
      std::floor(calendar_.local_seconds(map_->node_coord(map_->edge(edge).from_node), utc_seconds)));
  const legal::LocalTime t = legal::LocalTime::from_local_seconds(local);
  for (const map::ConditionalRestriction& record : records) {
    if (record.kind != kind) continue;
    const legal::ConditionalValue* value = parsed(record.rules);
    if (value == nullptr) continue;
    bool undecidable = false;
    const legal::ConditionalRule* rule = legal::rule_in_force(*value, t, vehicle_, &undecidable);
    if (rule == nullptr && !undecidable) continue;
    verdict.state = undecidable ? ConditionalVerdict::State::undecidable : ConditionalVerdict::State::holds;
    verdict.record = &record;
    if (rule != nullptr) {
      verdict.meaning = rule->value;
      verdict.condition = rule->condition_text;
    }
    verdict.local_time = local_iso_minute(local);
    return verdict;
  }
  return verdict;
}

}  // namespace drivelog::detect
