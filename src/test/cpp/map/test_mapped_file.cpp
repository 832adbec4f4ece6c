#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "map/map_view.hpp"
#include "map/mapped_file.hpp"
#include "sample_map.hpp"

namespace drivelog::map {
namespace {

class MappedFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = test::temp_map_path("mapped-file");
    std::ofstream(path_, std::ios::binary) << "hello, mapping";
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string path_;
};

TEST_F(MappedFileTest, MapsTheWholeFile) {
  const MappedFile f = MappedFile::open_read_only(path_);
  ASSERT_EQ(f.bytes().size(), 14u);
  EXPECT_EQ(static_cast<char>(f.bytes()[7]), 'm');
  EXPECT_EQ(f.path(), path_);
}

TEST_F(MappedFileTest, MoveTransfersTheMappingAndEmptiesTheSource) {
  MappedFile a = MappedFile::open_read_only(path_);
  const std::byte* data = a.bytes().data();
  MappedFile b = std::move(a);
  EXPECT_EQ(b.bytes().data(), data);
  EXPECT_FALSE(a.is_open());  // NOLINT(bugprone-use-after-move): moved-from state is specified
  MappedFile c;
  c = std::move(b);
  EXPECT_TRUE(c.is_open());
  EXPECT_FALSE(b.is_open());  // NOLINT(bugprone-use-after-move)
}

TEST_F(MappedFileTest, CloseIsExplicitAndIdempotent) {
  MappedFile f = MappedFile::open_read_only(path_);
  EXPECT_NO_THROW(f.close());
  EXPECT_FALSE(f.is_open());
  EXPECT_TRUE(f.bytes().empty());
  EXPECT_NO_THROW(f.close());
}

TEST_F(MappedFileTest, MissingEmptyAndDirectoryAreRefusedNamingThePath) {
  for (const std::string& bad : {path_ + ".missing", std::filesystem::temp_directory_path().string()}) {
    try {
      MappedFile::open_read_only(bad);
      FAIL() << bad;
    } catch (const MapError& e) {
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
  }
  std::ofstream(path_, std::ios::trunc);
  EXPECT_THROW(MappedFile::open_read_only(path_), MapError);
}

static_assert(!std::is_copy_constructible_v<MappedFile> && std::is_nothrow_move_constructible_v<MappedFile>);
static_assert(!std::is_copy_constructible_v<MapView> && std::is_nothrow_move_constructible_v<MapView>);

}  // namespace
}  // namespace drivelog::map
