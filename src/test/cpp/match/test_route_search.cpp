#include "match/route_search.hpp"

#include <gtest/gtest.h>

#include <array>

#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "dense_grid.hpp"
#include "map/map_format.hpp"
#include "patched_map.hpp"
#include "scenario.hpp"

namespace drivelog::match {
namespace {

using scenario::Scenario;
using scenario::way;

uint32_t node_of(const map::MapView& m, char letter) {
  for (uint32_t n = 0; n < m.node_count(); ++n) {
    if (m.node_osm_id(n) == scenario::node_id(letter)) return n;
  }
  return UINT32_MAX;
}

// What entering `edge` in that direction costs on top of its length, written out here rather than
// taken from RouteSearch, so that the reference below shares nothing with the code under test.
double entry_penalty(const map::EdgeRecord& e, bool forward, const RouteCosts& costs) {
  const uint16_t allowed = forward ? map::edge_flags::kForwardAllowed : map::edge_flags::kBackwardAllowed;
  if ((e.flags & map::edge_flags::kClosed) != 0) return costs.closed_penalty_m;  // closed either way
  return (e.flags & allowed) == 0 ? costs.wrong_way_penalty_m : 0.0;
}

// A textbook Dijkstra over the whole map in double precision: every node's cost from `source`.
std::vector<double> reference_costs(const map::MapView& m, uint32_t source, const RouteCosts& costs) {
  std::vector<double> best(m.node_count(), RouteSearch::kUnreachable);
  using Entry = std::pair<double, uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  best[source] = 0;
  queue.emplace(0.0, source);
  while (!queue.empty()) {
    const auto [cost, node] = queue.top();
    queue.pop();
    if (cost > best[node]) continue;
    for (const map::AdjacentEdge adj : m.adjacent(node)) {
      const map::EdgeRecord& e = m.edge(adj.edge());
      const uint32_t next = adj.reversed() ? e.from_node : e.to_node;
      const double through = cost + e.length_m + entry_penalty(e, !adj.reversed(), costs);
      if (through < best[next]) {
        best[next] = through;
        queue.emplace(through, next);
      }
    }
  }
  return best;
}

}  // namespace

// The Viterbi lattice's states take an edge direction's penalty and prior per metre from one call
// (entry_costs), the route search from two: the same numbers, to the bit, for every combination of
// the flags and road kinds they read, in both directions.
TEST(RouteSearch, entryCostsAreThePenaltyAndThePriorPerMetre) {
  const Scenario s("A---B---C", 10, {way("ABC", 1)});
  const RouteCosts costs{31.5, 47.25, 0.37, 1.9, 0.23, 12};
  const RouteSearch search(s.map(), costs);
  const uint16_t flags[] = {map::edge_flags::kForwardAllowed, map::edge_flags::kBackwardAllowed, map::edge_flags::kClosed,
                            map::edge_flags::kClosedAtTimes, map::edge_flags::kPrivate, map::edge_flags::kDestination};
  int compared = 0;
  for (uint32_t combination = 0; combination < (1u << 6); ++combination) {
    for (const map::RoadUse use : {map::RoadUse::general, map::RoadUse::parking_aisle, map::RoadUse::alley}) {
      for (const map::RoadClass road_class : {map::RoadClass::road, map::RoadClass::track}) {
        map::EdgeRecord e;
        for (int bit = 0; bit < 6; ++bit) {
          if ((combination >> bit) & 1u) e.flags = static_cast<uint16_t>(e.flags | flags[bit]);
        }
        e.use = use;
        e.road_class = road_class;
        for (const bool forward : {true, false}) {
          const RouteSearch::EntryCosts c = search.entry_costs(0, e, forward);
          EXPECT_EQ(c.penalty_m, search.penalty_of(0, e, forward)) << combination << " " << forward;
          EXPECT_EQ(c.prior_per_m, search.prior_per_m(0, e, forward)) << combination << " " << forward;
          ++compared;
        }
      }
    }
  }
  EXPECT_EQ(compared, 64 * 3 * 2 * 2);
}

TEST(RouteSearch, findsShortestDistanceAndPath) {
  //  A---B---C
  //      |   |
  //      D---E
  const Scenario s(R"(
A---B---C
    |   |
    D---E
)", 10, {way("ABC", 1), way("BD", 2), way("DE", 3), way("CE", 4)});
  RouteSearch search(s.map(), RouteCosts{});
  double cost[1] = {0};
  const uint32_t a = node_of(s.map(), 'A'), e = node_of(s.map(), 'E');
  const uint32_t targets[] = {e};
  search.run(a, 1000, targets, cost);
  EXPECT_NEAR(search.distance_to(e), 100, 1.0);  // A-B-C-E or A-B-D-E: 40 + 40 + 20
  EXPECT_EQ(cost[0], search.distance_to(e));
  std::vector<map::AdjacentEdge> path;
  search.path_to(e, path);
  EXPECT_EQ(path.size(), 3u);
}

TEST(RouteSearch, budgetLimitsTheSearch) {
  const Scenario s("A---B---C", 10, {way("ABC", 1)});
  RouteSearch search(s.map(), RouteCosts{});
  double cost[1] = {0};
  const uint32_t c = node_of(s.map(), 'C');
  const uint32_t targets[] = {c};
  search.run(node_of(s.map(), 'A'), 50, targets, cost);
  EXPECT_EQ(search.distance_to(c), RouteSearch::kUnreachable);
  EXPECT_EQ(cost[0], RouteSearch::kUnreachable);
  search.run(node_of(s.map(), 'A'), 100, targets, cost);
  EXPECT_NEAR(search.distance_to(c), 80, 1.0);
}

TEST(RouteSearch, wrongWayAndClosedRoadsCostTheirPenalty) {
  const Scenario s("A---B---C", 10, {way("AB", 1).oneway(), way("BC", 2).closed()});
  RouteSearch search(s.map(), RouteCosts{100, 50});
  double cost[1] = {0};
  const uint32_t a = node_of(s.map(), 'A'), b = node_of(s.map(), 'B'), c = node_of(s.map(), 'C');
  const uint32_t to_a[] = {a};
  search.run(b, 1000, to_a, cost);
  EXPECT_NEAR(search.distance_to(a), 40 + 100, 1.0);  // against the one-way
  const uint32_t to_c[] = {c};
  search.run(a, 1000, to_c, cost);
  EXPECT_NEAR(search.distance_to(c), 80 + 50, 1.0);  // legal, then into the closed road
}

TEST(RouteSearch, aClosedOneWayEnteredAgainstItsDirectionCostsTheClosedPenaltyOnce) {
  // A one-way bus street (access=no, oneway=yes) is closed to a car either way: entering it
  // backwards is one offence (one no_entry), not also a wrong-way. Priced as both, the entry cost
  // more than the room for one penalty the matcher's route limit leaves, and a short drive with
  // trusted speeds into such a street was never matched there.
  const Scenario s("A---B---C", 10, {way("AB", 1), way("CB", 2).closed().oneway()});
  RouteSearch search(s.map(), RouteCosts{100, 50});
  double cost[1] = {0};
  const uint32_t a = node_of(s.map(), 'A'), c = node_of(s.map(), 'C');
  const uint32_t to_c[] = {c};
  search.run(a, 1000, to_c, cost);
  EXPECT_NEAR(search.distance_to(c), 80 + 50, 1.0);
}

TEST(RouteSearch, aClosedRoadOpenWhileTheTripIsDrivenCostsItsLength) {
  // A road closed only at times (its conditional rules) is priced as open when the trip's
  // closures say it cannot be closed during the trip, and as closed again when they say it may.
  const Scenario s("A---B---C", 10, {way("AB", 1), way("BC", 2).closed_at_times()});
  struct OpenAtNight final : TripClosures {
    bool night = true;
    [[nodiscard]] bool closed_during_trip(uint32_t, bool) const override { return !night; }
  } closures;
  RouteSearch search(s.map(), RouteCosts{100, 50, 0, 2});
  search.set_trip_closures(&closures);
  double cost[1] = {0};
  const uint32_t a = node_of(s.map(), 'A'), c = node_of(s.map(), 'C');
  const uint32_t to_c[] = {c};
  search.run(a, 1000, to_c, cost);
  EXPECT_NEAR(search.distance_to(c), 80, 1.0);
  closures.night = false;
  search.run(a, 1000, to_c, cost);
  EXPECT_NEAR(search.distance_to(c), 80 + 50 + 40 * 2, 1.0);  // entry, and 2 per metre on it
  // A road closed by its plain tags is not asked about: closed whatever the trip's closures say.
  const Scenario plain("A---B---C", 10, {way("AB", 1), way("BC", 2).closed()});
  RouteSearch plain_search(plain.map(), RouteCosts{100, 50, 0, 2});
  closures.night = true;
  plain_search.set_trip_closures(&closures);
  plain_search.run(node_of(plain.map(), 'A'), 1000, std::array{node_of(plain.map(), 'C')}, cost);
  EXPECT_NEAR(plain_search.distance_to(node_of(plain.map(), 'C')), 80 + 50 + 40 * 2, 1.0);
}

TEST(RouteSearch, forAVehicleTheClosedFlagMayBeWrongFor_plainClosuresAreAskedAbout) {
  // The closed flag is the car's reading; a bus-only street is flagged closed. Closures that say
  // the flag may be wrong for the analysed vehicle are asked about plainly closed roads too.
  const Scenario s("A---B---C", 10, {way("AB", 1), way("BC", 2).closed()});
  struct BusOnly final : TripClosures {
    bool bus = true;
    mutable int asked = 0;
    [[nodiscard]] bool closed_during_trip(uint32_t, bool) const override {
      ++asked;
      return false;  // the vehicle's own key opens it
    }
    [[nodiscard]] bool plain_closures_may_open() const override { return bus; }
  } closures;
  RouteSearch search(s.map(), RouteCosts{100, 50, 0, 2});
  search.set_trip_closures(&closures);
  double cost[1] = {0};
  const uint32_t a = node_of(s.map(), 'A'), c = node_of(s.map(), 'C');
  const uint32_t to_c[] = {c};
  search.run(a, 1000, to_c, cost);
  EXPECT_NEAR(search.distance_to(c), 80, 1.0);
  EXPECT_GT(closures.asked, 0);
  // A car's closures are not asked: the flag is its own reading. The choice is taken when the
  // closures are set, once per search object.
  closures.bus = false;
  closures.asked = 0;
  search.set_trip_closures(&closures);
  search.run(a, 1000, to_c, cost);
  EXPECT_NEAR(search.distance_to(c), 80 + 50 + 40 * 2, 1.0);
  EXPECT_EQ(closures.asked, 0);
}

// A search that settles more nodes than its label table first holds grows the table several times,
// each time while it expands a node: what it reads of that node must not come from the freed table
// (in a fresh process the old table is unmapped once it is past 4,096 labels, and the read faults;
// here the stale bytes are usually intact, so the sanitizer build is what catches a regression).
// Checked against a plain Dijkstra, with paths, first and last edges and penalties consistent with
// the distances, on fresh and on reused search objects.
TEST(RouteSearch, searchSettlingThousandsOfNodes_agreesWithAPlainDijkstra) {
  const scenario::DenseGrid grid(150, 40);
  const map::MapView& m = grid.map();
  const RouteCosts costs{30, 20};
  const double budget_m = 4500;
  const double tolerance_m = 0.1;  // the search adds in float
  // Each search object grows its table from the smallest size on its first run; the last run
  // reuses a grown table.
  RouteSearch reused(m, costs);
  struct Run {
    uint32_t row, col;
    bool fresh;
  };
  for (const auto& [row, col, fresh] : {Run{75, 75, true}, Run{40, 100, false}, Run{90, 60, false}}) {
    RouteSearch own(m, costs);
    RouteSearch& search = fresh ? own : reused;
    const uint32_t source = grid.node(row, col);
    // A target beyond the budget keeps the search going until the budget ends it; one within reach
    // gets its cost reported.
    const uint32_t targets[] = {grid.node(0, 0), grid.node(row + 10, col - 10)};
    double target_costs[2] = {0, 0};
    search.run(source, budget_m, targets, target_costs);
    const std::vector<double> reference = reference_costs(m, source, costs);
    EXPECT_EQ(target_costs[0], RouteSearch::kUnreachable);
    EXPECT_NEAR(target_costs[1], reference[targets[1]], tolerance_m);

    uint32_t settled = 0;
    std::vector<map::AdjacentEdge> path;
    for (uint32_t node = 0; node < m.node_count(); ++node) {
      const double expected = reference[node];
      if (std::abs(expected - budget_m) <= tolerance_m) continue;  // float or double may round either way
      const double got = search.distance_to(node);
      if (expected > budget_m) {
        EXPECT_EQ(got, RouteSearch::kUnreachable) << "node " << node;
        continue;
      }
      ++settled;
      ASSERT_NEAR(got, expected, tolerance_m) << "node " << node;
      if (node == source) continue;
      search.path_to(node, path);
      ASSERT_FALSE(path.empty()) << "node " << node;
      // The path runs from the source to the node, and its length and penalties add up to the cost.
      uint32_t at = source;
      double length = 0, penalty = 0;
      for (const map::AdjacentEdge adj : path) {
        const map::EdgeRecord& e = m.edge(adj.edge());
        ASSERT_EQ(adj.reversed() ? e.to_node : e.from_node, at) << "node " << node;
        at = adj.reversed() ? e.from_node : e.to_node;
        length += e.length_m;
        penalty += entry_penalty(e, !adj.reversed(), costs);
      }
      EXPECT_EQ(at, node);
      EXPECT_NEAR(length + penalty, got, tolerance_m) << "node " << node;
      EXPECT_NEAR(search.penalty_to(node), penalty, 1e-3) << "node " << node;
      EXPECT_EQ(search.first_edge_to(node), path.front().edge()) << "node " << node;
      EXPECT_EQ(search.last_edge_to(node), path.back().edge()) << "node " << node;
      // One lookup for the three gives the same three.
      const RouteSearch::RouteEnds ends = search.ends_to(node);
      EXPECT_EQ(ends.first_edge, search.first_edge_to(node)) << "node " << node;
      EXPECT_EQ(ends.last_edge, search.last_edge_to(node)) << "node " << node;
      EXPECT_EQ(ends.penalty_m, search.penalty_to(node)) << "node " << node;
    }
    const RouteSearch::RouteEnds at_source = search.ends_to(source);
    EXPECT_EQ(at_source.first_edge, search.first_edge_to(source));
    EXPECT_EQ(at_source.last_edge, search.last_edge_to(source));
    EXPECT_EQ(at_source.penalty_m, search.penalty_to(source));
    EXPECT_GT(settled, 16500U) << "the search must outgrow its label table many times over";
  }
}

// A damaged map whose edge record says an edge starts where the adjacency lists say it ends: the
// walk back from a node took the record's end as the predecessor and went round in a circle,
// growing the path until memory ran out (found by fuzz_map_file). It must report the damage.
TEST(RouteSearch, pathOnAMapWhoseEdgesContradictTheirAdjacency_isReportedAsDamage) {
  const Scenario s("A---B---C", 10, {way("AB", 1), way("BC", 2)});
  const uint32_t b = node_of(s.map(), 'B'), c = node_of(s.map(), 'C');
  scenario::PatchedMap damaged(s.path());
  for (map::EdgeRecord& record : damaged.records<map::EdgeRecord>(map::format::SectionId::edges)) {
    if (record.osm_way_id != 2) continue;
    if (record.from_node == b) record.from_node = c;  // "B-C" now starts at C too
    else record.to_node = b;
  }
  const map::MapView m = damaged.open();
  RouteSearch search(m, RouteCosts{});
  double cost[1] = {0};
  const uint32_t targets[] = {node_of(m, 'C')};
  search.run(node_of(m, 'A'), 1000, targets, cost);
  std::vector<map::AdjacentEdge> path;
  try {
    search.path_to(targets[0], path);
    ADD_FAILURE() << "a path of " << path.size() << " edges on a damaged map";
  } catch (const map::MapError& e) {
    EXPECT_NE(std::string(e.what()).find(damaged.path()), std::string::npos) << e.what();
  }
}

}  // namespace drivelog::match
