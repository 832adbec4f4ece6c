#include "synth/tile_generator.hpp"

#include "synth/roads.hpp"
#include "synth/tile_builder.hpp"
#include "synth/town.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace drivelog::synth {
namespace {

// Clear distance a town keeps from a motorway's tile border (corridor 0.6-1.3 km plus its bend
// and ramps).
constexpr double kMotorwayBandM = 1'800;

std::string road_ref(SpeedStyle style, const char* highway, uint64_t number) {
  const std::string n = std::to_string(number % 480 + 1);
  const std::string h = highway;
  switch (style) {
    case SpeedStyle::gb_mph: return (h == "motorway" ? "M" : h == "primary" ? "A" : "B") + n;
    case SpeedStyle::fr: return (h == "motorway" ? "A " : h == "primary" ? "N " : "D ") + n;
    case SpeedStyle::ru: return (h == "motorway" ? "М-" : "Р-") + n;
    case SpeedStyle::de: break;
  }
  return (h == "motorway" ? "A " : h == "primary" ? "B " : h == "secondary" ? "L " : "K ") + n;
}

class TileGenerator {
 public:
  TileGenerator(const CountryLayout& layout, int i, int j)
      : layout_(layout), i_(i), j_(j), tile_(layout, i, j), rng_(tile_.rng()), t_(layout.params().tile_m),
        style_(layout.tile_style(i, j)) {}

  TileModel generate() {
    make_owned_gates();
    place_main_town();
    const TownEnds town = build_town(tile_, town_);
    town_radius_ = town.radius_m;

    const NodeRef west_gate = i_ > 0 ? foreign(i_ - 1, j_, Gate::east_road, Point{0, layout_.east_road_gate_m(i_ - 1, j_)})
                                     : tile_.add_node(Point{0, t_ * rng_.between(0.42, 0.58)});
    const NodeRef south_gate = j_ > 0 ? foreign(i_, j_ - 1, Gate::north_road, Point{layout_.north_road_gate_m(i_, j_ - 1), 0})
                                      : tile_.add_node(Point{t_ * rng_.between(0.42, 0.58), 0});
    const bool big = town_.lines >= 24;
    const char* east_west = big ? "primary" : "secondary";
    const char* north_south = big ? "secondary" : "tertiary";
    const RuralRoad ew{east_west, road_ref(style_, east_west, hash_key(layout_.params().seed, {11, j_})), style_, false};
    const RuralRoad ns{north_south, road_ref(style_, north_south, hash_key(layout_.params().seed, {12, i_})), style_, false};

    arterial(town.east, gate(Gate::east_road), ew);
    arterial(town.north, gate(Gate::north_road), ns);
    if (layout_.motorway_column(i_)) {
      const Interchange x = motorway(true, tile_.position(west_gate).y_m);
      arterial(town.west, x.town_side, ew);
      bridge(x, ew);
      arterial(x.far_side, west_gate, ew);
    } else {
      arterial(town.west, west_gate, ew);
    }
    if (layout_.motorway_row(j_)) {
      const Interchange x = motorway(false, tile_.position(south_gate).x_m);
      arterial(town.south, x.town_side, ns);
      bridge(x, ns);
      arterial(x.far_side, south_gate, ns);
    } else {
      arterial(town.south, south_gate, ns);
    }
    place_villages();
    return tile_.finish();
  }

 private:
  struct Village {
    Point centre;
    double radius;
    TownEnds ends;
  };

  NodeRef foreign(int i, int j, Gate g, Point p) {
    return tile_.foreign_node(layout_.tile_index(i, j), static_cast<uint32_t>(layout_.gate_slot(i, j, g)), p);
  }
  NodeRef gate(Gate g) const {
    return NodeRef{layout_.tile_index(i_, j_), static_cast<uint32_t>(layout_.gate_slot(i_, j_, g))};
  }

