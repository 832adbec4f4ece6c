#include "synth/tile_builder.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace drivelog::synth {

TileBuilder::TileBuilder(const CountryLayout& layout, int i, int j)
    : layout_(layout), i_(i), j_(j), tile_(layout.tile_index(i, j)), rng_(layout.tile_seed(i, j)) {}

NodeRef TileBuilder::add_node(Point p) {
  model_.nodes.push_back(SynthNode{p.x_m, p.y_m, {}});
  return NodeRef{tile_, static_cast<uint32_t>(model_.nodes.size() - 1)};
}

NodeRef TileBuilder::foreign_node(uint32_t tile, uint32_t index, Point p) {
  const NodeRef ref{tile, index};
  foreign_.push_back(ForeignNode{ref, p});
  return ref;
}

Point TileBuilder::position(NodeRef ref) const {
  if (ref.tile == tile_) {
    const auto& n = model_.nodes[ref.index];
    return Point{n.x_m, n.y_m};
  }
  for (const auto& f : foreign_) {
    if (f.ref == ref) {
      return f.position;
    }
  }
  return Point{};
}

void TileBuilder::tag_node(NodeRef ref, const char* key, std::string value) {
  model_.nodes[ref.index].tags.emplace_back(key, std::move(value));
}

uint32_t TileBuilder::add_way(std::vector<NodeRef> nodes, Tags tags, Travel travel) {
  model_.ways.push_back(SynthWay{std::move(nodes), std::move(tags), travel});
  return static_cast<uint32_t>(model_.ways.size() - 1);
}

void TileBuilder::add_stop(NodeRef stop, NodeRef junction, StopForm form) {
  stops_.push_back(PendingStop{stop, junction, form});
}

void TileBuilder::mark_restriction_junction(NodeRef junction) { restriction_junctions_.push_back(junction.index); }

TileModel TileBuilder::finish() {
  resolve_stops();
  add_restrictions();
  return std::move(model_);
}

// A stop node sits between its junction and the rest of its approach, so within the way that
// carries it the junction is the next node (the sign faces traffic in the way's direction:
// direction=forward) or the previous one (backward).
void TileBuilder::resolve_stops() {
  if (stops_.empty()) return;
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> stop_by_node(model_.nodes.size(), kNone);
  for (size_t s = 0; s < stops_.size(); ++s) {
    stop_by_node[stops_[s].stop.index] = static_cast<uint32_t>(s);
  }
  for (const auto& way : model_.ways) {
    for (size_t k = 0; k < way.nodes.size(); ++k) {
      const NodeRef node = way.nodes[k];
      if (node.tile != tile_) {
        continue;
      }
      const uint32_t pending = stop_by_node[node.index];
      if (pending == kNone) {
        continue;
      }
      const PendingStop& stop = stops_[pending];
      const bool forward = k + 1 < way.nodes.size() && way.nodes[k + 1] == stop.junction;
      const bool backward = k > 0 && way.nodes[k - 1] == stop.junction;
      auto& tags = model_.nodes[node.index].tags;
      tags.emplace_back("highway", "stop");
      if (forward != backward && stop.form != StopForm::undirected) {
        tags.emplace_back(stop.form == StopForm::direction ? "direction" : "stop:direction",
                          forward ? "forward" : "backward");
      }
      stop_by_node[node.index] = kNone;
    }
  }
}

namespace {

struct Arm {
  uint32_t way = 0;
  double bearing_rad = 0;  // from the junction towards the way's next node
  bool enters = false;     // a car may drive along this way into the junction
  bool leaves = false;     // ... and out of it
};

double normalized(double a) {
  while (a > std::numbers::pi) a -= 2 * std::numbers::pi;
  while (a <= -std::numbers::pi) a += 2 * std::numbers::pi;
  return a;
}

enum class Turn { straight, left, right, other };

Turn classify(double from_bearing_rad, double to_bearing_rad) {
  const double heading = from_bearing_rad + std::numbers::pi;  // direction of travel into the junction
  const double turn = normalized(to_bearing_rad - heading);    // counter-clockwise positive
  const double q = std::numbers::pi / 4;
  if (std::abs(turn) < q) return Turn::straight;
  if (turn >= q && turn < 3 * q) return Turn::left;
  if (turn <= -q && turn > -3 * q) return Turn::right;
  return Turn::other;
}

struct RestrictionKind {
  const char* value;
  Turn target;  // Turn::other stands for the u-turn (to = from)
  int weight;
};
constexpr std::array<RestrictionKind, 7> kKinds{{{"no_left_turn", Turn::left, 32},
                                                 {"no_right_turn", Turn::right, 10},
                                                 {"no_u_turn", Turn::other, 14},
                                                 {"no_straight_on", Turn::straight, 10},
                                                 {"only_straight_on", Turn::straight, 16},
                                                 {"only_right_turn", Turn::right, 12},
                                                 {"only_left_turn", Turn::left, 6}}};

}  // namespace

