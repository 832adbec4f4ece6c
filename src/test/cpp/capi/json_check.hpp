// A strict JSON syntax check for tests (RFC 8259 grammar; no values are built).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace drivelog::test {

// Empty when `text` is exactly one valid JSON value, else where and what went wrong. With
// `null_paths`, also appends where each null stands, as member names joined by '.' with "[]" for
// an array element, e.g. "summary.start_time" or "violations[].evidence.limit_kmh".
std::string json_syntax_error(std::string_view text, std::vector<std::string>* null_paths = nullptr);

}  // namespace drivelog::test
