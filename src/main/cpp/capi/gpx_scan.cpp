// drivelog_gpx_scan (capi/drivelog_gpx.h): checks the call and hands the scan to logs/gpx_scanner,
// which neither allocates nor throws. The state block is the scanner's GpxScanState in the caller's
// memory (a Java byte[] passed in place): its layout is pinned here.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>

#include "capi/drivelog_gpx.h"
#include "logs/gpx_scanner.hpp"

namespace {

using drivelog::logs::GpxScanState;

static_assert(sizeof(GpxScanState) == DRIVELOG_GPX_STATE_BYTES && alignof(GpxScanState) <= 8);
static_assert(offsetof(GpxScanState, phase) == DRIVELOG_GPX_STATE_PHASE &&
              offsetof(GpxScanState, line_breaks) == DRIVELOG_GPX_STATE_LINE_BREAKS &&
              offsetof(GpxScanState, replay_bytes) == DRIVELOG_GPX_STATE_REPLAY_BYTES &&
              offsetof(GpxScanState, tags) == DRIVELOG_GPX_STATE_REPLAY);
static_assert(DRIVELOG_GPX_POINT == static_cast<int>(drivelog::logs::GpxEntry::point) &&
              DRIVELOG_GPX_BOUNDARY == static_cast<int>(drivelog::logs::GpxEntry::boundary));
static_assert(DRIVELOG_GPX_STOP_HAND_BACK == static_cast<int>(drivelog::logs::GpxStop::hand_back) &&
              DRIVELOG_GPX_STOP_FULL == static_cast<int>(drivelog::logs::GpxStop::full));
// Written field by field by the Java side (NativeGpxScanner).
static_assert(offsetof(drivelog_gpx_layout, split_segments) == 4 && offsetof(drivelog_gpx_layout, hdop_uere_m) == 8 &&
              sizeof(drivelog_gpx_layout) == 16);

}  // namespace

extern "C" int32_t drivelog_gpx_scan(const drivelog_gpx_layout* layout, uint8_t* state, size_t state_length,
                                     const char* text, size_t length, size_t capacity, double* time_s, double* lat,
                                     double* lon, float* speed_mps, float* heading_deg, float* accuracy_m,
                                     int64_t* line, uint8_t* entry, int64_t* scanned) noexcept {
  if (scanned == nullptr) return DRIVELOG_GPX_BAD_CALL;
  scanned[0] = 0;
  scanned[1] = 0;
  scanned[2] = 0;
  if (layout == nullptr || state == nullptr || state_length != DRIVELOG_GPX_STATE_BYTES ||
      reinterpret_cast<std::uintptr_t>(state) % alignof(GpxScanState) != 0 || (text == nullptr && length > 0) ||
      length > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return DRIVELOG_GPX_BAD_CALL;
  }
  if (capacity > 0 && (time_s == nullptr || lat == nullptr || lon == nullptr || speed_mps == nullptr ||
                       heading_deg == nullptr || accuracy_m == nullptr || line == nullptr || entry == nullptr)) {
    return DRIVELOG_GPX_BAD_CALL;
  }
  drivelog::logs::GpxLayout chosen;
  chosen.zone_is_utc = layout->zone_is_utc != 0;
  chosen.split_segments = layout->split_segments != 0;
  chosen.hdop_uere_m = layout->hdop_uere_m;
  const drivelog::logs::GpxRows rows{capacity,   time_s,      lat,        lon,  speed_mps,
                                     heading_deg, accuracy_m, line, reinterpret_cast<drivelog::logs::GpxEntry*>(entry)};
  // The block is the caller's bytes; the scanner's struct has no invariant beyond its fields' ranges,
  // which it keeps itself (a block it did not write is only ever zeroed by the caller).
  auto* scan_state = std::launder(reinterpret_cast<GpxScanState*>(state));
  const auto result = drivelog::logs::scan_gpx({text == nullptr ? "" : text, length}, chosen, *scan_state, rows);
  scanned[0] = static_cast<int64_t>(result.entries);
  scanned[1] = static_cast<int64_t>(result.bytes);
  scanned[2] = result.last_point_end_line;
  return static_cast<int32_t>(result.stop);
}
