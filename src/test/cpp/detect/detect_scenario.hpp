// Runs matching + detection over a scenario drive and picks violations out of the result.
#pragma once

#include <string>
#include <vector>

#include "detect/detector.hpp"
#include "match/matcher.hpp"
#include "scenario.hpp"

namespace drivelog::detect::test {

// A 2 km straight road between A and B (grid 10 m).
inline constexpr const char* kLongRoad =
    "A----------------------------------------------------------------------------------------------------"
    "----------------------------------------------------------------------------------------------------B";

struct Outcome {
  match::MatchResult match;
  Detections detections;

  [[nodiscard]] std::vector<Violation> of(ViolationType type) const {
    std::vector<Violation> found;
    for (const Violation& v : detections.violations) {
      if (v.type == type) found.push_back(v);
    }
    return found;
  }
};

inline Outcome analyse(const scenario::Scenario& s, const std::vector<match::TracePoint>& points,
                       const DetectConfig& config = {}, const match::MatchConfig& matching = {}) {
  Outcome out;
  match::Matcher matcher(s.map(), matching);
  matcher.match(points, out.match);
  Detector detector(s.map(), config);
  detector.detect(points, out.match, out.detections);
  return out;
}

inline Outcome analyse(const scenario::Scenario& s, const scenario::Drive& d, const DetectConfig& config = {},
                       const match::MatchConfig& matching = {}) {
  return analyse(s, d.points(), config, matching);
}

inline double evidence(const Violation& v, const std::string& key) {
  for (const EvidenceItem& e : v.evidence) {
    if (key == e.key) return e.kind == EvidenceItem::Kind::integer ? static_cast<double>(e.integer) : e.number;
  }
  ADD_FAILURE() << "no evidence " << key;
  return 0;
}

inline std::string evidence_text(const Violation& v, const std::string& key) {
  for (const EvidenceItem& e : v.evidence) {
    if (key == e.key) return e.text;
  }
  ADD_FAILURE() << "no evidence " << key;
  return {};
}

}  // namespace drivelog::detect::test
