#include "osm/way_speed.hpp"

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
  if (v.kind != SpeedValue::Kind::limit && v.kind != SpeedValue::Kind::named_zone) {
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
  WaySpeed out;
  const auto apply = [&](const Reading* r, uint16_t& limit, map::SpeedSource& source) {
    if (r == nullptr) return;  // no tag: the legal default, later
    switch (r->value.kind) {
      case SpeedValue::Kind::limit: limit = r->value.tenths_kmh; source = r->value.source; break;
      case SpeedValue::Kind::variable: source = map::SpeedSource::explicit_tag; break;  // a limit exists, not in the data
      case SpeedValue::Kind::named_zone:
        source = map::SpeedSource::implicit_zone;
        out.zone_country = r->value.country;
        out.zone_name = r->value.zone;
        break;
      case SpeedValue::Kind::invalid: break;
    }
  };
  apply(pick(fwd), out.forward, out.forward_source);
  apply(pick(bwd), out.backward, out.backward_source);
  return out;
}

}  // namespace drivelog::osm
