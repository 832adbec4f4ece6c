/* drivelog C ABI, NMEA 0183 drive logs read natively: the sentences of the common NMEA line scanned
 * where they lie in the Java reader's buffer, one row of decoded fields per RMC, GGA or VTG sentence;
 * the Java reader assembles the epochs from the rows (docs/ARCHITECTURE.md, "NMEA read natively").
 *
 * A line is taken only when every sentence on it has a right two-hex-digit checksum and every field
 * the Java reader (dev.drivelog.logs.NmeaLogParser) could read is what it makes of it, bit for bit;
 * at any other line (a byte outside ASCII, a line without '$' that is not blank, a bad checksum, a
 * field Java refuses or hands to Double.parseDouble) the scan stops before the line, and the caller
 * reads that line itself. Same conventions as drivelog.h: nothing thrown or aborted; no allocation. */
#ifndef DRIVELOG_CAPI_DRIVELOG_NMEA_H
#define DRIVELOG_CAPI_DRIVELOG_NMEA_H

#include <stddef.h>
#include <stdint.h>

#include "capi/drivelog.h"

#ifdef __cplusplus
extern "C" {
#endif

/* sentence[i] of each row. */
#define DRIVELOG_NMEA_RMC 1
#define DRIVELOG_NMEA_GGA 2
#define DRIVELOG_NMEA_VTG 3

/* flags[i] of each row. */
#define DRIVELOG_NMEA_NOT_VALID 1   /* RMC status not A or mode N; GGA quality empty or 0; VTG mode N */
#define DRIVELOG_NMEA_SPEED_KMH 2   /* VTG: speed is its km/h field */
#define DRIVELOG_NMEA_SPEED_KNOTS 4 /* VTG: speed is its knots field (an RMC's speed is always knots) */

/* day[i] of an RMC without a date. */
#define DRIVELOG_NMEA_NO_DAY INT64_MIN

/* Stop codes: those of drivelog_csv_scan. */
#define DRIVELOG_NMEA_STOP_END 0    /* no complete ('\n'-terminated) line left in the text */
#define DRIVELOG_NMEA_STOP_FULL 1   /* the next line's rows do not fit in the columns */
#define DRIVELOG_NMEA_STOP_DEFER 2  /* the next line is the caller's to read */
#define DRIVELOG_NMEA_BAD_CALL (-1) /* a NULL pointer or text over INT32_MAX bytes */

/* Scans the complete lines at the start of text[0, length) (a line ends at '\n'; one '\r' before it
 * is dropped) into the caller's columns, at most `capacity` rows: one per RMC, GGA or VTG sentence
 * taken, in order (other sentences are read past). line is the row's line among those scanned (from
 * 0); time_of_day_s (RMC, GGA) seconds of the day; day (RMC) days since 1970-01-01; lat, lon signed
 * degrees (RMC, GGA; NaN both without a fix); speed the field's value in its unit (RMC: knots; VTG:
 * see flags); course_deg (RMC, VTG); hdop (GGA); NaN where a field is empty or not of that sentence.
 * scanned[0]: rows written; scanned[1]: lines scanned; scanned[2]: their bytes (newlines included),
 * where the caller goes on. Returns a DRIVELOG_NMEA_STOP_* code, or DRIVELOG_NMEA_BAD_CALL with
 * nothing scanned. */
DRIVELOG_API int32_t drivelog_nmea_scan(const char* text, size_t length, size_t capacity, uint8_t* sentence,
                                        uint8_t* flags, int32_t* line, double* time_of_day_s, int64_t* day,
                                        double* lat, double* lon, double* speed, double* course_deg, double* hdop,
                                        int64_t* scanned) DRIVELOG_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif
