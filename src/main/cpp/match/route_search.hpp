// Bounded shortest paths on the road graph for the HMM's transitions. Node-based Dijkstra that
// may use every road in both directions and closed roads, at a cost, so that wrong-way and
// no-entry driving can be matched at all.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "map/map_types.hpp"
#include "map/map_view.hpp"
#include "map/turn_rules.hpp"
#include "match/trip_closures.hpp"

namespace drivelog::match {

// Extra route cost in metres for travel the law forbids or that drivers seldom choose: priors on
// how people drive, not distance. An entry penalty is paid once per road entered; a per-metre
// factor for every metre driven there, so that a long stretch against a one-way (the opposite
// carriageway under a drifting GPS bias) needs evidence to match, a short one much less.
struct RouteCosts {
  double wrong_way_penalty_m = 30;  // per road entered against its one-way direction
  double closed_penalty_m = 30;     // per road closed to motor vehicles entered
  double wrong_way_per_m = 0;       // per metre driven against a one-way direction
  double closed_per_m = 0;          // per metre driven on a closed road
  double minor_per_m = 0;           // per metre on a car-park aisle, driveway, alley, drive-through, track or access-only road
  double restricted_turn_penalty_m = 0;  // per turn a via-node restriction forbids

};

// Reusable search state, one per thread. Labels live in an open-addressing table stamped with a
// search generation, so a search costs only the nodes it touches and never clears memory.
class RouteSearch {
 public:
  static constexpr double kUnreachable = std::numeric_limits<double>::infinity();

  RouteSearch(const map::MapView& map, RouteCosts costs);

  [[nodiscard]] const RouteCosts& costs() const { return costs_; }
  // Which closed roads are closed while the current trip is driven (nullptr: every one).
  void set_trip_closures(const TripClosures* closures) {
    closures_ = closures;
    ask_about_plain_closures_ = closures != nullptr && closures->plain_closures_may_open();
  }

  // The cost of driving all of `edge` in one direction, penalties and per-metre priors included.
  [[nodiscard]] double edge_cost(uint32_t edge, bool forward) const;
  // The penalty for entering `edge` in that direction (0 for legal travel on an open road).
  [[nodiscard]] double entry_penalty(uint32_t edge, bool forward) const;
  // The same for an edge record already at hand (inline: called per state and per edge relaxed).
  // A road closed to the vehicle is closed either way: entering it against its one-way is one
  // offence, priced once (the detector reports it as one no_entry). Priced twice, the entry cost
  // more than the room the route's cost limit leaves for one, and a car entering a one-way bus
  // street the wrong way, with trusted speeds bounding its route, was never matched there.
  [[nodiscard]] double penalty_of(uint32_t edge, const map::EdgeRecord& e, bool forward) const {
    if (closed(edge, e, forward)) return costs_.closed_penalty_m;
    return e.has(forward ? map::edge_flags::kForwardAllowed : map::edge_flags::kBackwardAllowed)
               ? 0.0
               : costs_.wrong_way_penalty_m;
  }
  // The penalty for turning from `from_edge` at `via_node` into `to_edge` (0 unless a restriction forbids it).
  [[nodiscard]] double turn_penalty(uint32_t from_edge, uint32_t via_node, uint32_t to_edge) const {
    return costs_.restricted_turn_penalty_m > 0 && map::turn_forbidden(*map_, from_edge, via_node, to_edge)
               ? costs_.restricted_turn_penalty_m
               : 0.0;
  }
  // penalty_of() and prior_per_m() together, by the same additions in the same order, with the
  // direction's flag and closed() read once (a state of the Viterbi lattice needs both).
  struct EntryCosts {
    double penalty_m = 0, prior_per_m = 0;
  };
  [[nodiscard]] EntryCosts entry_costs(uint32_t edge, const map::EdgeRecord& e, bool forward) const {
    EntryCosts c;
    const bool is_closed = closed(edge, e, forward);  // closed either way: not also against its one-way
    if (!is_closed && !e.has(forward ? map::edge_flags::kForwardAllowed : map::edge_flags::kBackwardAllowed)) {
      c.penalty_m += costs_.wrong_way_penalty_m;
      c.prior_per_m += costs_.wrong_way_per_m;
    }
    if (is_closed) {
      c.penalty_m += costs_.closed_penalty_m;
      c.prior_per_m += costs_.closed_per_m;
    }
    if (e.use != map::RoadUse::general || e.road_class == map::RoadClass::track ||
        e.has(map::edge_flags::kDestination | map::edge_flags::kPrivate)) {
      c.prior_per_m += costs_.minor_per_m;
    }
    return c;
  }
  // The prior per metre driven on `e` in that direction (0 for legal travel on an ordinary road).
  [[nodiscard]] double prior_per_m(uint32_t edge, const map::EdgeRecord& e, bool forward) const {
    double per_m = 0;
    const bool is_closed = closed(edge, e, forward);  // closed either way: not also against its one-way
    if (!is_closed && !e.has(forward ? map::edge_flags::kForwardAllowed : map::edge_flags::kBackwardAllowed)) {
      per_m += costs_.wrong_way_per_m;
    }
    if (is_closed) per_m += costs_.closed_per_m;
    if (e.use != map::RoadUse::general || e.road_class == map::RoadClass::track ||
        e.has(map::edge_flags::kDestination | map::edge_flags::kPrivate)) {
      per_m += costs_.minor_per_m;
    }
    return per_m;
  }

  // Settles nodes from `source` in cost order until every node in `targets` is settled or the
  // next cost exceeds `budget_m`. Writes each target's cost (or kUnreachable) into
  // `target_costs` (same length as `targets`). Afterwards distance_to() answers for settled nodes.
  // Forbidden turns are priced at every node but the source: the search does not know the edge the
  // vehicle arrives there by, so the caller prices the first turn (and the turn into its target edge).
  void run(uint32_t source, double budget_m, std::span<const uint32_t> targets, std::span<double> target_costs);

  // Closed to the vehicle while this trip is driven: the flag, unless the road is closed only at
  // times (kClosedAtTimes), or the vehicle is one the flag may be wrong for, and the trip's
  // closures say not.
  [[nodiscard]] bool closed(uint32_t edge, const map::EdgeRecord& e, bool forward) const {
    if (!e.has(map::edge_flags::kClosed) || closures_ == nullptr) return e.has(map::edge_flags::kClosed);
    if (!ask_about_plain_closures_ && !e.has(map::edge_flags::kClosedAtTimes)) return true;
    return closures_->closed_during_trip(edge, forward);
  }

  // Cost from the last run's source, or kUnreachable if not settled within the budget.
  [[nodiscard]] double distance_to(uint32_t node) const;

  // The first and the last edge of the path from the last source to a settled `node`
  // (kNoEdge for the source itself). A path that starts by going back along the edge the vehicle
  // arrived on, or ends on the edge it then turns round on, is a U-turn at a node, which the
  // caller prices.
  static constexpr uint32_t kNoEdge = std::numeric_limits<uint32_t>::max();
  [[nodiscard]] uint32_t first_edge_to(uint32_t node) const;
  [[nodiscard]] uint32_t last_edge_to(uint32_t node) const;
  // The priors included in distance_to(node): entry penalties and per-metre priors on the way.
  [[nodiscard]] double penalty_to(uint32_t node) const;
  // The three above from one lookup of the node's label (the Viterbi step asks for all three of
  // every target it reaches).
  struct RouteEnds {
    uint32_t first_edge = kNoEdge;
    uint32_t last_edge = kNoEdge;
    double penalty_m = 0;
  };
  [[nodiscard]] RouteEnds ends_to(uint32_t node) const;

  // The edges (as left at each node along the way) from the last source to `node`, which must be
  // settled. Cleared first.
  void path_to(uint32_t node, std::vector<map::AdjacentEdge>& out) const;

 private:
  struct Label {
    uint32_t node = 0;
    uint32_t generation = 0;
    float cost = 0;
    uint32_t via = kNoVia;  // AdjacentEdge value used to arrive (from the predecessor)
    uint32_t first_edge = kNoEdge;  // the edge the path from the source starts with
    float penalty_m = 0;            // the part of `cost` that is priors (entry penalties, per-metre priors)
    bool settled = false;
  };
  struct QueueEntry {
    float cost;
    uint32_t node;
  };
  static constexpr uint32_t kNoVia = std::numeric_limits<uint32_t>::max();

  Label* find(uint32_t node);
  [[nodiscard]] const Label* find(uint32_t node) const;
  // The node's label of this search, claimed (and `inserted` set) if it has none yet.
  Label& find_or_insert(uint32_t node, bool& inserted);
  void grow();

  const map::MapView* map_;
  RouteCosts costs_;
  const TripClosures* closures_ = nullptr;
  bool ask_about_plain_closures_ = false;  // closures_->plain_closures_may_open(), asked once per set
  std::vector<Label> table_;
  uint32_t mask_ = 0;
  uint32_t generation_ = 0;
  uint32_t used_ = 0;
  uint32_t source_ = 0;
  std::vector<QueueEntry> queue_;
};

}  // namespace drivelog::match
