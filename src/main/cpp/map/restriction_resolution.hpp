// Turn restrictions from OSM ways to graph edges (docs/MAP_FORMAT.md, "Turn restrictions"): the
// from and to edges are the edges of those ways that touch the via node; one record per pair
// (only the U-turn pairs when from and to are the same way). Via-way restrictions are counted as
// not supported; unresolvable ones are counted by reason.
#pragma once

#include <span>
#include <vector>

#include "map/map_builder.hpp"
#include "map/road_graph.hpp"

namespace drivelog::map::build {

// Sorted by from_edge, via_node, to_edge.
std::vector<TurnRestriction> resolve_restrictions(const RoadGraph& graph, std::span<const RestrictionInput> restrictions,
                                                  BuildStats& stats);

}  // namespace drivelog::map::build
