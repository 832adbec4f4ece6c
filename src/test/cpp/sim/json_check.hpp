// A strict JSON syntax check for tests (the project has no C++ JSON library): true if `text` is
// exactly one JSON value with optional surrounding whitespace.
#pragma once

#include <string_view>

namespace drivelog::sim::test {

bool is_valid_json(std::string_view text);

}  // namespace drivelog::sim::test
