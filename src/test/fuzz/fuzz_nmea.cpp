// libFuzzer target: the NMEA sentence scanner behind the Java reader (logs/nmea_sentence_scanner,
// drivelog_nmea_scan). The first byte draws the batch size; the rest is the text. Held: it stops
// right after a newline, counts the lines it took, stops for the reason it gives, writes only rows it
// took (each a known sentence on a line it took, lines in order), takes no line with a byte outside
// ASCII, gives times of the day in range, positions set in pairs and finite, and in small batches the
// same rows, bit for bit, as in one large batch.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "logs/nmea_sentence_scanner.hpp"
#include "nmea_columns.hpp"
#include "require.hpp"

namespace {

using drivelog::fuzz::require;
using drivelog::logs::NmeaSentence;
using drivelog::logs::ScanStop;

using Rows = drivelog::test::NmeaColumns;

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// The scan of `text` from its start, checked against what it says it did.
drivelog::logs::NmeaScanResult checked_scan(std::string_view text, Rows& rows) {
  const std::size_t capacity = rows.sentence.size();
  const auto result = drivelog::logs::scan_nmea_lines(text, rows.view());
  require(result.sentences <= capacity && result.bytes <= text.size(), "within the text and the columns");
  require(result.bytes == 0 || text[result.bytes - 1] == '\n', "stops right after a newline");
  const std::string_view taken = text.substr(0, result.bytes);
  require(static_cast<std::size_t>(std::count(taken.begin(), taken.end(), '\n')) == result.lines,
          "counts the lines it took");
  require(std::none_of(taken.begin(), taken.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }),
          "no line with a byte outside ASCII is taken");
  const bool newline_after = text.find('\n', result.bytes) != std::string_view::npos;
  require(result.stop == ScanStop::end_of_text ? !newline_after : newline_after, "stops for the reason it gives");
  for (std::size_t i = 0; i < result.sentences; ++i) {
    const auto kind = rows.sentence[i];
    require(kind == NmeaSentence::rmc || kind == NmeaSentence::gga || kind == NmeaSentence::vtg, "a known sentence");
    require(rows.line[i] >= 0 && static_cast<std::size_t>(rows.line[i]) < result.lines &&
                (i == 0 || rows.line[i] >= rows.line[i - 1]),
            "rows on the lines taken, in order");
    require(std::isnan(rows.lat[i]) == std::isnan(rows.lon[i]), "a position is set in pairs");
    require(std::isnan(rows.lat[i]) || (std::isfinite(rows.lat[i]) && std::isfinite(rows.lon[i])),
            "a position is finite");
    if (kind != NmeaSentence::vtg) {
      require(rows.time[i] >= 0 && rows.time[i] < 86400 + 61, "a time of the day in range");
    }
  }
  for (std::size_t i = result.sentences; i < capacity; ++i) {
    require(rows.line[i] == -1 || result.stop == ScanStop::deferred || result.stop == ScanStop::full,
            "no row written past the rows taken but for the line it stopped before");
  }
  return result;
}

void fuzz_nmea_scanner(std::string_view input) {
  if (input.empty()) return;
  const std::size_t capacity = 1 + static_cast<unsigned char>(input[0]) % 16;
  const std::string_view text = input.substr(1);

  Rows whole(4096);
  const auto all = checked_scan(text, whole);

  // The same text in batches of `capacity` rows, each scan going on where the last stopped.
  std::size_t at = 0;
  std::size_t row = 0;
  std::size_t line = 0;
  while (true) {
    Rows batch(capacity);
    const auto part = checked_scan(text.substr(at), batch);
    for (std::size_t i = 0; i < part.sentences; ++i, ++row) {
      require(row < all.sentences, "no more rows in batches than at once");
      require(batch.sentence[i] == whole.sentence[row] && batch.flags[i] == whole.flags[row] &&
                  static_cast<std::size_t>(batch.line[i]) + line == static_cast<std::size_t>(whole.line[row]) &&
                  same_bits(batch.time[i], whole.time[row]) && batch.day[i] == whole.day[row] &&
                  same_bits(batch.lat[i], whole.lat[row]) && same_bits(batch.lon[i], whole.lon[row]) &&
                  same_bits(batch.speed[i], whole.speed[row]) && same_bits(batch.course[i], whole.course[row]) &&
                  same_bits(batch.hdop[i], whole.hdop[row]),
              "the same rows in batches as at once");
    }
    at += part.bytes;
    line += part.lines;
    if (part.stop != ScanStop::full) {
      // A line too long for a small batch is deferred, where one large batch may have taken it.
      require(at <= all.bytes || all.stop == ScanStop::full, "batches stop no later than one scan");
      break;
    }
  }
  if (at == all.bytes) require(row == all.sentences && line == all.lines, "the same rows and lines");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_nmea_scanner({reinterpret_cast<const char*>(data), size});
  return 0;
}
