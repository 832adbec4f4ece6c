// Columns for the NMEA sentence scanner's rows, owned by a test or fuzz target: every entry starts as
// a mark no row has (sentence 0, flags 0xFF, line -1, numbers -1), so a row written where none was
// taken shows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "logs/nmea_sentence_scanner.hpp"

namespace drivelog::test {

struct NmeaColumns {
  explicit NmeaColumns(std::size_t n)
      : sentence(n, logs::NmeaSentence{0}), flags(n, 0xFF), line(n, -1), time(n, -1), day(n, -1), lat(n, -1),
        lon(n, -1), speed(n, -1), course(n, -1), hdop(n, -1) {}

  logs::NmeaRows view() {
    return {sentence.size(), sentence.data(), flags.data(), line.data(),   time.data(), day.data(),
            lat.data(),      lon.data(),      speed.data(), course.data(), hdop.data()};
  }

  std::vector<logs::NmeaSentence> sentence;
  std::vector<std::uint8_t> flags;
  std::vector<std::int32_t> line;
  std::vector<double> time;
  std::vector<std::int64_t> day;
  std::vector<double> lat, lon, speed, course, hdop;
};

}  // namespace drivelog::test
