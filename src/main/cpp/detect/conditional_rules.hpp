// The conditional restrictions of an edge (map ConditionalRestriction records) or of a turn
// restriction (TurnConditional records) at the moment it was driven: the local time from the
// map's time zones there, the vehicle the analysis is for (legal::VehicleProfile: its class picks
// the records that bind it, its weight and size decide `weight>7.5`). The first record, most
// specific key first, with a rule in force decides; none in force leaves the plain tags in charge.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "detect/local_calendar.hpp"
#include "detect/rule_limits.hpp"
#include "detect/violation.hpp"
#include "legal/conditional.hpp"
#include "map/map_view.hpp"

namespace drivelog::detect {

struct ConditionalVerdict {
  enum class State : uint8_t {
    none,         // no conditional rule in force: the plain tags apply
    holds,        // `meaning` is in force
    undecidable,  // a rule may be in force but that cannot be told (holiday, delivery, wet road)
  };
  State state = State::none;
  std::string meaning;     // closed / open; forward / backward / both; a limit in km/h, none, unknown; no / only / none
  uint32_t key = 0;        // string: the tag that decided (or could not be decided), as written
  uint32_t value = 0;      // string: its value, as written
  std::string condition;   // the rule's condition, as tagged
  std::string local_time;  // when it was judged, local ISO 8601 (2026-12-07T16:00)
  // Decided by a plain per-class key (`hgv=no`, `maxspeed:hgv=60`), not by a time or condition.
  bool plain = false;
  // A plain access record whose rules follow a one-way conditional's (`hgv:backward=no` under
  // `oneway:conditional=no @ (22:00-06:00)`: closed while the conditional lifts the one-way,
  // osm/conditional_tags.cpp): a time decided, so `condition` and `local_time` are evidence, and the
  // conditional that made the direction the access key's, as tagged (string offsets; `followed`
  // false where the edge has none binding the vehicle).
  bool timed = false;
  bool followed = false;
  uint32_t followed_key = 0;
  uint32_t followed_value = 0;
};


// The speed limit of an edge direction for the analysed vehicle at a moment: the car's (a tag, or
// the legal default of the rule in force that day), lowered by the law's limits of the way's rule
// that bind the vehicle (RuleLimits: its class limit, the dataset's conditional limits), also on a
// tagged way (a lorry's legal maximum caps a sign's 100); then the way's own maxspeed conditional or
// plain class key, where one decides, in its place. The detector and the simulator both ask this.
struct VehicleLimit {
  map::LimitInForce limit;             // source and rule: the rule's where it lowered the limit
  int32_t local_day = 0;               // the local date the rule was chosen for (where one was)
  RuleLimit lowered_by;                // the tag of the rule that lowered it (empty tag: nothing did)
  std::string local_time;              // when a conditional of the rule was judged, local ISO 8601
  ConditionalVerdict way_conditional;  // the way's own maxspeed conditional or class key that decided, if one did
};

class ConditionalRules {
 public:
  explicit ConditionalRules(const map::MapView& map, legal::VehicleProfile vehicle = {});

