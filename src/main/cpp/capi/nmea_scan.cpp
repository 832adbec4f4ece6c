// drivelog_nmea_scan (capi/drivelog_nmea.h): checks the call and hands the scan to
// logs/nmea_sentence_scanner, which neither allocates nor throws.
#include <cstdint>
#include <limits>

#include "capi/drivelog_nmea.h"
#include "logs/nmea_sentence_scanner.hpp"

namespace {

using drivelog::logs::NmeaSentence;

static_assert(DRIVELOG_NMEA_RMC == static_cast<int>(NmeaSentence::rmc) &&
              DRIVELOG_NMEA_GGA == static_cast<int>(NmeaSentence::gga) &&
              DRIVELOG_NMEA_VTG == static_cast<int>(NmeaSentence::vtg));
static_assert(DRIVELOG_NMEA_NOT_VALID == drivelog::logs::kNmeaNotValid &&
              DRIVELOG_NMEA_SPEED_KMH == drivelog::logs::kNmeaSpeedKmh &&
              DRIVELOG_NMEA_SPEED_KNOTS == drivelog::logs::kNmeaSpeedKnots &&
              DRIVELOG_NMEA_NO_DAY == drivelog::logs::kNmeaNoDay);
static_assert(DRIVELOG_NMEA_STOP_FULL == static_cast<int>(drivelog::logs::ScanStop::full) &&
              DRIVELOG_NMEA_STOP_DEFER == static_cast<int>(drivelog::logs::ScanStop::deferred));

}  // namespace

extern "C" int32_t drivelog_nmea_scan(const char* text, size_t length, size_t capacity, uint8_t* sentence,
                                      uint8_t* flags, int32_t* line, double* time_of_day_s, int64_t* day,
                                      double* lat, double* lon, double* speed, double* course_deg, double* hdop,
                                      int64_t* scanned) noexcept {
  if (scanned == nullptr) return DRIVELOG_NMEA_BAD_CALL;
  scanned[0] = 0;
  scanned[1] = 0;
  scanned[2] = 0;
  if ((text == nullptr && length > 0) || length > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return DRIVELOG_NMEA_BAD_CALL;
  }
  if (capacity > 0 && (sentence == nullptr || flags == nullptr || line == nullptr || time_of_day_s == nullptr ||
                       day == nullptr || lat == nullptr || lon == nullptr || speed == nullptr ||
                       course_deg == nullptr || hdop == nullptr)) {
    return DRIVELOG_NMEA_BAD_CALL;
  }
  const drivelog::logs::NmeaRows rows{capacity, reinterpret_cast<NmeaSentence*>(sentence),
                                      flags,    line,
                                      time_of_day_s, day,
                                      lat,      lon,
                                      speed,    course_deg,
                                      hdop};
  const auto result = drivelog::logs::scan_nmea_lines({text == nullptr ? "" : text, length}, rows);
  scanned[0] = static_cast<int64_t>(result.sentences);
  scanned[1] = static_cast<int64_t>(result.lines);
  scanned[2] = static_cast<int64_t>(result.bytes);
  return static_cast<int32_t>(result.stop);
}
