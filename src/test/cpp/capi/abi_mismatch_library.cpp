// A stand-in for libdrivelog.so built from another ABI version: it exports the version probe and
// nothing else. NativeLibraryTest loads it to check that the JVM side refuses such a library, with a
// message naming the file and both versions, before calling anything else in it.
#include <cstdint>

extern "C" __attribute__((visibility("default"))) int32_t drivelog_abi_version(void);

extern "C" int32_t drivelog_abi_version(void) { return 999; }
