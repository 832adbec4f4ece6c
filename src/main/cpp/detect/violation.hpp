// A detected violation with its evidence, as the result JSON reports it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace drivelog::detect {

enum class ViolationType : uint8_t { speeding, stop_sign, wrong_way, no_entry, turn_restriction };

// The type's name in the result format.
const char* type_name(ViolationType type);

// One evidence value: a number (rounded to `decimals` when written), an integer id, or text.
struct EvidenceItem {
  enum class Kind : uint8_t { number, integer, text };
  const char* key = "";  // a string literal
  Kind kind = Kind::number;
  double number = 0;
  int decimals = 1;
  int64_t integer = 0;
  std::string text;

  static EvidenceItem of_number(const char* key, double value, int decimals = 1) {
    EvidenceItem e;
    e.key = key;
    e.number = value;
    e.decimals = decimals;
    return e;
  }
  static EvidenceItem of_integer(const char* key, int64_t value) {
    EvidenceItem e;
    e.key = key;
    e.kind = Kind::integer;
    e.integer = value;
    return e;
  }
  static EvidenceItem of_text(const char* key, std::string value) {
    EvidenceItem e;
    e.key = key;
    e.kind = Kind::text;
    e.text = std::move(value);
    return e;
  }
};

struct Violation {
  ViolationType type = ViolationType::speeding;
  double start_time_s = 0;
  double end_time_s = 0;
  double lat = 0;  // where it starts (a stop sign: the sign)
  double lon = 0;
  std::vector<int64_t> osm_way_ids;
  std::string road_name;
  double confidence = 0;  // [0, 1]
  std::vector<EvidenceItem> evidence;
};

// Stop signs the trip passed, and what became of each.
struct StopSignCounts {
  uint32_t passed = 0;
  uint32_t stopped = 0;
  uint32_t violations = 0;
  uint32_t undecided = 0;  // too few fixes near the line to tell
};

struct Detections {
  std::vector<Violation> violations;
  StopSignCounts stop_signs;

  void clear() {
    violations.clear();
    stop_signs = StopSignCounts{};
  }
};

}  // namespace drivelog::detect