  // The nodes neighbours will reference come first, in slot order.
  void make_owned_gates() {
    tile_.add_node(Point{t_, layout_.east_road_gate_m(i_, j_)});
    tile_.add_node(Point{layout_.north_road_gate_m(i_, j_), t_});
    if (layout_.motorway_row(j_)) {
      const double m = layout_.row_motorway_m(i_ + 1, j_);
      tile_.add_node(Point{t_, m - kCarriagewayOffsetM});
      tile_.add_node(Point{t_, m + kCarriagewayOffsetM});
    }
    if (layout_.motorway_column(i_)) {
      const double m = layout_.column_motorway_m(i_, j_ + 1);
      tile_.add_node(Point{m + kCarriagewayOffsetM, t_});
      tile_.add_node(Point{m - kCarriagewayOffsetM, t_});
    }
  }

  void place_main_town() {
    const auto& p = layout_.params();
    town_.centre = Point{t_ * rng_.between(0.46, 0.54), t_ * rng_.between(0.46, 0.54)};
    town_.block_m = rng_.between(70, 105);
    town_.angle_rad = rng_.between(-0.25, 0.25);
    town_.style = style_;
    town_.main = true;
    town_.max_shape_nodes = static_cast<int>(rng_.integer(2, 5));
    int lines = p.main_town_lines;
    if (lines == 0) {
      const double r = rng_.unit();
      lines = static_cast<int>(r < 0.4 ? rng_.integer(14, 26) : r < 0.85 ? rng_.integer(26, 44) : rng_.integer(44, 60));
    }
    const double west_room = town_.centre.x_m - (layout_.motorway_column(i_) ? kMotorwayBandM : 600);
    const double south_room = town_.centre.y_m - (layout_.motorway_row(j_) ? kMotorwayBandM : 600);
    const double room = std::min({west_room, south_room, t_ - town_.centre.x_m - 600, t_ - town_.centre.y_m - 600});
    while (lines > 4 && town_radius_m(lines, town_.block_m) > room) --lines;
    town_.lines = lines;
  }

  void arterial(NodeRef from, NodeRef to, const RuralRoad& road) {
    const auto nodes = rural_polyline(tile_, from, to, rng_.between(35, 70), 180);
    for (size_t k = 1; k + 1 < nodes.size(); ++k) arterial_nodes_.push_back(nodes[k]);
    emit_rural_road(tile_, nodes, road);
  }

  void bridge(const Interchange& x, RuralRoad road) {
    road.bridge = true;
    emit_rural_road(tile_, {x.town_side, x.far_side}, road);
  }

  Interchange motorway(bool vertical, double crossing_along_m) {
    MotorwayPlan plan;
    plan.vertical = vertical;
    plan.crossing_along_m = crossing_along_m;
    plan.style = style_;
    const auto seed = layout_.params().seed;
    plan.ref = road_ref(style_, "motorway", hash_key(seed, {13, vertical ? i_ : j_, vertical ? 1 : 0}));
    if (vertical) {
      plan.across_start_m = layout_.column_motorway_m(i_, j_);
      plan.across_end_m = layout_.column_motorway_m(i_, j_ + 1);
      const double m = plan.across_start_m;
      if (j_ > 0) {
        plan.start_forward = foreign(i_, j_ - 1, Gate::north_motorway_forward, Point{m + kCarriagewayOffsetM, 0});
        plan.start_backward = foreign(i_, j_ - 1, Gate::north_motorway_backward, Point{m - kCarriagewayOffsetM, 0});
      } else {
        plan.start_forward = tile_.add_node(Point{m + kCarriagewayOffsetM, 0});
        plan.start_backward = tile_.add_node(Point{m - kCarriagewayOffsetM, 0});
      }
      plan.end_forward = gate(Gate::north_motorway_forward);
      plan.end_backward = gate(Gate::north_motorway_backward);
    } else {
      plan.across_start_m = layout_.row_motorway_m(i_, j_);
      plan.across_end_m = layout_.row_motorway_m(i_ + 1, j_);
      const double m = plan.across_start_m;
      if (i_ > 0) {
        plan.start_forward = foreign(i_ - 1, j_, Gate::east_motorway_forward, Point{0, m - kCarriagewayOffsetM});
        plan.start_backward = foreign(i_ - 1, j_, Gate::east_motorway_backward, Point{0, m + kCarriagewayOffsetM});
      } else {
        plan.start_forward = tile_.add_node(Point{0, m - kCarriagewayOffsetM});
        plan.start_backward = tile_.add_node(Point{0, m + kCarriagewayOffsetM});
      }
      plan.end_forward = gate(Gate::east_motorway_forward);
      plan.end_backward = gate(Gate::east_motorway_backward);
    }
    return build_motorway(tile_, plan);
  }

