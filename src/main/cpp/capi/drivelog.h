/* drivelog C ABI: the only interface the Java side (FFM) sees.
 *
 * Stability: DRIVELOG_ABI_VERSION changes whenever a signature or struct layout here changes;
 * callers check drivelog_abi_version() before anything else. No function here throws or aborts
 * on bad input: failures are status codes with a message. */
#ifndef DRIVELOG_CAPI_DRIVELOG_H
#define DRIVELOG_CAPI_DRIVELOG_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DRIVELOG_ABI_VERSION 1

/* The library is built with hidden visibility; only what is marked here is exported. */
#define DRIVELOG_API __attribute__((visibility("default")))

/* The ABI version this library was built with; compare with DRIVELOG_ABI_VERSION. */
DRIVELOG_API int32_t drivelog_abi_version(void);

/* The library's release version, e.g. "0.1.0"; a static string owned by the library. */
DRIVELOG_API const char* drivelog_version(void);

#ifdef __cplusplus
}
#endif

#endif
