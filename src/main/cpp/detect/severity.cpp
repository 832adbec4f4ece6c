#include "detect/severity.hpp"

namespace drivelog::detect {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::none: return nullptr;
    case Severity::light: return "light";
    case Severity::moderate: return "moderate";
    case Severity::heavy: return "heavy";
    case Severity::severe: return "severe";
  }
  return nullptr;
}

Severity event_severity(double ratio, const EventsConfig& config) {
  if (ratio >= config.severe_ratio) return Severity::severe;
  if (ratio >= config.heavy_ratio) return Severity::heavy;
  if (ratio >= config.moderate_ratio) return Severity::moderate;
  return Severity::light;
}

Severity speeding_severity(double limit_kmh, double held_speed_kmh, const SpeedingSeverityConfig& config) {
  const double excess = held_speed_kmh - limit_kmh;
  const double percent = limit_kmh > 0 ? excess / limit_kmh * 100 : 0;
  auto reaches = [&](double kmh, double pct) { return excess >= kmh && percent >= pct; };
  if (reaches(config.severe_kmh, config.severe_percent)) return Severity::severe;
  if (reaches(config.heavy_kmh, config.heavy_percent)) return Severity::heavy;
  if (reaches(config.moderate_kmh, config.moderate_percent)) return Severity::moderate;
  return Severity::light;
}

}  // namespace drivelog::detect
