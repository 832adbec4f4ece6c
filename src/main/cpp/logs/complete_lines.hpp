// The native scanners' walk over the complete lines of the reader's buffer, shared by the CSV, JSON
// Lines and NMEA scanners: a line ends in '\n', and one '\r' before it is not part of it (as Java's
// LineReader drops it); text after the last '\n' is left for the next call.
#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>

#include "logs/csv_line_scanner.hpp"

namespace drivelog::logs {

// Calls take(start, end, row) for each complete line, row counting from 0, until the rows are full,
// no complete line is left, or take returns false: a line left to Java, before which the walk stops
// (ScanStop::deferred). The result counts the lines taken and the bytes they span, newlines included.
template <class Take>
ScanResult walk_complete_lines(std::string_view text, std::size_t capacity, Take&& take) noexcept {
  ScanResult result;
  const char* const base = text.data();
  const char* const limit = base + text.size();
  while (true) {
    const char* start = base + result.bytes;
    const void* found = start < limit ? std::memchr(start, '\n', static_cast<std::size_t>(limit - start)) : nullptr;
    if (found == nullptr) {
      result.stop = ScanStop::end_of_text;
      return result;
    }
    if (result.lines == capacity) {
      result.stop = ScanStop::full;
      return result;
    }
    const char* newline = static_cast<const char*>(found);
    const char* end = newline > start && newline[-1] == '\r' ? newline - 1 : newline;
    if (!take(start, end, result.lines)) {
      result.stop = ScanStop::deferred;
      return result;
    }
    ++result.lines;
    result.bytes = static_cast<std::size_t>(newline + 1 - base);
  }
}

}  // namespace drivelog::logs
