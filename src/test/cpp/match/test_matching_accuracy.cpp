// Accuracy on noisy drives through a grid with a parallel road 15 m beside another: the road
// chosen for each fix is compared with the road really driven. Picking the nearest road instead
// of decoding the HMM is measured too and must do clearly worse, so the scene really tests decoding.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "map/geo.hpp"
#include "match/matcher.hpp"
#include "scenario.hpp"

namespace drivelog::match {
namespace {

using scenario::Drive;
using scenario::Scenario;
using scenario::way;

// 7.5 m per character: blocks of 75 m; E-H and I-L run 15 m apart, joined at every column.
constexpr const char* kGrid = R"(
A---------B---------C---------D
|         |         |         |
|         |         |         |
|         |         |         |
|         |         |         |
E---------F---------G---------H
|         |         |         |
I---------J---------K---------L
|         |         |         |
|         |         |         |
|         |         |         |
|         |         |         |
M---------N---------O---------P
)";

std::vector<scenario::WaySpec> grid_ways() {
  return {way("ABCD", 1), way("EFGH", 2), way("IJKL", 3), way("MNOP", 4), way("AEIM", 5),
          way("BFJN", 6), way("CGKO", 7), way("DHLP", 8)};
}

}  // namespace

TEST(MatchingAccuracy, noisyDrivesBesideAParallelRoadPickTheDrivenRoad) {
  const Scenario s(kGrid, 7.5, grid_ways());
  // Which way joins two letters.
  std::map<std::pair<char, char>, int64_t> way_of;
  for (const scenario::WaySpec& w : grid_ways()) {
    for (std::size_t i = 0; i + 1 < w.nodes.size(); ++i) {
      way_of[{w.nodes[i], w.nodes[i + 1]}] = w.osm_id;
      way_of[{w.nodes[i + 1], w.nodes[i]}] = w.osm_id;
    }
  }
  const char* routes[] = {"EFGHLKJIM", "IJKLHGFEA", "AEFGKLPON", "MIJFGHDCB", "DHGFEIJKL", "NJKGHLP"};
  std::size_t judged = 0, correct = 0, nearest_correct = 0;
  CandidateSearch nearest(s.map());
  std::vector<Candidate> found;
  uint32_t seed = 1;
  for (int repeat = 0; repeat < 4; ++repeat) {
    for (const char* route : routes) {
      Drive d(s, 1, seed++);
      d.noise(5).start_at(route[0]).to(route + 1, 30);
      Matcher matcher(s.map(), MatchConfig{});
      MatchResult r;
      matcher.match(d.points(), r);
      for (std::size_t i = 0; i < d.points().size(); ++i) {
        const auto [from, to] = d.true_legs()[i];
        if (from == to || r.points[i].kind == PointKind::unmatched || r.points[i].kind == PointKind::outlier) continue;
        // Within 12 m of a junction either road is a fair answer: leave those fixes out.
        const TracePoint& p = d.points()[i];
        const map::Coord a = s.coord(from), b = s.coord(to);
        // Position along the leg from the fix time is unknown here; use distance to the two ends.
        const double along_a = map::geo::distance_m(p.lat, p.lon, a.lat(), a.lon());
        const double along_b = map::geo::distance_m(p.lat, p.lon, b.lat(), b.lon());
        if (along_a < 12 || along_b < 12) continue;
        ++judged;
        if (s.map().edge(r.traversals[r.points[i].traversal].edge).osm_way_id == way_of.at({from, to})) ++correct;
        nearest.find(p.lat, p.lon, 50, 1, found);
        if (!found.empty() && s.map().edge(found[0].edge).osm_way_id == way_of.at({from, to})) ++nearest_correct;
      }
    }
  }
  ASSERT_GT(judged, 500u);
  const double accuracy = static_cast<double>(correct) / static_cast<double>(judged);
  const double nearest_accuracy = static_cast<double>(nearest_correct) / static_cast<double>(judged);
  EXPECT_GE(accuracy, 0.98) << correct << " of " << judged;
  // The scene is hard enough that the nearest road is often wrong, and decoding fixes that.
  EXPECT_LT(nearest_accuracy, 0.96) << nearest_correct << " of " << judged;
  EXPECT_GT(accuracy, nearest_accuracy + 0.03);
  RecordProperty("accuracy", std::to_string(accuracy));
  RecordProperty("nearest_road_accuracy", std::to_string(nearest_accuracy));
}

}  // namespace drivelog::match
