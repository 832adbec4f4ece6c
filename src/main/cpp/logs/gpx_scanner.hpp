// The track points of a GPX log read where they lie in the Java reader's buffer, with the results of
// the Java reader (logs/GpxLogParser.java over Aalto, and PointRecord) by construction: a trkpt is
// taken only when Aalto would accept every byte of it and its values come from the Java reader's own
// exact arithmetic (java_decimal.hpp, java_timestamp.hpp). XML has no line to stop before, so the
// scanner keeps the well-formedness state it has checked (the open elements' start tags and the
// namespace prefixes they declare) and stops for good at a *safe point*: between units (a start or
// end tag, a text run, a comment, a whole trkpt) and never inside a trkpt. The caller then hands
// Aalto the open start tags (replayed on one line), the unread bytes and the rest of the input, with
// a line offset, and Aalto reads and reports what the scanner refused as it always did
// (docs/ARCHITECTURE.md, "GPX read natively up to a safe point").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace drivelog::logs {

inline constexpr int kGpxMaxDepth = 32;      // deeper documents are handed to Aalto
inline constexpr int kGpxMaxPrefixes = 32;   // namespace prefixes declared by the open elements
inline constexpr int kGpxMaxTagBytes = 8192; // the open elements' start tags, all together

// Where a scan is between calls; the caller keeps it (zeroed before the first call) and reads
// `phase`, `line_breaks` and the replay from it when the scan stops.
struct GpxScanState {
  std::int32_t phase = 0;        // 0: before the root element, 1: inside it, 2: stopped (hand back)
  std::int32_t depth = 0;        // open elements
  std::int64_t line_breaks = 0;  // line ends (LF, CR LF or a lone CR) before the scanned position
  std::int32_t replay_bytes = 0; // tags[0, replay_bytes): the open start tags, line ends as spaces
  std::int32_t prefix_count = 0;
  std::int32_t tag_end[kGpxMaxDepth] = {};     // element i's tag ends there in tags
  std::int32_t name_length[kGpxMaxDepth] = {}; // its qualified name follows the '<' of its tag
  std::int32_t prefix_depth[kGpxMaxPrefixes] = {};  // the depth of the element declaring it
  std::int32_t prefix_at[kGpxMaxPrefixes] = {};     // its bytes in tags
  std::int32_t prefix_length[kGpxMaxPrefixes] = {};
  char tags[kGpxMaxTagBytes] = {};
};

struct GpxLayout {
  bool zone_is_utc = true;      // a time without a zone is UTC (else such a point is Aalto's)
  bool split_segments = false;  // logs.split_gpx_segments: </trkseg> and </trk> end the trip
  double hdop_uere_m = 0;
};

enum class GpxEntry : std::uint8_t { point = 1, boundary = 2 };

// The entries of one scan, in document order: points (every column set; line: the trkpt's start
// tag's line) and trip boundaries (no column set).
struct GpxRows {
  std::size_t capacity = 0;
  double* time_s = nullptr;
  double* lat = nullptr;
  double* lon = nullptr;
  float* speed_mps = nullptr;  // NaN where not given; likewise heading and accuracy
  float* heading_deg = nullptr;
  float* accuracy_m = nullptr;
  std::int64_t* line = nullptr;
  GpxEntry* entry = nullptr;
};

enum class GpxStop : std::uint8_t {
  more = 0,       // the rest of the text holds no complete unit: call again with more
  full = 1,       // `capacity` entries written
  hand_back = 2,  // stopped for good: the rest is Aalto's (state.phase is 2)
};

struct GpxScanResult {
  GpxStop stop = GpxStop::more;
  std::size_t entries = 0;
  std::size_t bytes = 0;               // text[0, bytes) is read; the next call starts after it
  std::int64_t last_point_end_line = 0; // the line of the last point's </trkpt>, 0: no point
};

// Scans text (the unread input from the scanned position on) from `state`, which it updates to the
// position it returns. Neither allocates nor throws.
GpxScanResult scan_gpx(std::string_view text, const GpxLayout& layout, GpxScanState& state,
                       const GpxRows& rows) noexcept;

}  // namespace drivelog::logs
