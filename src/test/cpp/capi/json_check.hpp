// A strict JSON syntax check for tests (RFC 8259 grammar; no values are built).
#pragma once

#include <string>
#include <string_view>

namespace drivelog::test {

// Empty when `text` is exactly one valid JSON value, else where and what went wrong.
std::string json_syntax_error(std::string_view text);

}  // namespace drivelog::test
