// drivelog_csv_scan (capi/drivelog_csv.h): checks the caller's layout and hands the scan to
// logs/csv_line_scanner, which neither allocates nor throws.
#include <cstddef>
#include <limits>

#include "capi/drivelog_csv.h"
#include "logs/csv_line_scanner.hpp"

namespace {

using drivelog::logs::ColumnKind;

static_assert(DRIVELOG_CSV_MAX_COLUMNS == drivelog::logs::kMaxCsvColumns);
static_assert(DRIVELOG_CSV_TIME == static_cast<int>(ColumnKind::time) &&
              DRIVELOG_CSV_VALID == static_cast<int>(ColumnKind::valid) &&
              DRIVELOG_CSV_SPEED == static_cast<int>(ColumnKind::speed));
static_assert(DRIVELOG_CSV_LINE_POINT == static_cast<int>(drivelog::logs::LineKind::point) &&
              DRIVELOG_CSV_LINE_INVALID_FIX == static_cast<int>(drivelog::logs::LineKind::invalid_fix));
// The layout is written field by field by the Java side (NativeCsvScanner): these offsets are its.
static_assert(offsetof(drivelog_csv_layout, hdop_uere_m) == 16 && offsetof(drivelog_csv_layout, kinds) == 24 &&
              offsetof(drivelog_csv_layout, speed_factor) == 88 && sizeof(drivelog_csv_layout) == 600);

bool layout_from(const drivelog_csv_layout& in, drivelog::logs::CsvLayout& out) noexcept {
  if (in.column_count < 1 || in.column_count > DRIVELOG_CSV_MAX_COLUMNS || in.needed_fields < 0 ||
      in.delimiter <= 0 || in.delimiter >= 0x80 || in.delimiter == '"' || in.delimiter == '\r' ||
      in.delimiter == '\n') {
    return false;
  }
  out.delimiter = static_cast<char>(in.delimiter);
  out.column_count = in.column_count;
  out.needed_fields = in.needed_fields;
  out.zone_is_utc = in.zone_is_utc != 0;
  out.hdop_uere_m = in.hdop_uere_m;
  for (std::size_t i = 0; i < DRIVELOG_CSV_MAX_COLUMNS; ++i) {
    if (in.kinds[i] > DRIVELOG_CSV_VALID) return false;
    out.kinds[i] = static_cast<ColumnKind>(in.kinds[i]);
    out.speed_factor[i] = in.speed_factor[i];
  }
  return true;
}

}  // namespace

extern "C" int32_t drivelog_csv_scan(const drivelog_csv_layout* layout, const char* text, size_t length,
                                     size_t capacity, double* time_s, double* lat, double* lon, float* speed_mps,
                                     float* heading_deg, float* accuracy_m, int32_t* vehicle_at,
                                     int32_t* vehicle_length, uint8_t* line_kind, int64_t* scanned) noexcept {
  if (scanned == nullptr) return DRIVELOG_CSV_BAD_CALL;
  scanned[0] = 0;
  scanned[1] = 0;
  drivelog::logs::CsvLayout chosen;
  if (layout == nullptr || (text == nullptr && length > 0) || length > std::numeric_limits<int32_t>::max() ||
      !layout_from(*layout, chosen)) {
    return DRIVELOG_CSV_BAD_CALL;
  }
  if (capacity > 0 && (time_s == nullptr || lat == nullptr || lon == nullptr || speed_mps == nullptr ||
                       heading_deg == nullptr || accuracy_m == nullptr || vehicle_at == nullptr ||
                       vehicle_length == nullptr || line_kind == nullptr)) {
    return DRIVELOG_CSV_BAD_CALL;
  }
  const drivelog::logs::CsvRows rows{capacity,   time_s,     lat,        lon,
                                     speed_mps,  heading_deg, accuracy_m, vehicle_at,
                                     vehicle_length, reinterpret_cast<drivelog::logs::LineKind*>(line_kind)};
  const auto result = drivelog::logs::scan_csv_lines({text == nullptr ? "" : text, length}, chosen, rows);
  scanned[0] = static_cast<int64_t>(result.lines);
  scanned[1] = static_cast<int64_t>(result.bytes);
  return static_cast<int32_t>(result.stop);
}
