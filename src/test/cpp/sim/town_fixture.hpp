// A GoogleTest fixture that writes the grid town once per test suite and opens it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "grid_town.hpp"
#include "map/map_view.hpp"

namespace drivelog::sim::test {

class GridTownTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = std::make_unique<std::string>(temp_path("town.dlmap"));
    write_grid_town(*path_);
    map_ = std::make_unique<map::MapView>(map::MapView::open(*path_));
  }
  static void TearDownTestSuite() {
    map_.reset();
    std::filesystem::remove(*path_);
    path_.reset();
  }
  static const map::MapView& town() { return *map_; }

 private:
  static inline std::unique_ptr<std::string> path_;
  static inline std::unique_ptr<map::MapView> map_;
};

}  // namespace drivelog::sim::test
