// Candidate search reuses the segment list of the previous fix and caches the longitude scale of
// a latitude band: neither may change any answer, whatever the order of the queries.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "dense_grid.hpp"
#include "match/candidate_search.hpp"
#include "match/local_metric.hpp"
#include "patched_map.hpp"
#include "scenario.hpp"

namespace drivelog::match {
namespace {

using scenario::Drive;
using scenario::Scenario;
using scenario::way;

// 30 m per character (the map spans several grid cells). B, F and J bend their ways (shape points that are no junctions); the
// roads from E and from K run close beside others, so fixes get several candidates each.
constexpr const char* kTown = R"(
A-----B
       \
        C-----D
        |     |
  E-----G     |
  |     |     H
  |     I-----J
  K--L         \
     M----------N
)";

void expect_same(const std::vector<Candidate>& reused, const std::vector<Candidate>& fresh, std::size_t fix) {
  ASSERT_EQ(reused.size(), fresh.size()) << "fix " << fix;
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    EXPECT_EQ(reused[i].edge, fresh[i].edge) << "fix " << fix << " candidate " << i;
    EXPECT_EQ(reused[i].offset_m, fresh[i].offset_m) << "fix " << fix << " candidate " << i;
    EXPECT_EQ(reused[i].distance_m, fresh[i].distance_m) << "fix " << fix << " candidate " << i;
    EXPECT_EQ(reused[i].east_m, fresh[i].east_m) << "fix " << fix << " candidate " << i;
    EXPECT_EQ(reused[i].north_m, fresh[i].north_m) << "fix " << fix << " candidate " << i;
  }
}

}  // namespace

TEST(CandidateSearch, aSearchReusedAlongADriveFindsExactlyWhatAFreshSearchFinds) {
  const Scenario s(kTown, 30, {way("ABCD", 1), way("DHJN", 2), way("CGIJ", 3), way("EGK", 4), way("KLMN", 5),
                               way("IJ", 6)});
  Drive drive(s, 1, 7);
  drive.noise(6).start_at('A').to("BCDHJNMLKEG", 40).wait(10, 3).to("IJ", 30);
  const std::vector<TracePoint>& fixes = drive.points();
  ASSERT_GT(fixes.size(), 40U);

  CandidateSearch reused(s.map());
  std::vector<Candidate> from_reused, from_fresh;
  std::size_t with_candidates = 0, with_several = 0;
  // Forwards, then backwards and far away (no roads at all) in between: the cache must follow.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < fixes.size(); ++i) order.push_back(i);
  for (std::size_t i = fixes.size(); i-- > 0;) order.push_back(i);
  for (const std::size_t i : order) {
    for (const double radius_m : {50.0, 20.0}) {
      reused.find(fixes[i].lat, fixes[i].lon, radius_m, 8, from_reused);
      CandidateSearch fresh(s.map());
      fresh.find(fixes[i].lat, fixes[i].lon, radius_m, 8, from_fresh);
      expect_same(from_reused, from_fresh, i);
      with_candidates += from_fresh.empty() ? 0 : 1;
      with_several += from_fresh.size() > 1 ? 1 : 0;
    }
    if (i % 10 == 0) {
      reused.find(fixes[i].lat + 0.5, fixes[i].lon, 50, 8, from_reused);
      EXPECT_TRUE(from_reused.empty());
    }
  }
  // The drive really exercised the search: candidates almost everywhere, often more than one.
  EXPECT_GT(with_candidates, order.size() * 2 * 9 / 10);
  EXPECT_GT(with_several, order.size() / 4);
}

// The search keeps the grid cells of its last query and reuses their segments while a fix stays
// in the same cells: a walk over a street grid many cells wide, in every direction, with jumps and
// changes of radius, must find at every fix what a fresh search finds.
TEST(CandidateSearch, aSearchReusedOverManyGridCellsFindsExactlyWhatAFreshSearchFinds) {
  const scenario::DenseGrid grid(14, 90);
  const map::Coord corner = grid.map().node_coord(grid.node(0, 0));
  const map::Coord far_corner = grid.map().node_coord(grid.node(13, 13));
  const double lat0 = far_corner.lat(), lat1 = corner.lat(), lon0 = corner.lon(), lon1 = far_corner.lon();
  CandidateSearch reused(grid.map());
  std::vector<Candidate> from_reused, from_fresh;
  double lat = (lat0 + lat1) / 2, lon = (lon0 + lon1) / 2;
  uint32_t state = 12345;
  const auto next = [&] {
    state = state * 1664525U + 1013904223U;
    return (state >> 8) / static_cast<double>(1U << 24);  // [0, 1)
  };
  std::size_t with_candidates = 0;
  constexpr int kFixes = 3000;
  for (int i = 0; i < kFixes; ++i) {
    if (i % 200 == 199) {  // a jump anywhere on the map
      lat = lat0 + next() * (lat1 - lat0);
      lon = lon0 + next() * (lon1 - lon0);
    } else {  // 0-40 m in any direction, kept on the map
      const double step_m = 40 * next(), angle = 6.283185307179586 * next();
      lat = std::clamp(lat + step_m * std::cos(angle) / 111195.0, lat0, lat1);
      lon = std::clamp(lon + step_m * std::sin(angle) / 73000.0, lon0, lon1);
    }
    const double radius_m = i % 3 == 0 ? 50.0 : (i % 3 == 1 ? 20.0 : 35.0);
    reused.find(lat, lon, radius_m, 8, from_reused);
    CandidateSearch fresh(grid.map());
    fresh.find(lat, lon, radius_m, 8, from_fresh);
    expect_same(from_reused, from_fresh, static_cast<std::size_t>(i));
    with_candidates += from_fresh.empty() ? 0 : 1;
  }
  EXPECT_GT(with_candidates, kFixes * 3 / 4);  // mostly near a road (a 20 m radius misses some)
}

