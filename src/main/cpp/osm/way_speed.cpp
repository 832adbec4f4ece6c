#include "osm/way_speed.hpp"

#include <initializer_list>
#include <optional>

#include "osm/maxspeed.hpp"

namespace drivelog::osm {
namespace {

struct Reading {
  bool present = false;  // a readable value (limit or variable)
  SpeedValue value;
};

Reading read(const Tags& tags, std::string_view key, TagProblems& problems) {
  const std::optional<std::string_view> raw = tags.get(key);
  if (!raw) return {};
  const SpeedValue v = parse_maxspeed(*raw);
  if (v.kind == SpeedValue::Kind::invalid) {
    problems.add(key, *raw);
    return {};
  }
  return {true, v};
}

// Implicit zone tags: only values of the form "CC:zone"; others (e.g. "sign") say nothing here.
Reading read_zone(const Tags& tags, std::string_view key, TagProblems& problems, bool report) {
  const std::optional<std::string_view> raw = tags.get(key);
  if (!raw || raw->size() < 3 || (*raw)[2] != ':') return {};
  const SpeedValue v = parse_maxspeed(*raw);
  if (v.kind != SpeedValue::Kind::limit) {
    if (report) problems.add(key, *raw);
    return {};
  }
  return {true, v};
}

}  // namespace

WaySpeed interpret_way_speed(const Tags& tags, TagProblems& problems) {
  const Reading both = read(tags, "maxspeed", problems);
  const Reading fwd = read(tags, "maxspeed:forward", problems);
  const Reading bwd = read(tags, "maxspeed:backward", problems);
  Reading zone = read_zone(tags, "maxspeed:type", problems, true);
  if (!zone.present) zone = read_zone(tags, "zone:maxspeed", problems, true);
  // source:maxspeed often holds free text ("sign", a decree number): not worth reporting.
  if (!zone.present) zone = read_zone(tags, "source:maxspeed", problems, false);

  const auto pick = [&](const Reading& directional) -> const Reading* {
    if (directional.present) return &directional;
    if (both.present) return &both;
    if (zone.present) return &zone;
    return nullptr;
  };
  const Reading* f = pick(fwd);
  const Reading* b = pick(bwd);

  WaySpeed out;
  // Any implicit value tells which country the data is in, even one that a number overrides.
  for (const Reading* r : std::initializer_list<const Reading*>{&both, &fwd, &bwd, &zone}) {
    if (r->present && !r->value.country.empty()) out.country = r->value.country;
  }
  if (f == nullptr && b == nullptr) return out;
  const auto limit_of = [](const Reading* r) {
    return (r != nullptr && r->value.kind == SpeedValue::Kind::limit) ? r->value.tenths_kmh : map::kSpeedUnknown;
  };
  out.forward = limit_of(f);
  out.backward = limit_of(b);
  // The weaker source of the two directions: explicit only if every known limit is explicit.
  out.source = map::SpeedSource::explicit_tag;
  for (const Reading* r : {f, b}) {
    if (r != nullptr && r->value.source == map::SpeedSource::implicit_zone) out.source = map::SpeedSource::implicit_zone;
  }
  return out;
}

}  // namespace drivelog::osm
