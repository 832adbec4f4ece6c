// Which approaches of a stop-sign node a sign governs (docs/MAP_FORMAT.md, "Stop signs"):
// forward / backward along the way, every approach for an all-way stop, and for a sign without
// direction: on a plain stretch of road, the approach towards the nearer junction within 40 m
// (OSM's convention: the node stands at the stopping point before the junction); at a junction of
// unequal roads, the minor roads' approaches; else every approach.
// Approaches that are illegal to drive towards the node (against a one-way) are left out.
#pragma once

#include <span>
#include <vector>

#include "map/map_builder.hpp"
#include "map/road_graph.hpp"

namespace drivelog::map::build {

// One StopSign per governed approach, sorted by edge and node. Counts kept and dropped signs
// (with reasons) into `stats`.
std::vector<StopSign> place_stop_signs(const RoadGraph& graph, std::span<const StopInput> stops, BuildStats& stats);

}  // namespace drivelog::map::build