// With a margin, the answer is the full answer up to its first candidate further than the nearest +
// the margin (the matcher stops there): the same candidates, in the same order, no more.
TEST(CandidateSearch, aMarginKeepsThePrefixOfTheFullAnswerWithinIt) {
  const Scenario s(kTown, 30, {way("ABCD", 1), way("DHJN", 2), way("CGIJ", 3), way("EGK", 4), way("KLMN", 5),
                               way("IJ", 6)});
  Drive drive(s, 1, 7);
  drive.noise(6).start_at('A').to("BCDHJNMLKEG", 40).wait(10, 3).to("IJ", 30);
  CandidateSearch search(s.map());
  std::vector<Candidate> full, kept;
  std::size_t trimmed = 0;
  for (const TracePoint& fix : drive.points()) {
    for (const double margin_m : {0.0, 5.0, 20.0}) {
      search.find(fix.lat, fix.lon, 50, 8, full);
      search.find(fix.lat, fix.lon, 50, 8, kept, margin_m);
      std::size_t within = 0;
      while (within < full.size() && !(full[within].distance_m > full.front().distance_m + margin_m)) ++within;
      expect_same(kept, std::vector<Candidate>(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(within)), 0);
      trimmed += full.size() - within;
    }
  }
  EXPECT_GT(trimmed, 0U);  // some were left out
}

TEST(CandidateSearch, alternatingBetweenTwoLikeRoadsFarApartFindsEachRoadItself) {
  // Two roads of the same shape (shape points every 60 m make the grid cells small): fixes at the
  // same distance along them get segment lists of the same length but with other segments.
  const Scenario s(R"(
A-E-F-G-H-I-J-B




C-K-L-M-N-O-P-D
)",
                   30, {way("AEFGHIJB", 1), way("CKLMNOPD", 2)});
  const map::Coord a = s.coord('A'), b = s.coord('B'), c = s.coord('C'), d = s.coord('D');
  CandidateSearch reused(s.map());
  std::vector<Candidate> from_reused, from_fresh;
  std::size_t fix = 0;
  for (int i = 0; i < 12; ++i) {
    const double f = 0.05 + 0.08 * i;
    for (const bool north : {true, false}) {
      const map::Coord from = north ? a : c, to = north ? b : d;
      const double lat = from.lat() + f * (to.lat() - from.lat()) + 0.00005;
      const double lon = from.lon() + f * (to.lon() - from.lon());
      reused.find(lat, lon, 20, 8, from_reused);
      CandidateSearch fresh(s.map());
      fresh.find(lat, lon, 20, 8, from_fresh);
      ASSERT_EQ(from_fresh.size(), 1U) << "fix " << fix;
      expect_same(from_reused, from_fresh, fix++);
    }
  }
}

// A one-way hairpin bend is one edge that passes a fix twice, once on each branch. One candidate
// per edge kept only the nearer branch: a car on the other one could then only be matched by
// driving its own road backwards (a wrong-way finding on a legal drive, seen on a real switchback
// in Heidelberg). Each branch is a candidate, far apart along the edge; a gentle curve is one.
TEST(CandidateSearch, aHairpinBendGivesOneCandidatePerBranch) {
  const Scenario s(R"(
A-----------B
             \
              C
             /
E-----------D
)",
                   5, {way("ABCDE", 1).oneway()});
  const map::Coord a = s.coord('A'), b = s.coord('B'), e = s.coord('E');
  // Between the branches (20 m apart), a little nearer the upper one, half way along.
  const double lat = 0.6 * a.lat() + 0.4 * e.lat();
  const double lon = 0.5 * (a.lon() + b.lon());
  CandidateSearch search(s.map());
  std::vector<Candidate> found;
  search.find(lat, lon, 30, 12, found);
  std::vector<float> offsets;
  for (const Candidate& c : found) {
    if (s.map().edge(c.edge).osm_way_id == 1) offsets.push_back(c.offset_m);
  }
  ASSERT_EQ(offsets.size(), 2U);
  EXPECT_GT(std::abs(offsets[0] - offsets[1]), 50.0F);  // 30 m along the edge, and about 120 m
  EXPECT_LT(offsets[0], offsets[1]);                    // the nearer (upper, first) branch first

  // Beside the bend, where the edge comes near only once: one candidate.
  search.find(s.coord('C').lat(), s.coord('C').lon() + 0.00003, 30, 12, found);
  EXPECT_EQ(std::count_if(found.begin(), found.end(),
                          [&](const Candidate& c) { return s.map().edge(c.edge).osm_way_id == 1; }),
            1);
}

