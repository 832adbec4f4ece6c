/* drivelog C ABI, GPX drive logs read natively up to a safe point: the track points of a GPX log
 * scanned where they lie in the Java reader's buffer, with the values the Java reader
 * (dev.drivelog.logs.GpxLogParser over Aalto) would produce, bit for bit (docs/ARCHITECTURE.md,
 * "GPX read natively up to a safe point").
 *
 * The scan keeps the well-formedness state it has checked in the caller's state block (the open
 * elements' start tags, the namespace prefixes they declare, the line) and takes the document unit by
 * unit (a tag, a text run, a comment, a whole trkpt). At anything it does not take exactly as Aalto
 * and the Java reader would (a DOCTYPE, another encoding, a reference it does not decode, CDATA, a
 * processing instruction, an undeclared prefix, a bad value, a trkpt without time, the root's end,
 * ...) it stops for good before that unit, never inside a trkpt, and the caller hands Aalto the
 * replay (the open start tags, line ends turned into spaces), the unread text and the rest of the
 * input, adding the state's line breaks to every line Aalto reports. Same conventions as
 * drivelog.h: nothing thrown or aborted; no allocation. */
#ifndef DRIVELOG_CAPI_DRIVELOG_GPX_H
#define DRIVELOG_CAPI_DRIVELOG_GPX_H

#include <stddef.h>
#include <stdint.h>

#include "capi/drivelog.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The state block the caller keeps between calls, zeroed before the first: its fields at these
 * offsets, the rest private. */
#define DRIVELOG_GPX_STATE_BYTES 8856
#define DRIVELOG_GPX_STATE_PHASE 0        /* int32: 0 before the root, 1 inside it, 2 stopped for good */
#define DRIVELOG_GPX_STATE_LINE_BREAKS 8  /* int64: line ends before the scanned position */
#define DRIVELOG_GPX_STATE_REPLAY_BYTES 16 /* int32: how many bytes of replay follow at ..._REPLAY */
#define DRIVELOG_GPX_STATE_REPLAY 664     /* the open elements' start tags, on one line */

/* An entry's kind. */
#define DRIVELOG_GPX_POINT 1    /* a point: every column is set (NaN where not given) */
#define DRIVELOG_GPX_BOUNDARY 2 /* </trkseg> or </trk> with split_segments: the trip ends */

/* Stop codes. */
#define DRIVELOG_GPX_STOP_MORE 0      /* no complete unit left in the text: call again with more */
#define DRIVELOG_GPX_STOP_FULL 1      /* `capacity` entries written */
#define DRIVELOG_GPX_STOP_HAND_BACK 2 /* stopped for good: the rest is the caller's (Aalto's) */
#define DRIVELOG_GPX_BAD_CALL (-1)    /* a NULL pointer, a state block of another size or text over INT32_MAX bytes */

typedef struct drivelog_gpx_layout {
  int32_t zone_is_utc;    /* 1: a time without a zone is UTC; 0: such a point is the caller's */
  int32_t split_segments; /* 1: </trkseg> and </trk> are entries (logs.split_gpx_segments) */
  double hdop_uere_m;     /* accuracy = hdop x this */
} drivelog_gpx_layout;

/* Scans text[0, length), the input from the position the state is at. scanned[0]: entries written;
 * scanned[1]: bytes read (the next call starts after them); scanned[2]: the line of the last
 * point's </trkpt> (0: no point). Returns a DRIVELOG_GPX_STOP_* code or DRIVELOG_GPX_BAD_CALL. */
DRIVELOG_API int32_t drivelog_gpx_scan(const drivelog_gpx_layout* layout, uint8_t* state, size_t state_length,
                                       const char* text, size_t length, size_t capacity, double* time_s,
                                       double* lat, double* lon, float* speed_mps, float* heading_deg,
                                       float* accuracy_m, int64_t* line, uint8_t* entry,
                                       int64_t* scanned) DRIVELOG_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif
