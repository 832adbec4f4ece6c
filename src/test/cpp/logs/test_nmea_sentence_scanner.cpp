// The NMEA sentence scanner takes the common line's RMC, GGA and VTG sentences with the Java byte
// path's values, reads past the others, and stops before every line the Java reader must read.
#include "logs/nmea_sentence_scanner.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "logs/java_timestamp.hpp"
#include "nmea_columns.hpp"

namespace {

using drivelog::logs::NmeaSentence;
using drivelog::logs::ScanStop;

// "$" + body + "*" + the XOR of the body's bytes in two upper-case hex digits.
std::string summed(std::string_view body) {
  unsigned sum = 0;
  for (const char c : body) sum ^= static_cast<unsigned char>(c);
  char trailer[4];
  std::snprintf(trailer, sizeof trailer, "*%02X", sum);
  std::string sentence(1, '$');  // built by appends: gcc 12 warns wrongly on "$" + string (-Wrestrict)
  sentence.append(body);
  sentence.append(trailer);
  return sentence;
}

// The scanner over columns of `capacity` rows.
struct Scan : drivelog::test::NmeaColumns {
  explicit Scan(std::size_t capacity) : NmeaColumns(capacity) {}

  drivelog::logs::NmeaScanResult run(std::string_view text) { return drivelog::logs::scan_nmea_lines(text, view()); }
};

const std::string kRmc = summed("GPRMC,235959.50,A,5230.0000,S,01324.0000,W,10.5,45.5,211126,,,A");
const std::string kGga = summed("GNGGA,235959.50,5230.0000,N,01324.0000,E,1,08,0.9,34.0,M,45.0,M,,");
const std::string kVtg = summed("GPVTG,45.5,T,,M,10.0,N,18.5,K,N");

}  // namespace

TEST(NmeaSentenceScanner, rmcGgaVtg_theJavaValuesOneRowEach) {
  Scan scan(8);
  const std::string text = kRmc + "\n" + kGga + "\r\n" + kVtg + "\n";
  const auto result = scan.run(text);
  EXPECT_EQ(result.stop, ScanStop::end_of_text);
  ASSERT_EQ(result.sentences, 3u);
  EXPECT_EQ(result.lines, 3u);
  EXPECT_EQ(result.bytes, text.size());

  EXPECT_EQ(scan.sentence[0], NmeaSentence::rmc);
  EXPECT_EQ(scan.flags[0], 0);
  EXPECT_EQ(scan.time[0], 86399.5);
  EXPECT_EQ(scan.day[0], drivelog::logs::days_from_civil(2026, 11, 21));
  EXPECT_EQ(scan.lat[0], -52.5);
  EXPECT_EQ(scan.lon[0], -(13.0 + 24.0 / 60));
  EXPECT_EQ(scan.speed[0], 10.5);  // knots: the unit is Java's to convert
  EXPECT_EQ(scan.course[0], 45.5);
  EXPECT_TRUE(std::isnan(scan.hdop[0]));

  EXPECT_EQ(scan.sentence[1], NmeaSentence::gga);
  EXPECT_EQ(scan.line[1], 1);
  EXPECT_EQ(scan.lat[1], 52.5);
  EXPECT_EQ(scan.hdop[1], 0.9);
  EXPECT_EQ(scan.day[1], drivelog::logs::kNmeaNoDay);
  EXPECT_TRUE(std::isnan(scan.speed[1]) && std::isnan(scan.course[1]));

  EXPECT_EQ(scan.sentence[2], NmeaSentence::vtg);
  EXPECT_EQ(scan.flags[2], drivelog::logs::kNmeaSpeedKmh | drivelog::logs::kNmeaNotValid);
  EXPECT_EQ(scan.speed[2], 18.5);
  EXPECT_EQ(scan.course[2], 45.5);
}

TEST(NmeaSentenceScanner, validityFlags_asTheJavaReaderReadsThem) {
  Scan scan(8);
  const std::string text = summed("GPRMC,000001,V,,,,,,,211126") + "\n" +
                           summed("GPRMC,000002,A,,,,,,,,,,N") + "\n" + summed("GPGGA,000003,,,,,0,08,1.0") + "\n" +
                           summed("GPGGA,000004,,,,,,08,1.0") + "\n" + summed("GPVTG,,T,,M,5.0,N,,K,A") + "\n";
  ASSERT_EQ(scan.run(text).sentences, 5u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(scan.flags[i], drivelog::logs::kNmeaNotValid) << i;
  EXPECT_TRUE(std::isnan(scan.lat[0]) && std::isnan(scan.lon[0]));  // no fix: empty fields
  EXPECT_EQ(scan.day[1], drivelog::logs::kNmeaNoDay);
  EXPECT_EQ(scan.flags[4], drivelog::logs::kNmeaSpeedKnots);
  EXPECT_EQ(scan.speed[4], 5.0);
  EXPECT_TRUE(std::isnan(scan.course[4]));
}

TEST(NmeaSentenceScanner, otherSentencesBlankLinesGluedAndOddTrailers_taken) {
  Scan scan(8);
  const std::size_t star = kGga.rfind('*');
  const std::string spaced = kGga.substr(0, star + 1) + " " + kGga.substr(star + 1);  // Java strips the trailer
  std::string lower = kRmc;  // lower-case hex digits: Integer.parseInt takes them
  for (std::size_t i = lower.rfind('*'); i < lower.size(); ++i) lower[i] = static_cast<char>(std::tolower(lower[i]));
  const std::string text = summed("GPGSV,3,1,11,01,40,083,46") + "\n" + summed("PGRME,15.0,M") + "\n" +
                           summed("GPRMCX,1,2") + "\n \t\n\n" + "junk " + kRmc + kGga + " \t\n" + spaced + "\n" +
                           lower + "\n" + summed("RMC,000010,A,5230.0,N,01324.0,E,1,2,010180") + "\n";
  const auto result = scan.run(text);
  EXPECT_EQ(result.stop, ScanStop::end_of_text);
  ASSERT_EQ(result.sentences, 5u);
  EXPECT_EQ(result.lines, 9u);
  EXPECT_EQ(scan.line[0], 5);  // after three other sentences and two blank lines
  EXPECT_EQ(scan.line[1], 5);
  EXPECT_EQ(scan.sentence[1], NmeaSentence::gga);
  EXPECT_EQ(scan.line[2], 6);
  EXPECT_EQ(scan.sentence[4], NmeaSentence::rmc);  // a bare address
  EXPECT_EQ(scan.day[4], drivelog::logs::days_from_civil(1980, 1, 1));
}

TEST(NmeaSentenceScanner, linesTheJavaReaderMustRead_deferred) {
  const std::vector<std::string> lines = {
      "not an NMEA sentence",
      kRmc + "\xC3\xA9",
      "\xEF\xBB\xBF" + kRmc,                                          // a byte-order mark: Java drops it on line 1
      kRmc.substr(0, kRmc.size() - 1) + "0",                          // a wrong checksum
      kRmc.substr(0, kRmc.rfind('*')),                                // none
      kRmc.substr(0, kRmc.size() - 1),                                // one digit
      kRmc + "$",                                                     // a sentence glued on without one
      summed("GPRMC,0000,A,,,,,,,211126"),                            // a short time
      summed("GPRMC,240000,A,,,,,,,211126"),                          // hour 24
      summed("GPRMC,000061,A,,,,,,,211126"),                          // second 61
      summed("GPRMC,000000,A,,,,,,,321126"),                          // day 32
      summed("GPRMC,000000,A,,,,,,,21112"),                           // a short date
      summed("GPGGA,000000,5230.0,X,01324.0,E,1,08,1.0"),             // a bad hemisphere
      summed("GPGGA,000000,5260.0,N,01324.0,E,1,08,1.0"),             // minute 60
      summed("GPGGA,000000,5230.0,N,0132,E,1,08,1.0"),                // a short longitude
      summed("GPGGA,000000,5230.0,N,01324.0,E,1,08,1e1"),             // an exponent: Double.parseDouble
      summed("GPGGA,000000,5230.0,N,01324.0,E,1,08,1234567890123456789"),  // 19 digits
      summed("GPVTG,x,T,,M,5.0,N,,K,A"),                              // Java reads the course only sometimes
      summed("GPVTG,,T,,M,5.0,N,1..2,K,A"),
  };
  for (const std::string& line : lines) {
    Scan scan(4);
    const std::string text = line + "\n";
    const auto result = scan.run(text);
    EXPECT_EQ(result.stop, ScanStop::deferred) << line;
    EXPECT_EQ(result.lines, 0u) << line;
    EXPECT_EQ(result.bytes, 0u) << line;
  }
}

TEST(NmeaSentenceScanner, aLeapSecond_taken) {
  Scan scan(4);
  const std::string text = summed("GPRMC,235960.5,A,,,,,,,211126") + "\n";
  ASSERT_EQ(scan.run(text).sentences, 1u);
  EXPECT_EQ(scan.time[0], 86400.5);
}

TEST(NmeaSentenceScanner, fullColumns_stopBeforeTheLine_aLineTooLongForThemIsDeferred) {
  Scan scan(2);
  const std::string text = kRmc + kGga + "\n" + kVtg + "\n";
  auto result = scan.run(text);
  EXPECT_EQ(result.stop, ScanStop::full);
  EXPECT_EQ(result.sentences, 2u);
  EXPECT_EQ(result.lines, 1u);
  EXPECT_EQ(result.bytes, text.find(kVtg));

  const std::string three = kRmc + kGga + kVtg + "\n";
  result = scan.run(three);
  EXPECT_EQ(result.stop, ScanStop::deferred);
  EXPECT_EQ(result.lines, 0u);
}

TEST(NmeaSentenceScanner, incompleteLastLine_leftForTheNextScan) {
  Scan scan(4);
  const std::string text = kRmc + "\n" + kGga;
  const auto result = scan.run(text);
  EXPECT_EQ(result.stop, ScanStop::end_of_text);
  EXPECT_EQ(result.lines, 1u);
  EXPECT_EQ(result.bytes, kRmc.size() + 1);
}
