// Service roads take the built-up area of the roads they join (osm/built_up_neighbours.hpp),
// through the real importer and the real legal-default-speeds dataset.
#include <gtest/gtest.h>

#include "imported_map.hpp"

namespace drivelog::osm {
namespace {

using map::SpeedSource;
using test::Imported;

TEST(BuiltUpNeighbours, ServiceRoadsTakeTheAreaTheirNeighboursAgreeOn) {
  const Imported m("built_up_service_roads.osm");
  // Off a residential street, and a parking aisle joined only to that driveway: urban.
  for (const int64_t way : {11, 12}) {
    EXPECT_EQ(m.way(way).maxspeed_forward, 500) << way;
    EXPECT_EQ(m.way(way).source(true), SpeedSource::legal_default_inferred) << way;
  }
  // Off a road tagged rural: rural.
  EXPECT_EQ(m.way(21).maxspeed_forward, 1000);
  EXPECT_EQ(m.way(21).source(true), SpeedSource::legal_default_inferred);
  EXPECT_EQ(m.report().legal.built_up_from_neighbours, 3u);
}

TEST(BuiltUpNeighbours, NoLimitWhereNothingTellsAndUrbanAndRuralDiffer) {
  const Imported m("built_up_service_roads.osm");
  // The primary road keeps the dataset's answer for "other roads" (the library's too).
  EXPECT_EQ(m.way(30).maxspeed_forward, 1000);
  EXPECT_EQ(m.way(30).source(true), SpeedSource::legal_default);
  // Off that road, and between an urban and a rural road: 50 or 100 would be invented.
  for (const int64_t way : {31, 40}) {
    EXPECT_EQ(m.way(way).maxspeed_forward, map::kSpeedUnknown) << way;
    EXPECT_EQ(m.way(way).source(true), SpeedSource::none) << way;
  }
  EXPECT_EQ(m.report().legal.built_up_undecided, 2u);
}

TEST(BuiltUpNeighbours, TheDatasetsAnswerWhereUrbanAndRuralAgree) {
  const Imported m("built_up_service_roads.osm");
  EXPECT_EQ(m.string_at_region(m.way(61)), "JP");
  EXPECT_EQ(m.way(61).maxspeed_forward, 600);
  EXPECT_EQ(m.way(61).source(true), SpeedSource::legal_default);
}

}  // namespace
}  // namespace drivelog::osm
