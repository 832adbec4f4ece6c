// Rules that depend on the time and the vehicle (conditional restrictions, docs/CONDITIONAL.md), as
// the simulator sees them: the engine's own verdicts (detect::ConditionalRules: the same records, the
// local time from the map's zone grid at the edge, the same vehicle), so the ground truth never
// disagrees with the engine about what was allowed when. This is the one place the simulator asks
// "which rule applies to this edge (or turn) at this time for this vehicle", speed limits included.
#pragma once

#include <optional>
#include <vector>

#include "detect/conditional_rules.hpp"
#include "legal/conditional.hpp"
#include "map/map_view.hpp"
#include "sim/driving_rules.hpp"

namespace drivelog::sim {

// What holds for a directed edge entered at one moment.
struct EdgeRulesAt {
  bool closed = false;   // closed to the vehicle
  bool against = false;  // against the one-way direction in force
  detect::ConditionalVerdict access;  // the verdicts that decided (record == nullptr: the plain tags)
  detect::ConditionalVerdict oneway;

  // Closed (or against the direction) because a conditional rule in force says so.
  [[nodiscard]] bool closed_by_conditional() const { return closed && access.state == detect::ConditionalVerdict::State::holds; }
  [[nodiscard]] bool against_by_conditional() const { return against && oneway.state == detect::ConditionalVerdict::State::holds; }
  [[nodiscard]] bool legal() const { return !closed && !against; }
};

class TimedRules {
 public:
  explicit TimedRules(const map::MapView& map, legal::VehicleProfile vehicle = {}) : map_(&map), rules_(map, std::move(vehicle)) {}

  // The rules of `d` entered at `utc_s` (seconds since the epoch). For an edge without conditional
  // records: its plain flags, as the simulator always judged them.
  EdgeRulesAt at(DirectedEdge d, double utc_s);

  // The rules of `d` if they stay the same whenever it is entered within [from_s, to_s] (judged at
  // every minute, the resolution of opening hours, and at both ends); nothing if they change.
  std::optional<EdgeRulesAt> throughout(DirectedEdge d, double from_s, double to_s);

  // The turn restriction that forbids the vehicle to turn from `in` into `out` at `utc_s` (the
  // engine's verdict: its class, a time-dependent restriction by the rule in force at the via
  // node's local time), or nullptr; `verdict` receives the conditional that decided, if one did.
  const map::TurnRestriction* turn_at(DirectedEdge in, DirectedEdge out, double utc_s,
                                      detect::ConditionalVerdict* verdict = nullptr);
  // Whether that turn is forbidden whenever it is made within [from_s, to_s] (every minute, both ends).
  bool turn_forbidden_throughout(DirectedEdge in, DirectedEdge out, double from_s, double to_s);

  // The limit of each step of `route` entered at `utc_s`, for the vehicle, in km/h as limit_kmh
  // gives it (0 unknown, negative unlimited): the engine's (detect::ConditionalRules::limit_at: the
  // car's limit lowered by the class limit and the conditional limits of the law that bind the
  // vehicle, a way's own maxspeed conditional or class key in force). A trip's limits are those at
  // its start, as its legal date is.
  std::vector<double> limits_kmh(const std::vector<DirectedEdge>& route, double utc_s);

  // Whether a plain per-class key gives the vehicle another rule on `d` than the car's plain tags.
  [[nodiscard]] bool class_dependent(DirectedEdge d) const;

 private:
  const map::MapView* map_;
  detect::ConditionalRules rules_;
};

// When a car that has driven `route_m` metres of its planned route may enter the next edge. The route
// is planned before the motion, so a time-dependent edge is judged over the whole window the car may
// reach it in: from driving at kFastestMps all the way to averaging kSlowestMps with kSlackS more of
// waits. Simulated drives in Tokyo's dense centre average well above kSlowestMps (signals included).
class PlanningClock {
 public:
  static constexpr double kFastestMps = 60;  // 216 km/h: faster than any simulated driver
  static constexpr double kSlowestMps = 1.5;
  static constexpr double kSlackS = 600;

  PlanningClock(TimedRules& rules, double start_utc_s) : rules_(&rules), start_utc_s_(start_utc_s) {}

  [[nodiscard]] double earliest_s(double route_m) const { return start_utc_s_ + route_m / kFastestMps; }
  [[nodiscard]] double latest_s(double route_m) const { return start_utc_s_ + route_m / kSlowestMps + kSlackS; }

  // Whether turning from `in` into `next`, entered after `route_m` metres, breaks a turn
  // restriction that binds the vehicle whenever the car gets there.
  [[nodiscard]] bool turn_forbidden_throughout(DirectedEdge in, DirectedEdge next, double route_m) const {
    return rules_->turn_forbidden_throughout(in, next, earliest_s(route_m), latest_s(route_m));
  }

  // The rules of `d` entered after `route_m` metres if they are the same over the whole window.
  [[nodiscard]] std::optional<EdgeRulesAt> rules_throughout(DirectedEdge d, double route_m) const {
    return rules_->throughout(d, earliest_s(route_m), latest_s(route_m));
  }

  // Legal to enter `d` after `route_m` metres whenever the car gets there: open and in an allowed
  // direction, by the plain tags or by the conditional rules in force all through the window.
  [[nodiscard]] bool legal_to_enter(const map::MapView& map, DirectedEdge d, double route_m) const {
    if (!time_dependent(map, d) && !rules_->class_dependent(d)) return legal_to_drive(map, d);
    const auto rules = rules_throughout(d, route_m);
    return rules && rules->legal();
  }

 private:
  TimedRules* rules_;
  double start_utc_s_;
};

}  // namespace drivelog::sim
