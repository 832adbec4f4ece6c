// ConditionalRules::plain_limit() remembers its answer for the instants the edge's local day spans
// (PlainMemo, LocalCalendar::day_span): it must answer as a fresh instance at every instant, also
// where a change of the zone's offset moves the local day. japan_dates.osm's street (60 km/h until
// 2026-08-31, 30 from 2026-09-01, Tokyo local) under japan_dst.time-zones: UTC+9, +10 from
// 2026-08-31 14:30 UTC (local 23:30 becomes 00:30 of 2026-09-01: the limit changes at the change,
// half an hour before midnight at +9), +9 again from 2026-09-02 14:30 UTC (00:30 of 09-03 becomes
// 23:30 of 09-02: the local day goes back).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "detect/conditional_rules.hpp"
#include "detect/detector.hpp"
#include "detect/local_calendar.hpp"
#include "osm/osm_import.hpp"

namespace drivelog::detect {
namespace {

const std::string kFixtures = std::string(DRIVELOG_TEST_DATA_DIR) + "/osm/";
constexpr double kToSummer = 1788186600;  // 2026-08-31T14:30:00Z
constexpr double kToWinter = 1788359400;  // 2026-09-02T14:30:00Z
constexpr double kMidnightAtNine = 1788274800 - 86400;  // 2026-09-01T00:00 at UTC+9 (2026-08-31T15:00Z)

std::unique_ptr<map::MapView> dst_map(const std::string& path) {
  osm::ImportOptions options;
  options.time_zones_file = kFixtures + "japan_dst.time-zones";
  osm::import_osm(kFixtures + "japan_dates.osm", path, options);
  return std::make_unique<map::MapView>(map::MapView::open(path));
}

// Instants a trip could ask in turn: second by second across each change and the midnights near
// them, minutes apart between, and back again (a second trip starting earlier).
std::vector<double> instants() {
  std::vector<double> out;
  for (const double around : {kToSummer, kMidnightAtNine, kToWinter, kToWinter - 3600, kToWinter + 1800, kToSummer + 84600}) {
    for (double t = around - 90; t <= around + 90; t += 1) out.push_back(t);
    for (double t = around - 90; t <= around + 90; t += 0.7) out.push_back(t);
  }
  for (double t = kToSummer - 7200; t <= kToWinter + 7200; t += 97) out.push_back(t);
  for (double t = kToWinter + 7200; t >= kToSummer - 7200; t -= 61) out.push_back(t);
  return out;
}

// LocalCalendar keeps the offset for the span it holds (MapView::utc_offset_span): one calendar
// asked in turn answers as a fresh one at every instant, and day_span()'s instants bound the day.
TEST(LocalDayMemo, ACalendarAnswersAsAFreshOneAcrossDaylightSavingChanges) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("drivelog-localdaycal-" + std::to_string(::getpid()) + ".dlmap")).string();
  const auto map = dst_map(path);
  const map::Coord where = map->node_coord(map->edge(0).from_node);
  LocalCalendar shared(*map);
  int spans_cut_by_a_change = 0;
  std::size_t inside = 0;
  for (const double t : instants()) {
    EXPECT_EQ(shared.day(where, t), LocalCalendar(*map).day(where, t)) << t;
    EXPECT_EQ(shared.local_seconds(where, t), LocalCalendar(*map).local_seconds(where, t)) << t;
    const LocalCalendar::Day d = shared.day_span(where, t);
    EXPECT_EQ(d.day, LocalCalendar(*map).day(where, t)) << t;
    // (a second inside each midnight: an instant nearer one lies outside its own day's span)
    if (d.from_utc <= t && t < d.until_utc) ++inside;
    EXPECT_EQ(LocalCalendar(*map).day(where, d.from_utc), d.day) << t;
    EXPECT_EQ(LocalCalendar(*map).day(where, std::nextafter(d.until_utc, 0.0)), d.day) << t;
    if (d.from_utc == kToSummer || d.from_utc == kToWinter || d.until_utc == kToSummer || d.until_utc == kToWinter) ++spans_cut_by_a_change;
  }
  std::filesystem::remove(path);
  EXPECT_GT(spans_cut_by_a_change, 0);
  EXPECT_GT(inside, instants().size() * 9 / 10);
}

TEST(LocalDayMemo, PlainLimitAnswersAsAFreshInstanceAcrossDaylightSavingChanges) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("drivelog-localdaymemo-" + std::to_string(::getpid()) + ".dlmap")).string();
  const auto map = dst_map(path);
  const legal::VehicleProfile car = vehicle_profile(VehicleClass::car);
  int answered = 0, sixty = 0, thirty = 0, day_went_back = 0;
  for (uint32_t edge = 0; edge < map->edge_count(); ++edge) {
    for (const bool forward : {true, false}) {
      ConditionalRules shared(*map, car);
      int32_t last_day = 0;
      double last_t = 0;
      for (const double t : instants()) {
        const auto got = shared.plain_limit(edge, forward, t);
        const auto want = ConditionalRules(*map, car).plain_limit(edge, forward, t);
        ASSERT_EQ(got.has_value(), want.has_value()) << edge << " " << forward << " " << t;
        // limit_at() on the shared instance (its LocalCalendar asked in between) answers the same too.
        const VehicleLimit full = shared.limit_at(edge, forward, t);
        if (!want) continue;
        ++answered;
        EXPECT_EQ(got->limit.tenths_kmh, want->limit.tenths_kmh) << edge << " " << forward << " " << t;
        EXPECT_EQ(got->limit.source, want->limit.source) << edge << " " << forward << " " << t;
        EXPECT_EQ(got->limit.rule, want->limit.rule) << edge << " " << forward << " " << t;
        EXPECT_EQ(got->local_day, want->local_day) << edge << " " << forward << " " << t;
        EXPECT_EQ(full.limit.tenths_kmh, want->limit.tenths_kmh) << edge << " " << forward << " " << t;
        EXPECT_EQ(full.local_day, want->local_day) << edge << " " << forward << " " << t;
        if (want->limit.tenths_kmh == 600) ++sixty;
        if (want->limit.tenths_kmh == 300) ++thirty;
        if (t > last_t && want->local_day < last_day) ++day_went_back;
        last_day = want->local_day;
        last_t = t;
      }
    }
  }
  std::filesystem::remove(path);
  // The street's rule is asked by the local day, and the changes move it both ways.
  EXPECT_GT(answered, 0);
  EXPECT_GT(sixty, 0);
  EXPECT_GT(thirty, 0);
  EXPECT_GT(day_went_back, 0);
}

// At the change to summer time the limit changes with the local day, before midnight at +9.
TEST(LocalDayMemo, TheLimitChangesWithTheOffsetNotAtTheOldMidnight) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("drivelog-localdaymemo2-" + std::to_string(::getpid()) + ".dlmap")).string();
  const auto map = dst_map(path);
  ConditionalRules rules(*map, vehicle_profile(VehicleClass::car));
  const auto before = rules.plain_limit(0, true, kToSummer - 1);
  const auto after = rules.plain_limit(0, true, kToSummer + 1);
  std::filesystem::remove(path);
  ASSERT_TRUE(before && after);
  EXPECT_EQ(before->limit.tenths_kmh, 600);
  EXPECT_EQ(after->limit.tenths_kmh, 300);
  EXPECT_EQ(after->local_day, before->local_day + 1);
}

}  // namespace
}  // namespace drivelog::detect