  // The verdict of `kind` on `edge` driven in that direction at `utc_seconds`; State::none at once
  // for edges without records.
  ConditionalVerdict at(uint32_t edge, bool forward, map::ConditionalKind kind, double utc_seconds);
  // The verdict of a time-dependent turn restriction (flag kConditional) made at `via_node`.
  ConditionalVerdict at_turn(const map::TurnRestriction& restriction, uint32_t via_node, double utc_seconds);
  // The limit of `edge` in that direction at `utc_seconds` for the analysed vehicle (VehicleLimit).
  VehicleLimit limit_at(uint32_t edge, bool forward, double utc_seconds);
  // limit_at() where its answer is a limit and a local day, the rest at its defaults: on an edge
  // without conditional records whose limit is its tag, or its legal rule's on the local day, with
  // none of the rule's own limits able to bind the vehicle (most edges). nullopt for any other
  // edge, direction and time (then ask limit_at()). Inline for an edge without a rule: asked for
  // every matched fix.
  struct PlainLimit {
    map::LimitInForce limit;
    int32_t local_day = 0;  // the local date the rule was chosen for (0: no rule asked)
  };
  std::optional<PlainLimit> plain_limit(uint32_t edge, bool forward, double utc_seconds) {
    if (plain_memo_.holds(edge, forward, utc_seconds)) return plain_memo_.answer;
    const map::EdgeRecord& e = map_->edge(edge);
    if (e.speed_rule != map::kNoSpeedRule) return plain_rule_limit(edge, forward, e, utc_seconds);
    if (has_conditionals(edge)) return std::nullopt;
    return PlainLimit{map::LimitInForce{e.maxspeed(forward), e.source(forward), map::kNoSpeedRule}, 0};
  }
  // The map's vehicle_bit() of the analysed vehicle's class.
  [[nodiscard]] uint8_t vehicle_bit() const { return vehicle_bit_; }

 private:
  const legal::ConditionalValue* parsed(uint32_t rules_string);
  // limit_at before the way's own conditional records.
  VehicleLimit law_limit_at(uint32_t edge, bool forward, double utc_seconds);
  // plain_limit() for an edge with a legal rule.
  std::optional<PlainLimit> plain_rule_limit(uint32_t edge, bool forward, const map::EdgeRecord& e, double utc_seconds);
  // law_limit_at()'s steps through law_memo_: whether the local day matters for the edge direction,
  // and the limit, rule and whether the rule's limits may bind on `local_day`.
  bool law_by_day(uint32_t edge, bool forward, const map::EdgeRecord& e);
  void law_on_day(uint32_t edge, bool forward, const map::EdgeRecord& e, int32_t local_day);
  // Whether `edge` has conditional records: asked for every fix, which mostly share the edge of the
  // fix before, and the map answers by a binary search.
  bool has_conditionals(uint32_t edge) {
    if (edge != last_edge_asked_) {
      last_edge_asked_ = edge;
      last_edge_has_conditionals_ = !map_->conditionals_on(edge).empty();
    }
    return last_edge_has_conditionals_;
  }
  // The first of `records` (most specific first) that `binds` with a rule in force at `node`.
  template <typename Records, typename Binds>
  ConditionalVerdict decide(const Records& records, Binds binds, uint32_t node, double utc_seconds);

