#include "match/route_search.hpp"

#include <gtest/gtest.h>

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

}  // namespace

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

}  // namespace drivelog::match