void TileBuilder::add_restrictions() {
  if (restriction_junctions_.empty()) {
    return;
  }
  // Arms per marked junction; slot_of maps a node to its junction's entry in `arms`.
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> slot_of(model_.nodes.size(), kNone);
  std::vector<std::vector<Arm>> arms(restriction_junctions_.size());
  for (size_t k = 0; k < restriction_junctions_.size(); ++k) {
    slot_of[restriction_junctions_[k]] = static_cast<uint32_t>(k);
  }
  for (uint32_t w = 0; w < model_.ways.size(); ++w) {
    const auto& way = model_.ways[w];
    if (way.nodes.size() < 2 || way.nodes.front() == way.nodes.back()) {
      continue;
    }
    for (const bool at_end : {false, true}) {
      const NodeRef end = at_end ? way.nodes.back() : way.nodes.front();
      if (end.tile != tile_) continue;
      const uint32_t slot = slot_of[end.index];
      if (slot == kNone) continue;
      const Point j = position(end);
      const Point next = position(at_end ? way.nodes[way.nodes.size() - 2] : way.nodes[1]);
      Arm arm;
      arm.way = w;
      arm.bearing_rad = std::atan2(next.y_m - j.y_m, next.x_m - j.x_m);
      // Entering the junction means moving along the node order if it is the way's last node.
      const bool along = way.travel != Travel::backward;
      const bool against = way.travel != Travel::forward;
      arm.enters = at_end ? along : against;
      arm.leaves = at_end ? against : along;
      arms[slot].push_back(arm);
    }
  }
  for (size_t slot = 0; slot < restriction_junctions_.size(); ++slot) {
    const uint32_t junction = restriction_junctions_[slot];
    const auto& list = arms[slot];
    if (list.size() < 3) {
      continue;
    }
    std::vector<size_t> entries;
    for (size_t a = 0; a < list.size(); ++a) {
      if (list[a].enters) entries.push_back(a);
    }
    if (entries.empty()) {
      continue;
    }
    const Arm& from = list[entries[static_cast<size_t>(rng_.integer(0, static_cast<int64_t>(entries.size()) - 1))]];
    // Roll a kind; fall through the table from there until one fits this junction.
    int roll = static_cast<int>(rng_.integer(0, 99));
    size_t first = 0;
    while (first + 1 < kKinds.size() && roll >= kKinds[first].weight) {
      roll -= kKinds[first].weight;
      ++first;
    }
    for (size_t attempt = 0; attempt < kKinds.size(); ++attempt) {
      const RestrictionKind& kind = kKinds[(first + attempt) % kKinds.size()];
      const Arm* to = nullptr;
      if (kind.target == Turn::other) {
        to = from.leaves ? &from : nullptr;
      } else {
        for (const Arm& candidate : list) {
          if (candidate.way != from.way && candidate.leaves &&
              classify(from.bearing_rad, candidate.bearing_rad) == kind.target) {
            to = &candidate;
            break;
          }
        }
      }
      if (to == nullptr) {
        continue;
      }
      Tags tags{{"type", "restriction"}};
      tags.emplace_back(rng_.chance(0.1) ? "restriction:motorcar" : "restriction", kind.value);
      if (rng_.chance(0.15)) {
        tags.emplace_back("except", "bicycle");
      }
      model_.restrictions.push_back(SynthRestriction{from.way, junction, to->way, std::move(tags)});
      break;
    }
  }
}

}  // namespace drivelog::synth
