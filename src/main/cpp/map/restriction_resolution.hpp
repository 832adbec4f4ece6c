// Turn restrictions from OSM ways to graph edges (docs/MAP_FORMAT.md, "Turn restrictions"): the
// from and to edges are the edges of those ways that touch the via node; one record per pair
// (only the U-turn pairs when from and to are the same way). Via-way restrictions become a path:
// the from edge, the via ways' edges from where the from way meets them to where the to way
// leaves them, and the to edge. Unresolvable ones are counted by reason.
#pragma once

#include <span>
#include <vector>

#include "map/map_builder.hpp"
#include "map/road_graph.hpp"

namespace drivelog::map::build {

struct ResolvedRestrictions {
  std::vector<TurnRestriction> via_node;       // sorted by from_edge, via_node, to_edge
  std::vector<ViaWayRestriction> via_way;      // sorted by from_edge; via_begin indexes via_edges
  std::vector<uint32_t> via_edges;
};

ResolvedRestrictions resolve_restrictions(const RoadGraph& graph, std::span<const RestrictionInput> restrictions,
                                          BuildStats& stats);

}  // namespace drivelog::map::build
