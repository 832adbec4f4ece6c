/* drivelog C ABI, CSV drive logs read natively: the common line of a CSV log scanned where it lies
 * in the Java reader's buffer, its values handed back as columns (docs/ARCHITECTURE.md, "CSV lines
 * read natively").
 *
 * The scanner takes a line only when its values are exactly those the Java reader
 * (dev.drivelog.logs.CsvLogParser) would produce, bit for bit; at any other line (a quoted field,
 * a byte outside ASCII, a number or time it does not parse the Java way, a malformed line) it stops
 * before the line and says so, and the caller reads that line itself. Same conventions as
 * drivelog.h: nothing thrown or aborted; no allocation. */
#ifndef DRIVELOG_CAPI_DRIVELOG_CSV_H
#define DRIVELOG_CAPI_DRIVELOG_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "capi/drivelog.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DRIVELOG_CSV_MAX_COLUMNS 64

/* What a column means (layout.kinds): dev.drivelog.logs.FieldName. A date column is IGNORED (it only
 * joins a time of day, a form the scanner leaves to the caller). */
#define DRIVELOG_CSV_IGNORED 0
#define DRIVELOG_CSV_TIME 1      /* epoch s/ms/us or ISO-8601 with Z, UTC, GMT, an offset (or none, zone UTC) */
#define DRIVELOG_CSV_LAT 2
#define DRIVELOG_CSV_LON 3
#define DRIVELOG_CSV_SPEED 4     /* times layout.speed_factor[column]: m/s */
#define DRIVELOG_CSV_HEADING 5
#define DRIVELOG_CSV_ACCURACY 6
#define DRIVELOG_CSV_HDOP 7      /* accuracy = hdop x layout.hdop_uere_m where no accuracy is given */
#define DRIVELOG_CSV_VEHICLE 8   /* handed back as the field's place in the text */
#define DRIVELOG_CSV_VALID 9     /* "0" or "false" (any case): the line is an invalid fix */

/* How the header's columns are read. */
typedef struct drivelog_csv_layout {
  int32_t column_count;  /* 1..DRIVELOG_CSV_MAX_COLUMNS: the header's columns up to the last one read */
  int32_t needed_fields; /* a line with fewer fields is left to the caller (it is malformed) */
  int32_t delimiter;     /* an ASCII byte other than '"', '\r' and '\n' */
  int32_t zone_is_utc;   /* 1: an ISO time without a zone is UTC; 0: such a line is left to the caller */
  double hdop_uere_m;
  uint8_t kinds[DRIVELOG_CSV_MAX_COLUMNS];
  double speed_factor[DRIVELOG_CSV_MAX_COLUMNS];
} drivelog_csv_layout;

/* line_kind[i] of each line scanned. */
#define DRIVELOG_CSV_LINE_POINT 1       /* a fix: every column is set */
#define DRIVELOG_CSV_LINE_SKIPPED 2     /* blank, or a comment ('#' first) */
#define DRIVELOG_CSV_LINE_INVALID_FIX 3 /* the valid column says false: no other column is set */

/* Why drivelog_csv_scan stopped. */
#define DRIVELOG_CSV_STOP_END 0      /* no complete ('\n'-terminated) line left in the text */
#define DRIVELOG_CSV_STOP_FULL 1     /* `capacity` lines scanned */
#define DRIVELOG_CSV_STOP_DEFER 2    /* the next line is the caller's to read */
#define DRIVELOG_CSV_BAD_CALL (-1)   /* a NULL pointer, a layout out of range or text over INT32_MAX bytes */

/* Scans the complete lines at the start of text[0, length) (a line ends at '\n'; one '\r' before it
 * is dropped) into the caller's columns, at most `capacity` lines: entry i of each column is the
 * i-th line. Times are seconds since the epoch (UTC); speed_mps, heading_deg and accuracy_m are NaN
 * where not reported; vehicle_at is the vehicle field's offset in `text` (blanks kept, -1 when the
 * layout has none) and vehicle_length its length. scanned[0] is set to the lines scanned and
 * scanned[1] to their bytes (newlines included), where the caller goes on. Returns a
 * DRIVELOG_CSV_STOP_* code, or DRIVELOG_CSV_BAD_CALL with nothing scanned. */
DRIVELOG_API int32_t drivelog_csv_scan(const drivelog_csv_layout* layout, const char* text, size_t length,
                                       size_t capacity, double* time_s, double* lat, double* lon, float* speed_mps,
                                       float* heading_deg, float* accuracy_m, int32_t* vehicle_at,
                                       int32_t* vehicle_length, uint8_t* line_kind,
                                       int64_t* scanned) DRIVELOG_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif
