#include "capi/drivelog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

TEST(Capi, abiVersion_matchesHeader) { EXPECT_EQ(drivelog_abi_version(), DRIVELOG_ABI_VERSION); }

TEST(Capi, version_isSemver) {
  const std::string version = drivelog_version();
  EXPECT_EQ(std::count(version.begin(), version.end(), '.'), 2) << version;
}
