/* drivelog C ABI, JSON Lines drive logs read natively: the common line of a JSON Lines log (one flat
 * JSON object per line) scanned where it lies in the Java reader's buffer, its values handed back in
 * the CSV scanner's columns (docs/ARCHITECTURE.md, "JSON Lines read natively").
 *
 * The scanner takes a line only when Jackson accepts it and its values are exactly those the Java
 * reader (dev.drivelog.logs.JsonLinesLogParser) would produce, bit for bit; at any other line (an
 * escape, a byte outside ASCII, a key not in the caller's table, a number or time it does not parse
 * the Java way, a malformed line) it stops before the line and says so, and the caller reads that
 * line itself. Line kinds and stop codes are those of drivelog_csv.h. Same conventions as
 * drivelog.h: nothing thrown or aborted; no allocation. */
#ifndef DRIVELOG_CAPI_DRIVELOG_JSONL_H
#define DRIVELOG_CAPI_DRIVELOG_JSONL_H

#include <stddef.h>
#include <stdint.h>

#include "capi/drivelog.h"
#include "capi/drivelog_csv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a key means (a key table entry's field): dev.drivelog.logs.FieldName. */
#define DRIVELOG_JSONL_IGNORED 0
#define DRIVELOG_JSONL_TIME 1        /* a text (as DRIVELOG_CSV_TIME) or an epoch number */
#define DRIVELOG_JSONL_DATE 2        /* a text value is ignored (it only joins a time of day, left to the caller) */
#define DRIVELOG_JSONL_LAT 3
#define DRIVELOG_JSONL_LON 4
#define DRIVELOG_JSONL_SPEED 5       /* plain: knots in a Traccar-style record, else layout.speed_factor */
#define DRIVELOG_JSONL_SPEED_MPS 6
#define DRIVELOG_JSONL_SPEED_KMH 7
#define DRIVELOG_JSONL_SPEED_KNOTS 8
#define DRIVELOG_JSONL_SPEED_MPH 9
#define DRIVELOG_JSONL_HEADING 10
#define DRIVELOG_JSONL_ACCURACY 11
#define DRIVELOG_JSONL_HDOP 12       /* accuracy = hdop x layout.hdop_uere_m where no accuracy is given */
#define DRIVELOG_JSONL_VEHICLE 13    /* handed back as the text's place: a string's content or an integer's digits */
#define DRIVELOG_JSONL_VALID 14      /* false, 0 or "false"/"0" (any case): the line is an invalid fix */

/* A key table entry's flags: a Traccar time key (fixTime, deviceTime, serverTime). */
#define DRIVELOG_JSONL_TRACCAR_TIME 1

/* The most entries a key table holds, and the longest key. */
#define DRIVELOG_JSONL_MAX_KEYS 1024
#define DRIVELOG_JSONL_MAX_KEY_BYTES 255

/* How values are read; every factor is m/s per unit (SpeedUnit.toMps(1.0)). */
typedef struct drivelog_jsonl_layout {
  int32_t zone_is_utc; /* 1: an ISO time without a zone is UTC; 0: such a line is left to the caller */
  int32_t reserved;    /* 0 */
  double hdop_uere_m;
  double speed_factor; /* a plain speed outside a Traccar-style record (logs.speed_unit) */
  double kmh_factor;
  double knots_factor; /* also a plain speed in a Traccar-style record */
  double mph_factor;
} drivelog_jsonl_layout;

/* Scans the complete lines at the start of text[0, length) as drivelog_csv_scan does, with the keys
 * of `keys[0, keys_length)`: entries of [key length][field][flags][key bytes] one after the other,
 * each key as its bytes between the quotes (without escapes), each at most once. A line with a key
 * not in the table (outside nested values) is left to the caller. Returns a DRIVELOG_CSV_STOP_* code,
 * or DRIVELOG_CSV_BAD_CALL with nothing scanned (also for a malformed table). */
DRIVELOG_API int32_t drivelog_jsonl_scan(const drivelog_jsonl_layout* layout, const uint8_t* keys, size_t keys_length,
                                         const char* text, size_t length, size_t capacity, double* time_s,
                                         double* lat, double* lon, float* speed_mps, float* heading_deg,
                                         float* accuracy_m, int32_t* vehicle_at, int32_t* vehicle_length,
                                         uint8_t* line_kind, int64_t* scanned) DRIVELOG_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif
