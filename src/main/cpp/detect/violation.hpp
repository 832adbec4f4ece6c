// A detected violation with its evidence, as the result JSON reports it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace drivelog::detect {

// The kinds of finding: the violations of the law, then the driving events (how the car was driven,
// never a legal violation; reported in the result's `events`, not `violations`).
enum class ViolationType : uint8_t {
  speeding,
  stop_sign,
  wrong_way,
  no_entry,
  turn_restriction,
  harsh_braking,
  harsh_acceleration,
  harsh_cornering,
  curve_overspeed,
};

// The type's name in the result format.
const char* type_name(ViolationType type);

// How bad a finding is; `none` for types that are not graded (written as null).
enum class Severity : uint8_t { none, light, moderate, heavy, severe };
const char* severity_name(Severity severity);  // nullptr for none

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
  Severity severity = Severity::none;
  std::vector<EvidenceItem> evidence;
};

// Stop signs the trip passed, and what became of each.
struct StopSignCounts {
  uint32_t passed = 0;
  uint32_t stopped = 0;
  uint32_t violations = 0;
  uint32_t undecided = 0;  // too few fixes near the line to tell
};

// How much of the trip the braking, acceleration and cornering events could be judged for: they
// need trusted reported speeds at fixes close enough in time; the rest is undecided, not guessed.
struct EventCoverage {
  double decided_s = 0;
  double undecided_s = 0;
  const char* undecided_reason = nullptr;  // why most of the undecided time was (a string literal)
  // curve_overspeed: curves whose core speed was measured (reported speeds) or proven over the
  // allowed speed (events.curve_without_dense_speeds), and curves left undecided (neither).
  uint32_t curves_judged = 0;
  uint32_t curves_undecided = 0;
};

struct Detections {
  std::vector<Violation> violations;
  std::vector<Violation> events;  // driving events, same shape as violations
  StopSignCounts stop_signs;
  EventCoverage event_coverage;

  void clear() {
    violations.clear();
    events.clear();
    stop_signs = StopSignCounts{};
    event_coverage = EventCoverage{};
  }
};

}  // namespace drivelog::detect
