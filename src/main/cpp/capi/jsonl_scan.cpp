// drivelog_jsonl_scan (capi/drivelog_jsonl.h): checks the caller's layout and key table and hands the
// scan to logs/json_line_scanner, which neither allocates nor throws.
#include <cstddef>
#include <limits>

#include "capi/drivelog_jsonl.h"
#include "logs/json_line_scanner.hpp"

namespace {

using drivelog::logs::JsonField;

static_assert(DRIVELOG_JSONL_TIME == static_cast<int>(JsonField::time) &&
              DRIVELOG_JSONL_SPEED == static_cast<int>(JsonField::speed) &&
              DRIVELOG_JSONL_VEHICLE == static_cast<int>(JsonField::vehicle) &&
              DRIVELOG_JSONL_VALID == drivelog::logs::kMaxJsonField);
static_assert(DRIVELOG_JSONL_TRACCAR_TIME == drivelog::logs::kTraccarTimeKey &&
              DRIVELOG_JSONL_MAX_KEYS == drivelog::logs::kMaxJsonKeys &&
              DRIVELOG_JSONL_MAX_KEY_BYTES == drivelog::logs::kMaxJsonKeyBytes);
// The layout is written field by field by the Java side (NativeJsonLinesScanner): these offsets are its.
static_assert(offsetof(drivelog_jsonl_layout, hdop_uere_m) == 8 && offsetof(drivelog_jsonl_layout, speed_factor) == 16 &&
              offsetof(drivelog_jsonl_layout, mph_factor) == 40 && sizeof(drivelog_jsonl_layout) == 48);

}  // namespace

extern "C" int32_t drivelog_jsonl_scan(const drivelog_jsonl_layout* layout, const uint8_t* keys, size_t keys_length,
                                       const char* text, size_t length, size_t capacity, double* time_s, double* lat,
                                       double* lon, float* speed_mps, float* heading_deg, float* accuracy_m,
                                       int32_t* vehicle_at, int32_t* vehicle_length, uint8_t* line_kind,
                                       int64_t* scanned) noexcept {
  if (scanned == nullptr) return DRIVELOG_CSV_BAD_CALL;
  scanned[0] = 0;
  scanned[1] = 0;
  if (layout == nullptr || (keys == nullptr && keys_length > 0) || (text == nullptr && length > 0) ||
      length > std::numeric_limits<int32_t>::max()) {
    return DRIVELOG_CSV_BAD_CALL;
  }
  if (capacity > 0 && (time_s == nullptr || lat == nullptr || lon == nullptr || speed_mps == nullptr ||
                       heading_deg == nullptr || accuracy_m == nullptr || vehicle_at == nullptr ||
                       vehicle_length == nullptr || line_kind == nullptr)) {
    return DRIVELOG_CSV_BAD_CALL;
  }
  drivelog::logs::JsonKeyTable table;
  if (!table.load(keys, keys_length)) return DRIVELOG_CSV_BAD_CALL;
  drivelog::logs::JsonLayout chosen;
  chosen.zone_is_utc = layout->zone_is_utc != 0;
  chosen.hdop_uere_m = layout->hdop_uere_m;
  chosen.speed_factor = layout->speed_factor;
  chosen.kmh_factor = layout->kmh_factor;
  chosen.knots_factor = layout->knots_factor;
  chosen.mph_factor = layout->mph_factor;
  const drivelog::logs::CsvRows rows{capacity,   time_s,     lat,        lon,
                                     speed_mps,  heading_deg, accuracy_m, vehicle_at,
                                     vehicle_length, reinterpret_cast<drivelog::logs::LineKind*>(line_kind)};
  const auto result = drivelog::logs::scan_json_lines({text == nullptr ? "" : text, length}, chosen, table, rows);
  scanned[0] = static_cast<int64_t>(result.lines);
  scanned[1] = static_cast<int64_t>(result.bytes);
  return static_cast<int32_t>(result.stop);
}