  const map::MapView* map_;
  LocalCalendar calendar_;
  legal::VehicleProfile vehicle_;
  map::VehicleClass vehicle_class_;
  uint8_t vehicle_bit_;
  uint32_t last_edge_asked_ = UINT32_MAX;
  bool last_edge_has_conditionals_ = false;
  // law_limit_at() for the last edge direction asked, up to the rule's limits for the vehicle (which
  // depend on the time of day): whether the local day matters, and for the last local day the
  // limit, the rule in force and whether its limits may bind. Consecutive fixes mostly share them,
  // and the map's rule chain, the rule and its parsed limits cost about 200 instructions a fix.
  struct LawMemo {
    uint32_t edge = UINT32_MAX;
    bool forward = false;
    bool rule_based = false;
    bool by_day = false;  // false: the tag's limit at every time
    bool day_known = false;
    int32_t local_day = 0;
    map::LimitInForce limit;
    uint32_t rule = map::kNoSpeedRule;
    bool rule_may_bind = false;
    [[nodiscard]] bool holds(uint32_t e, bool f) const { return edge == e && forward == f; }
  };
  LawMemo law_memo_;
  // plain_rule_limit()'s last answer and the UTC instants between which it stands for its edge
  // direction: always where the edge's records or its tag decide, else the edge's local day, cut
  // at a change of the zone's offset (LocalCalendar::day_span). The fixes of a trip on one edge
  // mostly share it; finding the local day cost about 100 instructions a fix.
  struct PlainMemo {
    uint32_t edge = UINT32_MAX;
    bool forward = false;
    double from_utc = 0;
    double until_utc = 0;
    std::optional<PlainLimit> answer;
    [[nodiscard]] bool holds(uint32_t e, bool f, double utc_seconds) const {
      return edge == e && forward == f && utc_seconds >= from_utc && utc_seconds < until_utc;
    }
  };
  PlainMemo plain_memo_;
  // law_limit_at()'s last answer where the rule's limits may bind the vehicle, by edge direction,
  // local day and local minute: the rule's limits are judged at a legal::LocalTime, which is the
  // local minute's (and its string the minute's), so a fix in the same minute on the same edge
  // direction gets the same answer (RuleLimits::lowest was about 450 instructions a fix there).
  struct LoweredMemo {
    uint32_t edge = UINT32_MAX;
    bool forward = false;
    int32_t local_day = 0;
    int64_t local_minute = 0;
    // The answer's parts that law_limit_at() sets (its way_conditional stays at its default; a
    // whole VehicleLimit copied is six strings).
    map::LimitInForce limit;
    RuleLimit lowered_by;
    std::string local_time;
    [[nodiscard]] bool holds(uint32_t e, bool f, int32_t day, int64_t minute) const {
      return edge == e && forward == f && local_day == day && local_minute == minute;
    }
  };
  LoweredMemo lowered_memo_;
  RuleLimits rule_limits_;
  // Parsed rules by string offset; nothing for a value this build cannot read (treated as absent).
  std::unordered_map<uint32_t, std::optional<legal::ConditionalValue>> parsed_;
};

// The kind of each turn restriction at the time of one turn, for the analysed vehicle, as
// map::forbidding_restriction's `kind_of` wants it: nothing for a restriction that does not bind
// the vehicle's class; a plain one as stored; a time-dependent one as its conditional in force
// says (`none` and undecidable: no restriction, nothing is reported that the law may allow), else
// as its plain value, if any. The detector and the simulator's ground truth both ask this.
class TurnKindsAt {
 public:
  TurnKindsAt(ConditionalRules& rules, uint32_t via_node, double utc_seconds)
      : rules_(&rules), via_node_(via_node), utc_seconds_(utc_seconds) {}

  std::optional<map::RestrictionKind> operator()(const map::TurnRestriction& r);
  // The conditional that gave `r` its kind at this turn; State::none if its plain value did.
  [[nodiscard]] ConditionalVerdict verdict_of(const map::TurnRestriction& r) const;

 private:
  ConditionalRules* rules_;
  uint32_t via_node_;
  double utc_seconds_;
  std::unordered_map<int64_t, ConditionalVerdict> decided_;
};

// What an access verdict means for entering `edge`: a rule in force decides (`closed`), an
// undecidable one is open (nothing is reported that the law may allow), none leaves the plain tags
// (the edge's `closed` flag). The detector and the simulator's ground truth both ask this.
bool closed_under(const map::EdgeRecord& edge, const ConditionalVerdict& access);

// What a `oneway` verdict means for driving `edge` forward or backward: against the direction a rule
// in force gives, never while undecidable, else against the plain one-way tags.
bool against_under(const map::EdgeRecord& edge, bool forward, const ConditionalVerdict& oneway);

// The conditional tag that decided, its condition and the local time it was judged at, as evidence
// (key, text) pairs `conditional_tag`, `condition`, `local_time` (keys are literals, as EvidenceItem
// wants); for a plain per-class key `class_tag` (`hgv=no`), and where its record follows a one-way
// conditional's times also that conditional as `conditional_tag`, the condition and the local time;
// none for State::none.
std::vector<std::pair<const char*, std::string>> conditional_evidence(const map::MapView& map,
                                                                      const ConditionalVerdict& verdict);

// Adds conditional_evidence() to a finding.
void add_conditional_evidence(const map::MapView& map, const ConditionalVerdict& verdict, Violation& v);

// Local ISO 8601 date and time, to the minute, of `local_seconds` since 1970-01-01 local.
std::string local_iso_minute(int64_t local_seconds);

}  // namespace drivelog::detect
