#include "osm/road_structure.hpp"

#include <charconv>

namespace drivelog::osm {
namespace {

std::optional<int8_t> parse_layer(std::string_view value) {
  value = trim(value);
  if (!value.empty() && value.front() == '+') value.remove_prefix(1);
  int layer = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), layer);
  if (error != std::errc{} || end != value.data() + value.size() || layer < -5 || layer > 5) return std::nullopt;
  return static_cast<int8_t>(layer);
}

map::RoadUse road_use(const Tags& tags) {
  const auto service = tags.get("service");
  if (!service) return map::RoadUse::general;
  if (*service == "parking_aisle") return map::RoadUse::parking_aisle;
  if (*service == "driveway") return map::RoadUse::driveway;
  if (*service == "alley") return map::RoadUse::alley;
  if (*service == "drive-through") return map::RoadUse::drive_through;
  return map::RoadUse::general;
}

}  // namespace

RoadStructure interpret_structure(const Tags& tags) {
  RoadStructure s;
  const auto tunnel = tags.get("tunnel");
  if (tunnel && *tunnel != "no") s.flags |= map::edge_flags::kTunnel;
  const auto bridge = tags.get("bridge");
  if (bridge && *bridge != "no") s.flags |= map::edge_flags::kBridge;
  // OSM's convention: a bridge or tunnel without `layer` is one level up or down.
  if ((s.flags & map::edge_flags::kBridge) != 0) s.layer = 1;
  if ((s.flags & map::edge_flags::kTunnel) != 0) s.layer = -1;
  if (const auto layer = tags.get("layer")) {
    if (const auto parsed = parse_layer(*layer)) {
      s.layer = *parsed;
    } else {
      s.invalid = std::pair{std::string_view("layer"), *layer};
    }
  }
  s.use = road_use(tags);
  return s;
}

}  // namespace drivelog::osm
