// Speed-limit tagging conventions of the synthetic regions: which `maxspeed` values a mapper in
// each (fictional) jurisdiction would write, in realistic proportions.
#pragma once

#include "synth/random.hpp"
#include "synth/tile_model.hpp"

#include <cstdint>

namespace drivelog::synth {

// Tagging convention of a region: German-, French-, Russian-style km/h, or British-style mph.
enum class SpeedStyle : uint8_t { de, fr, ru, gb_mph };

// Road kinds that get different limits.
enum class RoadKind : uint8_t { urban_arterial, residential, living_street, service, rural, motorway, motorway_link };

// Appends maxspeed tags (maxspeed, or maxspeed:forward/backward, or nothing) for one way.
void add_speed_tags(SpeedStyle style, RoadKind kind, Random& rng, Tags& tags);

}  // namespace drivelog::synth
