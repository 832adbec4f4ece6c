/* drivelog C ABI, map context for reports: the roads and stop signs inside a box, as JSON.
 *
 * Separate from drivelog.h (the analysis ABI) so that the report can evolve on its own; the same
 * conventions apply: no function throws or aborts, failures are status codes with a message. */
#ifndef DRIVELOG_CAPI_DRIVELOG_ROADS_H
#define DRIVELOG_CAPI_DRIVELOG_ROADS_H

#include <stddef.h>
#include <stdint.h>

#include "capi/drivelog.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes the roads (edges) and stop signs of the map file `map_path` that lie inside the box
 * [min_lat, max_lat] x [min_lon, max_lon] as compact JSON into `buffer`:
 *   {"edges":[{"way":123,"class":"residential","name":"Main St","oneway":1,
 *              "limit_fwd_kmh":50,"limit_bwd_kmh":50,"shape":[lat,lon,lat,lon,...]}, ...],
 *    "stops":[{"node":456,"lat":..,"lon":..,"way":123}, ...],"omitted_edges":0}
 * `oneway` is 1 (only from the first shape point towards the last), -1 (only the other way) or
 * 0 (both ways); a limit of 0 is unknown, -1 unlimited. At most `max_edges` edges are written, the
 * most important classes first; `omitted_edges` counts the rest.
 * Returns DRIVELOG_OK and sets *needed to the JSON's length (excluding NUL); when that is
 * >= buffer_len the text was truncated and the caller should call again with a larger buffer.
 * The map is opened (mmapped, O(1)) for the call and closed again. */
DRIVELOG_API int32_t drivelog_map_roads_json(const char* map_path, double min_lat, double min_lon, double max_lat,
                                             double max_lon, uint32_t max_edges, char* buffer, size_t buffer_len,
                                             size_t* needed, char* error, size_t error_len) DRIVELOG_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif
