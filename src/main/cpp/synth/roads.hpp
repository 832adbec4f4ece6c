// Roads outside towns: meandering rural roads and arterials, and motorways with their
// interchanges (diamond ramps onto an arterial that bridges the motorway).
#pragma once

#include "synth/speed_style.hpp"
#include "synth/tile_builder.hpp"

#include <string>
#include <vector>

namespace drivelog::synth {

// Intermediate nodes every `step_m` between two existing nodes, meandering up to `meander_m`
// sideways (never at the ends). Returns the whole sequence including both ends.
std::vector<NodeRef> rural_polyline(TileBuilder& tile, NodeRef from, NodeRef to, double step_m, double meander_m);

// How a stretch of rural road is tagged.
struct RuralRoad {
  const char* highway = "unclassified";
  std::string ref;                // "" for none
  SpeedStyle style = SpeedStyle::de;
  bool bridge = false;
};

// Cuts a node sequence into ways of a few kilometres and tags them.
void emit_rural_road(TileBuilder& tile, const std::vector<NodeRef>& nodes, const RuralRoad& road);

// A motorway through the tile along x (`vertical` false, eastbound = forward) or along y
// (northbound = forward), with the centre line at `across_start_m` where it enters the tile and
// `across_end_m` where it leaves. One arterial crosses it at `crossing_along_m`.
struct MotorwayPlan {
  bool vertical = false;
  double across_start_m = 0;
  double across_end_m = 0;
  double crossing_along_m = 0;
  NodeRef start_forward, start_backward;  // carriageway nodes on the entry border
  NodeRef end_forward, end_backward;      // ... and on the exit border
  std::string ref;
  SpeedStyle style = SpeedStyle::de;
};

// The arterial's nodes next to the motorway: on the town side (larger across coordinate) and
// on the far side. The arterial's bridge runs between them; the ramps end at them.
struct Interchange {
  NodeRef town_side;
  NodeRef far_side;
};

Interchange build_motorway(TileBuilder& tile, const MotorwayPlan& plan);

// Offset between a motorway's centre line and each carriageway.
inline constexpr double kCarriagewayOffsetM = 15;

}  // namespace drivelog::synth
