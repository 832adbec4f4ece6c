// Whether a GPS log could show a violation at all: driving into an alley that runs a few metres
// beside the street it leaves and rejoins, or through a forbidden link beside the allowed one, looks
// the same in any receiver's fixes as the legal drive. The simulator injects only violations a log
// can tell from legal driving (InjectionConfig::min_separation_m).
#pragma once

#include <cstdint>
#include <span>

#include "map/map_view.hpp"
#include "sim/driving_rules.hpp"

namespace drivelog::sim {

// False when a legal route that leaves the car's (`approach`: the edges driven up to the offending
// one, the one just before it last) at its last junction, or at an earlier one no more than four
// times `separation_m` back, and not through `offending` itself, stays within `separation_m` of what the
// car drove from there until it comes within `separation_m` of the offending edge's end: then
// nothing in a log of that accuracy tells the violation from the legal drive beside it. True
// otherwise (no such route, or only ones that stray further).
bool tellable_from_legal(const map::MapView& map, std::span<const DirectedEdge> approach, DirectedEdge offending,
                         double separation_m, uint32_t max_states);

}  // namespace drivelog::sim
