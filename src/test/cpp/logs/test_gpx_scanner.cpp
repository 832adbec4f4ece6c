// The GPX scanner takes whole track points with the Java reader's values, keeps the open start tags
// for the replay, and stops for good at a safe point before whatever Aalto must read itself. The
// identity with the Java reader is held by NativeGpxScanDifferentialTest; these are its mechanics.
#include "logs/gpx_scanner.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using drivelog::logs::GpxEntry;
using drivelog::logs::GpxLayout;
using drivelog::logs::GpxScanResult;
using drivelog::logs::GpxScanState;
using drivelog::logs::GpxStop;

constexpr std::string_view kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"\n"
    "     xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n"
    "<trk><name>Vehicle \xE6\x97\xA5\xE6\x9C\xAC</name><trkseg>\n";
constexpr std::string_view kPoint =
    "<trkpt lat=\"50.0148973\" lon=\"10.0042311\"><time>2026-11-21T08:00:00Z</time><course>276.7</course>"
    "<speed>0.14</speed><hdop>1.06</hdop></trkpt>\n";
constexpr std::string_view kTail = "</trkseg></trk>\n</gpx>\n";

struct Scan {
  explicit Scan(std::size_t capacity = 16)
      : state(std::make_unique<GpxScanState>()), time(capacity), lat(capacity), lon(capacity), speed(capacity),
        heading(capacity), accuracy(capacity), line(capacity), entry(capacity) {}

  GpxScanResult run(std::string_view text, GpxLayout layout = GpxLayout{true, true, 5.0}) {
    const drivelog::logs::GpxRows rows{time.size(), time.data(),     lat.data(),  lon.data(),  speed.data(),
                                       heading.data(), accuracy.data(), line.data(), entry.data()};
    return drivelog::logs::scan_gpx(text, layout, *state, rows);
  }

  std::string replay() const { return {state->tags, static_cast<std::size_t>(state->replay_bytes)}; }

  std::unique_ptr<GpxScanState> state;
  std::vector<double> time, lat, lon;
  std::vector<float> speed, heading, accuracy;
  std::vector<std::int64_t> line;
  std::vector<GpxEntry> entry;
};

TEST(GpxScanner, TakesPointsAndStopsBeforeTheRootsEnd) {
  const std::string text = std::string(kHead) + std::string(kPoint) + std::string(kPoint) + std::string(kTail);
  Scan s;
  const auto r = s.run(text);
  EXPECT_EQ(r.stop, GpxStop::hand_back);
  ASSERT_EQ(r.entries, 4u);  // two points, </trkseg>, </trk>
  EXPECT_EQ(s.entry[0], GpxEntry::point);
  EXPECT_EQ(s.entry[2], GpxEntry::boundary);
  EXPECT_EQ(s.entry[3], GpxEntry::boundary);
  EXPECT_EQ(s.lat[0], 50.0148973);
  EXPECT_EQ(s.lon[0], 10.0042311);
  EXPECT_EQ(s.time[0], 1795248000.0);
  EXPECT_EQ(s.speed[0], 0.14f);
  EXPECT_EQ(s.heading[0], 276.7f);
  EXPECT_EQ(s.accuracy[0], static_cast<float>(1.06 * 5.0));
  EXPECT_EQ(s.line[0], 5);
  EXPECT_EQ(s.line[1], 6);
  EXPECT_EQ(r.last_point_end_line, 6);
  EXPECT_EQ(text.substr(r.bytes), "</gpx>\n");
  EXPECT_EQ(s.state->line_breaks, 7);
  EXPECT_EQ(s.replay(),
            "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"      "
            "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">");
}

TEST(GpxScanner, EveryPrefixOfTheTextGivesTheSameEntries) {
  const std::string text = std::string(kHead) + std::string(kPoint) + std::string(kPoint) + std::string(kTail);
  Scan whole;
  const auto expected = whole.run(text);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    Scan s;
    const auto first = s.run(std::string_view(text).substr(0, cut));
    std::size_t entries = first.entries;
    if (first.stop == GpxStop::hand_back) {  // the cut is after the root's end tag began
      EXPECT_EQ(entries, expected.entries) << cut;
      EXPECT_EQ(first.bytes, expected.bytes) << cut;
      continue;
    }
    const auto second = s.run(std::string_view(text).substr(first.bytes));
    entries += second.entries;
    EXPECT_EQ(entries, expected.entries) << cut;
    EXPECT_EQ(first.bytes + second.bytes, expected.bytes) << cut;
    EXPECT_EQ(s.state->line_breaks, whole.state->line_breaks) << cut;
  }
}

// A trkpt as the 32nd open element leaves no room for its <time>: refused, whole or cut anywhere
// (the common field's shortcut must not take what the general path refuses).
TEST(GpxScanner, TheDepthLimitHoldsWholeOrCut) {
  std::string text = "<gpx>";
  for (int i = 0; i < 30; ++i) text += "<e>";
  text += std::string(kPoint) + "</e>";
  Scan whole;
  const auto expected = whole.run(text);
  EXPECT_EQ(expected.stop, GpxStop::hand_back);
  EXPECT_EQ(expected.entries, 0u);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    Scan s;
    const auto first = s.run(std::string_view(text).substr(0, cut));
    const auto second = first.stop == GpxStop::hand_back ? first : s.run(std::string_view(text).substr(first.bytes));
    EXPECT_EQ(first.entries + (first.stop == GpxStop::hand_back ? 0 : second.entries), 0u) << cut;
    EXPECT_EQ(first.stop == GpxStop::hand_back ? first.bytes : first.bytes + second.bytes, expected.bytes) << cut;
  }
}

TEST(GpxScanner, GarminExtensionsAndEmptyValues) {
  const std::string text = std::string(kHead) +
                           "<trkpt lon=' 10.5 ' lat=\"-1\">\r\n<ele>3</ele><time>\n 2026-11-21T08:00:01Z </time>"
                           "<speed>7</speed><extensions><gpxtpx:TrackPointExtension><gpxtpx:speed>2.5</gpxtpx:speed>"
                           "<gpxtpx:course/></gpxtpx:TrackPointExtension></extensions><!-- ok --></trkpt>\n";
  Scan s;
  const auto r = s.run(text);
  EXPECT_EQ(r.stop, GpxStop::more);
  ASSERT_EQ(r.entries, 1u);
  EXPECT_EQ(s.lat[0], -1.0);
  EXPECT_EQ(s.lon[0], 10.5);
  EXPECT_EQ(s.speed[0], 2.5f);  // the last speed wins, any prefix
  EXPECT_TRUE(std::isnan(s.heading[0]));
  EXPECT_TRUE(std::isnan(s.accuracy[0]));
  EXPECT_EQ(s.line[0], 5);
  EXPECT_EQ(r.last_point_end_line, 7);
}

// Each of these is Aalto's: the scan takes the points before it and stops at the unit's start.
TEST(GpxScanner, StopsBeforeWhatAaltoMustRead) {
  const std::vector<std::string> refused = {
      "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time><speed>x</speed></trkpt>",
      "<trkpt lat=\"1\"><time>2026-11-21T08:00:00Z</time></trkpt>",
      "<trkpt lat=\"1\" lon=\"2\"></trkpt>",
      "<trkpt lat=\"1\" lon=\"2\" lat=\"3\"><time>2026-11-21T08:00:00Z</time></trkpt>",
      "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z<b/></time></trkpt>",
      "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z<!-- c --></time></trkpt>",
      "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time><x:y/></trkpt>",
      "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time><trkpt/></trkpt>",
      "<trkpt lat=\"1e1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time></trkpt>",
      "<trkpt lat=\"&#49;\" lon=\"2\"><time>2026-11-21T08:00:00Z</time></trkpt>",
      "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</tim></trkpt>",
      "a &nbsp; b",  // text between points, a unit of its own
      "a ]]> b",
      "a \x01 b",
      "a \xC3\x28 b",
      "a \xED\xA0\x80 b",
      "a \xEF\xBF\xBE b",
      "<![CDATA[x]]>",
      "<?pi x?>",
      "<!-- a -- b -->",
      "<a b='1'c='2'/>",
      "</trk>",
  };
  for (const auto& unit : refused) {
    const std::string text = std::string(kHead) + std::string(kPoint) + unit + std::string(kPoint) + "</trkseg>";
    Scan s;
    const auto r = s.run(text);
    EXPECT_EQ(r.stop, GpxStop::hand_back) << unit;
    EXPECT_EQ(r.entries, 1u) << unit;
    const std::size_t at = text.find(unit, kHead.size() + kPoint.size() - 1);
    EXPECT_TRUE(r.bytes == at || r.bytes + 1 == at) << unit;  // a text run starts at the newline before
    EXPECT_EQ(s.state->depth, 3) << unit;  // gpx, trk, trkseg: what the replay holds
  }
}

TEST(GpxScanner, LeavesTheWholeDocumentToAaltoWhenItsStartIsNotPlain) {
  const std::vector<std::string> refused = {
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><gpx>",
      "<?xml version=\"1.1\"?><gpx>",
      "<!DOCTYPE gpx><gpx>",
      "\xFF\xFE<\0g\0p\0x\0",
      "<kml><x/>",
      " <?xml version=\"1.0\"?><gpx>",
      "<gpx xmlns:xml='x'>",
      "<gpx/>   ",
  };
  for (const auto& start : refused) {
    Scan s;
    const auto r = s.run(start + std::string(kPoint));
    EXPECT_EQ(r.stop, GpxStop::hand_back) << start;
    EXPECT_EQ(r.bytes, 0u) << start;
    EXPECT_EQ(s.state->replay_bytes, 0) << start;
    EXPECT_EQ(s.state->line_breaks, 0) << start;
  }
}

TEST(GpxScanner, ColumnsFullStopsBetweenEntries) {
  const std::string text = std::string(kHead) + std::string(kPoint) + std::string(kPoint) + std::string(kPoint);
  Scan s(2);
  const auto first = s.run(text);
  EXPECT_EQ(first.stop, GpxStop::full);
  EXPECT_EQ(first.entries, 2u);
  const auto second = s.run(std::string_view(text).substr(first.bytes));
  EXPECT_EQ(second.stop, GpxStop::more);
  EXPECT_EQ(second.entries, 1u);
  EXPECT_EQ(s.line[0], 7);
}

TEST(GpxScanner, TimesNeedingZoneRulesAreAaltos) {
  const std::string text = std::string(kHead) +
                           "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00</time></trkpt>";
  Scan utc;
  EXPECT_EQ(utc.run(text).entries, 1u);
  Scan zoned;
  const auto r = zoned.run(text, GpxLayout{false, false, 5.0});
  EXPECT_EQ(r.stop, GpxStop::hand_back);
  EXPECT_EQ(r.entries, 0u);
}

}  // namespace
