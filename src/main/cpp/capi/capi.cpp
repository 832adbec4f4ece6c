#include "capi/drivelog.h"

extern "C" int32_t drivelog_abi_version(void) { return DRIVELOG_ABI_VERSION; }

extern "C" const char* drivelog_version(void) { return DRIVELOG_VERSION; }