  SpeedStyle village_style(int v) {
    if (layout_.params().showcase) {
      constexpr std::array<SpeedStyle, 3> kShowcase{SpeedStyle::gb_mph, SpeedStyle::fr, SpeedStyle::ru};
      return kShowcase[static_cast<size_t>(v) % kShowcase.size()];
    }
    if (rng_.chance(0.75)) return style_;
    return static_cast<SpeedStyle>(rng_.integer(0, 3));
  }

  bool fits(Point c, double radius) const {
    const double margin = 500;
    if (c.x_m - radius < margin || c.y_m - radius < margin || c.x_m + radius > t_ - margin || c.y_m + radius > t_ - margin) return false;
    if (layout_.motorway_row(j_) && c.y_m - radius < kMotorwayBandM) return false;
    if (layout_.motorway_column(i_) && c.x_m - radius < kMotorwayBandM) return false;
    if (std::hypot(c.x_m - town_.centre.x_m, c.y_m - town_.centre.y_m) < radius + town_radius_ + 700) return false;
    for (const auto& v : villages_) {
      if (std::hypot(c.x_m - v.centre.x_m, c.y_m - v.centre.y_m) < radius + v.radius + 500) return false;
    }
    for (const NodeRef n : arterial_nodes_) {
      const Point p = tile_.position(n);
      if (std::hypot(c.x_m - p.x_m, c.y_m - p.y_m) < radius + 250) return false;
    }
    return true;
  }

  void place_villages() {
    const int wanted = static_cast<int>(rng_.integer(8, 14));
    for (int v = 0, attempts = 0; v < wanted && attempts < 80; ++attempts) {
      TownSpec spec;
      spec.lines = static_cast<int>(rng_.integer(3, 8));
      spec.block_m = rng_.between(70, 100);
      spec.angle_rad = rng_.between(-0.5, 0.5);
      spec.centre = Point{rng_.between(0, t_), rng_.between(0, t_)};
      spec.max_shape_nodes = static_cast<int>(rng_.integer(1, 4));
      const double radius = town_radius_m(spec.lines, spec.block_m);
      if (!fits(spec.centre, radius)) continue;
      spec.style = village_style(v);
      const TownEnds ends = build_town(tile_, spec);
      connect_village(ends, spec.style);
      link_to_neighbour(ends, spec.centre, spec.style);
      villages_.push_back(Village{spec.centre, radius, ends});
      ++v;
    }
  }

  static double distance_to_segment(Point c, Point a, Point b) {
    const double dx = b.x_m - a.x_m;
    const double dy = b.y_m - a.y_m;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((c.x_m - a.x_m) * dx + (c.y_m - a.y_m) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(a.x_m + dx * t - c.x_m, a.y_m + dy * t - c.y_m);
  }

  // Whether a rural road along a-b keeps clear of the main town and of the villages other than
  // `linked` (rural roads go around places they do not serve), and is not absurdly long.
  bool clear_path(Point a, Point b, const Village* linked) const {
    if (std::hypot(a.x_m - b.x_m, a.y_m - b.y_m) > 3'500) return false;
    if (distance_to_segment(town_.centre, a, b) < town_radius_ + 300) return false;
    for (const auto& v : villages_) {
      if (&v != linked && distance_to_segment(v.centre, a, b) < v.radius + 200) return false;
    }
    return true;
  }

  // A rural road from the village end nearest to the arterial network, with a stop sign where it
  // meets the arterial.
  void connect_village(const TownEnds& ends, SpeedStyle style) {
    if (arterial_nodes_.empty()) return;
    double best = std::numeric_limits<double>::max();
    NodeRef from{}, to{};
    for (const NodeRef end : {ends.west, ends.east, ends.south, ends.north}) {
      const Point e = tile_.position(end);
      for (const NodeRef a : arterial_nodes_) {
        const Point p = tile_.position(a);
        const double d = std::hypot(e.x_m - p.x_m, e.y_m - p.y_m);
        if (d < best && clear_path(e, p, nullptr)) {
          best = d;
          from = end;
          to = a;
        }
      }
    }
    if (best == std::numeric_limits<double>::max()) return;
    auto nodes = rural_polyline(tile_, from, to, rng_.between(30, 60), 120);
    const double r = rng_.unit();
    if (r < 0.75 && nodes.size() >= 2) {
      const Point a = tile_.position(nodes[nodes.size() - 2]);
      const Point b = tile_.position(to);
      const double len = std::max(13.0, std::hypot(a.x_m - b.x_m, a.y_m - b.y_m));
      const NodeRef stop = tile_.add_node(Point{b.x_m + (a.x_m - b.x_m) * 12 / len, b.y_m + (a.y_m - b.y_m) * 12 / len});
      nodes.insert(nodes.end() - 1, stop);
      tile_.add_stop(stop, to, r < 0.45 ? StopForm::direction : r < 0.55 ? StopForm::stop_direction : StopForm::undirected);
    }
    emit_rural_road(tile_, nodes, RuralRoad{rng_.chance(0.7) ? "unclassified" : "tertiary", "", style, false});
  }

  // A minor road to the nearest village placed before, so villages form a network of their own.
  void link_to_neighbour(const TownEnds& ends, Point centre, SpeedStyle style) {
    const Village* nearest = nullptr;
    for (const auto& v : villages_) {
      if (nearest == nullptr || std::hypot(v.centre.x_m - centre.x_m, v.centre.y_m - centre.y_m) <
                                    std::hypot(nearest->centre.x_m - centre.x_m, nearest->centre.y_m - centre.y_m)) {
        nearest = &v;
      }
    }
    if (nearest == nullptr) return;
    double best = std::numeric_limits<double>::max();
    NodeRef from{}, to{};
    for (const NodeRef a : {ends.west, ends.east, ends.south, ends.north}) {
      for (const NodeRef b : {nearest->ends.west, nearest->ends.east, nearest->ends.south, nearest->ends.north}) {
        const Point pa = tile_.position(a);
        const Point pb = tile_.position(b);
        const double d = std::hypot(pa.x_m - pb.x_m, pa.y_m - pb.y_m);
        if (d < best && clear_path(pa, pb, nearest)) {
          best = d;
          from = a;
          to = b;
        }
      }
    }
    if (best == std::numeric_limits<double>::max()) return;
    emit_rural_road(tile_, rural_polyline(tile_, from, to, rng_.between(30, 60), 150),
                    RuralRoad{"unclassified", "", style, false});
  }

  const CountryLayout& layout_;
  int i_;
  int j_;
  TileBuilder tile_;
  Random& rng_;
  double t_;
  SpeedStyle style_;
  TownSpec town_;
  double town_radius_ = 0;
  std::vector<NodeRef> arterial_nodes_;
  std::vector<Village> villages_;
};

}  // namespace

TileModel generate_tile(const CountryLayout& layout, int i, int j) { return TileGenerator(layout, i, j).generate(); }

}  // namespace drivelog::synth