TEST(CandidateSearch, anEdgeToKeepIsFoundBeyondTheNearestPlaces) {
  // A fix on a road with three parallel roads 10, 20 and 30 m east of it; two places. The
  // farthest, to be kept, comes after the nearest two; the third, not to be kept, is cut.
  const Scenario s(R"(
A B C D
| | | |
E F G H
)",
                   5, {way("AE", 1), way("BF", 2), way("CG", 3), way("DH", 4)});
  const map::Coord a = s.coord('A'), e = s.coord('E');
  const double lat = 0.5 * (a.lat() + e.lat()), lon = a.lon();
  CandidateSearch search(s.map());
  std::vector<Candidate> found;
  const auto ways = [&] {
    std::vector<int64_t> ids;
    for (const Candidate& c : found) ids.push_back(s.map().edge(c.edge).osm_way_id);
    return ids;
  };
  uint32_t farthest = 0;
  search.find(lat, lon, 40, 4, found);
  EXPECT_FALSE(search.left_out_any());
  std::vector<Candidate> all = found;
  for (const Candidate& c : found) {
    if (s.map().edge(c.edge).osm_way_id == 4) farthest = c.edge;
  }
  const std::vector<uint32_t> keep{farthest};
  search.find(lat, lon, 40, 2, found);
  EXPECT_EQ(ways(), std::vector<int64_t>({1, 2}));
  ASSERT_TRUE(search.left_out_any());
  search.add_left_out(keep, found);
  EXPECT_EQ(ways(), std::vector<int64_t>({1, 2, 4}));
  EXPECT_EQ(found.back().offset_m, all.back().offset_m);  // projected as a search with room projects it
  EXPECT_EQ(found.back().error_east_m, all.back().error_east_m);
  search.find(lat, lon, 25, 2, found);  // beyond the radius it is not found
  search.add_left_out(keep, found);
  EXPECT_EQ(ways(), std::vector<int64_t>({1, 2}));
}

// A grid entry naming the largest segment index: `segment + 1` wrapped round to 0, passed the
// bounds check and the shape was read 32 GB past its start (found by fuzz_map_file). Now the
// damage is reported.
TEST(CandidateSearch, gridSegmentOutsideItsEdgesShape_isReportedAsDamage) {
  const Scenario s("A-----B", 10, {way("AB", 1)});
  scenario::PatchedMap damaged(s.path());
  for (map::SegmentRef& ref : damaged.records<map::SegmentRef>(map::format::SectionId::grid_segments)) {
    ref.segment = UINT32_MAX;
  }
  const map::MapView m = damaged.open();
  CandidateSearch search(m);
  std::vector<Candidate> found;
  const map::Coord a = s.coord('A');
  EXPECT_THROW(search.find(a.lat(), a.lon(), 20, 8, found), map::MapError);
}

TEST(LocalMetric, theCachedBandGivesTheScaleOfAFreshMetricAtEveryLatitude) {
  LocalMetric warm;
  std::vector<double> latitudes;
  // Band edges (k +- 0.5) x 0.05 degree and just beside them, both hemispheres, up and down.
  for (int k = -3; k <= 3; ++k) {
    const double edge = (k + 0.5) * LocalMetric::kBandDeg;
    for (const double lat : {edge, std::nextafter(edge, -90.0), std::nextafter(edge, 90.0), edge - 1e-9, edge + 1e-9,
                             k * LocalMetric::kBandDeg}) {
      latitudes.push_back(lat);
      latitudes.push_back(50.0 + lat);
    }
  }
  for (std::size_t i = latitudes.size(); i-- > 0;) latitudes.push_back(latitudes[i]);
  for (const double lat : latitudes) {
    LocalMetric fresh;
    EXPECT_EQ(warm.meters_per_deg_lon(lat), fresh.meters_per_deg_lon(lat)) << "latitude " << lat;
  }
}

}  // namespace drivelog::match
