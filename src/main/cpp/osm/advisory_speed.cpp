#include "osm/advisory_speed.hpp"

#include "osm/maxspeed.hpp"

namespace drivelog::osm {
namespace {

// The value of one key in tenths of km/h; kSpeedUnknown when absent, variable or unreadable.
uint16_t read(const Tags& tags, std::string_view key, TagProblems& problems, WayAdvisorySpeed& out) {
  const std::optional<std::string_view> raw = tags.get(key);
  if (!raw) return map::kSpeedUnknown;
  const SpeedValue v = parse_maxspeed(*raw);
  if (v.kind == SpeedValue::Kind::variable) return map::kSpeedUnknown;
  // A plain number: a country-coded value is a legal zone, `none` no number at all.
  const bool number = v.kind == SpeedValue::Kind::limit && v.country.empty() && v.tenths_kmh != map::kSpeedUnlimited;
  if (number) return v.tenths_kmh;
  problems.add(key, *raw);
  if (!out.unreadable) out.unreadable = std::string(key) + "=" + std::string(*raw);
  return map::kSpeedUnknown;
}

}  // namespace

WayAdvisorySpeed interpret_advisory_speed(const Tags& tags, TagProblems& problems) {
  WayAdvisorySpeed out;
  const uint16_t both = read(tags, "maxspeed:advisory", problems, out);
  const uint16_t forward = read(tags, "maxspeed:advisory:forward", problems, out);
  const uint16_t backward = read(tags, "maxspeed:advisory:backward", problems, out);
  out.forward = forward != map::kSpeedUnknown ? forward : both;
  out.backward = backward != map::kSpeedUnknown ? backward : both;
  return out;
}

}  // namespace drivelog::osm
