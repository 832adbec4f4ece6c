// A number of a truth violation's evidence, by key; a test failure when it is missing.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "sim/truth.hpp"

namespace drivelog::sim::test {

inline double evidence(const TruthViolation& v, const std::string& key) {
  for (const auto& field : v.evidence) {
    if (field.key == key) return field.number;
  }
  ADD_FAILURE() << "no evidence " << key;
  return 0;
}

}  // namespace drivelog::sim::test
