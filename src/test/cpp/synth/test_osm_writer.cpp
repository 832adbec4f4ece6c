#include "osm_inspection.hpp"
#include "synth/osm_writer.hpp"
#include "synth/scale.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace drivelog::synth {
namespace {

namespace fs = std::filesystem;

// A directory of its own per test binary run, removed afterwards.
class SynthOutput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("drivelog-synth-test-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    small_ = new fs::path(write("small", plan_scale("small", 1).layout));
    inspection_ = new test::OsmInspection(test::inspect_osm(small_->string()));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete inspection_;
    delete small_;
    delete dir_;
  }
  static fs::path write(const std::string& name, const LayoutParams& layout) {
    const fs::path path = *dir_ / (name + ".osm.pbf");
    write_synthetic_osm(layout, WriteOptions{path.string(), 1});
    return path;
  }
  static std::string bytes_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  static inline fs::path* dir_ = nullptr;
  static inline fs::path* small_ = nullptr;
  static inline test::OsmInspection* inspection_ = nullptr;
};

TEST_F(SynthOutput, SameSeedGivesIdenticalBytes) {
  const fs::path again = write("small-again", plan_scale("small", 1).layout);
  EXPECT_EQ(bytes_of(*small_), bytes_of(again));
}

TEST_F(SynthOutput, OtherSeedGivesOtherBytes) {
  const fs::path other = write("small-seed2", plan_scale("small", 2).layout);
  EXPECT_NE(bytes_of(*small_), bytes_of(other));
}

TEST_F(SynthOutput, SmallScaleIsValidOsm) {
  for (const auto& p : inspection_->problems) ADD_FAILURE() << p;
  EXPECT_GT(inspection_->nodes, 5000);
  EXPECT_GE(inspection_->ways, 2000);
  EXPECT_LE(inspection_->ways, 10000);
  EXPECT_GT(inspection_->relations, 20);
}

TEST_F(SynthOutput, SeveralTilesJoinAtTheirBordersAndStayValid) {
  LayoutParams layout;
  layout.seed = 3;
  layout.tiles_x = 3;
  layout.tiles_y = 2;
  const auto result = test::inspect_osm(write("grid", layout).string());
  for (const auto& p : result.problems) ADD_FAILURE() << p;
  EXPECT_GT(result["highway=motorway"], 6);
}

TEST_F(SynthOutput, SmallScaleHasEveryRoadKind) {
  const auto& c = *inspection_;
  for (const char* kind : {"highway=motorway", "highway=motorway_link", "highway=primary", "highway=secondary",
                           "highway=tertiary", "highway=unclassified", "highway=residential",
                           "highway=living_street", "highway=service"}) {
    EXPECT_GT(c[kind], 0) << kind;
  }
  EXPECT_GT(c["roundabout"], 0);
  EXPECT_GT(c["bridge"], 0);
  EXPECT_GT(c["named"], c.ways / 3);
}

TEST_F(SynthOutput, SmallScaleHasOneWaysAndClosedRoads) {
  const auto& c = *inspection_;
  EXPECT_GT(c["oneway=yes"], 20);
  EXPECT_GT(c["oneway=-1"], 0);
  EXPECT_GT(c["access=no"], 0);
  EXPECT_GT(c["motor_vehicle=no"], 0);
  EXPECT_GT(c["access=private"], 0);
  EXPECT_GT(c["motor_vehicle=destination"] + c["access=destination"], 0);
}

TEST_F(SynthOutput, SmallScaleHasEverySpeedLimitForm) {
  const auto& c = *inspection_;
  for (const char* form : {"maxspeed_number", "maxspeed_implicit_zone", "maxspeed_mph", "maxspeed_none",
                           "maxspeed_forward_backward", "maxspeed_untagged"}) {
    EXPECT_GT(c[form], 0) << form;
  }
}

TEST_F(SynthOutput, SmallScaleHasStopsInEveryForm) {
  const auto& c = *inspection_;
  EXPECT_GT(c["stop_direction_forward"], 0);
  EXPECT_GT(c["stop_direction_backward"], 0);
  EXPECT_GT(c["stop_stop_direction"], 0);
  EXPECT_GT(c["stop_undirected"], 0);
}

TEST_F(SynthOutput, SmallScaleHasRestrictionsOfBothKinds) {
  const auto& c = *inspection_;
  EXPECT_GT(c["restriction_no"], 0);
  EXPECT_GT(c["restriction_only"], 0);
  EXPECT_EQ(c["restriction_other"], 0);
  EXPECT_GT(c["restriction=no_left_turn"], 0);
  EXPECT_GT(c["restriction=no_u_turn"], 0);
}

TEST_F(SynthOutput, MissingParentDirectoriesAreCreated) {
  const fs::path nested = *dir_ / "a" / "b" / "region.osm.pbf";
  LayoutParams layout = plan_scale("300k", 1).layout;
  write_synthetic_osm(layout, WriteOptions{nested.string(), 1});
  EXPECT_GT(fs::file_size(nested), 1000u);
}

TEST_F(SynthOutput, FailedWriteLeavesNoPartialFile) {
  // The target name is taken by a directory, so the final rename fails after all was written.
  const fs::path blocked = *dir_ / "blocked.osm.pbf";
  fs::create_directories(blocked / "inside");
  LayoutParams layout = plan_scale("small", 1).layout;
  EXPECT_ANY_THROW(write_synthetic_osm(layout, WriteOptions{blocked.string(), 1}));
  EXPECT_FALSE(fs::exists(*dir_ / "blocked.partial.osm.pbf"));
  EXPECT_TRUE(fs::exists(blocked / "inside"));
}

TEST_F(SynthOutput, TargetBytesScaleTheOutputRoughlyLinearly) {
  const fs::path one = write("target-a", plan_scale("4M", 1).layout);
  const fs::path two = write("target-b", plan_scale("8M", 1).layout);
  const double ratio = static_cast<double>(fs::file_size(two)) / static_cast<double>(fs::file_size(one));
  EXPECT_GT(ratio, 1.5);
  EXPECT_LT(ratio, 2.6);
}

}  // namespace
}  // namespace drivelog::synth
