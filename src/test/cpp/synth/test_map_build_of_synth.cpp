// The map builder takes a synthetic region as it is: every tag value understood, every stop sign
// and turn restriction resolved to edges.
#include "osm/osm_import.hpp"
#include "synth/osm_writer.hpp"
#include "synth/scale.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

namespace drivelog::synth {
namespace {

namespace fs = std::filesystem;

TEST(SynthMapBuild, BuilderResolvesEveryRoadStopAndRestrictionOfTheSmallScale) {
  const fs::path dir = fs::temp_directory_path() / ("drivelog-synth-build-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string pbf = (dir / "small.osm.pbf").string();
  const std::string map = (dir / "small.map").string();
  const WriteStats written = write_synthetic_osm(plan_scale("small", 1).layout, WriteOptions{pbf, 1});
  const osm::ImportReport report = osm::import_osm(pbf, map, osm::ImportOptions{});

  EXPECT_EQ(report.nodes_read, written.nodes);
  EXPECT_EQ(report.ways_read, written.ways);
  EXPECT_EQ(report.road_ways, written.ways);  // every way is a road a car may use (or a closed one)
  EXPECT_GT(report.closed_road_ways, 0u);
  EXPECT_EQ(report.tag_problems.total(), 0u);
  EXPECT_TRUE(report.skipped.empty());
  EXPECT_TRUE(report.build.problems.empty());
  EXPECT_EQ(report.restriction_relations, written.relations);
  EXPECT_EQ(report.build.turn_restrictions, written.relations);
  EXPECT_EQ(report.build.restrictions_dropped, 0u);
  EXPECT_EQ(report.build.stops_dropped, 0u);
  EXPECT_GE(report.build.stop_signs, report.stop_nodes);
  EXPECT_EQ(report.build.missing_node_refs, 0u);
  EXPECT_EQ(report.country, "DE");
  EXPECT_EQ(report.build.bytes, fs::file_size(map));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace drivelog::synth
