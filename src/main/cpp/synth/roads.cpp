#include "synth/roads.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace drivelog::synth {

std::vector<NodeRef> rural_polyline(TileBuilder& tile, NodeRef from, NodeRef to, double step_m, double meander_m) {
  auto& rng = tile.rng();
  const Point a = tile.position(from);
  const Point b = tile.position(to);
  const double len = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
  std::vector<NodeRef> nodes{from};
  const int steps = std::max(1, static_cast<int>(len / step_m));
  if (len > 1e-6 && steps > 1) {
    const double nx = -(b.y_m - a.y_m) / len;
    const double ny = (b.x_m - a.x_m) / len;
    const double phase = rng.between(0, 2 * std::numbers::pi);
    const double waves = rng.between(0.5, 2.0);
    const double amplitude = rng.between(0.3, 1.0) * meander_m;
    for (int s = 1; s < steps; ++s) {
      const double t = static_cast<double>(s) / steps;
      const double taper = std::sin(std::numbers::pi * t);  // 0 at both ends
      const double offset = taper * amplitude * std::sin(phase + 2 * std::numbers::pi * waves * t) + rng.between(-3, 3);
      nodes.push_back(tile.add_node(Point{a.x_m + (b.x_m - a.x_m) * t + nx * offset, a.y_m + (b.y_m - a.y_m) * t + ny * offset}));
    }
  }
  nodes.push_back(to);
  return nodes;
}

void emit_rural_road(TileBuilder& tile, const std::vector<NodeRef>& nodes, const RuralRoad& road) {
  auto& rng = tile.rng();
  size_t start = 0;
  while (start + 1 < nodes.size()) {
    const auto length = static_cast<size_t>(rng.integer(8, 30));
    size_t end = std::min(nodes.size() - 1, start + length);
    // Never leave a stub of one segment: a stop sign sits on the last segment before a junction
    // and must not become the end of a way.
    if (nodes.size() - 1 - end < 3) end = nodes.size() - 1;
    std::vector<NodeRef> piece(nodes.begin() + static_cast<std::ptrdiff_t>(start), nodes.begin() + static_cast<std::ptrdiff_t>(end) + 1);
    if (rng.chance(0.3)) std::reverse(piece.begin(), piece.end());
    Tags tags{{"highway", road.highway}};
    if (!road.ref.empty()) tags.emplace_back("ref", road.ref);
    add_speed_tags(road.style, RoadKind::rural, rng, tags);
    if (road.bridge) {
      tags.emplace_back("bridge", "yes");
      tags.emplace_back("layer", "1");
    }
    const double r = rng.unit();
    if (r < 0.01) tags.emplace_back("motor_vehicle", "no");
    else if (r < 0.02) tags.emplace_back("access", "destination");
    tile.add_way(std::move(piece), std::move(tags), Travel::both);
    start = end;
  }
}

namespace {

class MotorwayBuilder {
 public:
  MotorwayBuilder(TileBuilder& tile, const MotorwayPlan& plan) : tile_(tile), plan_(plan), rng_(tile.rng()) {}

  Interchange build() {
    const double s_a = plan_.crossing_along_m;
    const double m_a = centre(s_a);
    Interchange x{tile_.add_node(at(s_a, m_a + 80)), tile_.add_node(at(s_a, m_a - 80))};
    // Forward traffic keeps right: south of an eastbound, east of a northbound centre line.
    const double right = plan_.vertical ? 1 : -1;
    const NodeRef forward_side = right < 0 ? x.far_side : x.town_side;
    const NodeRef backward_side = right < 0 ? x.town_side : x.far_side;

    std::vector<double> stations;
    for (double s = 400; s < tile_.tile_m() - 200; s += rng_.between(250, 450)) {
      if (std::abs(s - (s_a - 500)) > 120 && std::abs(s - (s_a + 500)) > 120) stations.push_back(s);
    }
    stations.push_back(s_a - 500);
    stations.push_back(s_a + 500);
    std::sort(stations.begin(), stations.end());

    std::vector<NodeRef> forward{plan_.start_forward};
    std::vector<NodeRef> backward{plan_.end_backward};
    NodeRef f_off{}, f_on{}, b_off{}, b_on{};
    for (double s : stations) {
      const NodeRef n = tile_.add_node(at(s, centre(s) + right * kCarriagewayOffsetM));
      forward.push_back(n);
      if (s == s_a - 500) f_off = n;
      if (s == s_a + 500) f_on = n;
    }
    forward.push_back(plan_.end_forward);
    for (auto it = stations.rbegin(); it != stations.rend(); ++it) {
      const NodeRef n = tile_.add_node(at(*it, centre(*it) - right * kCarriagewayOffsetM));
      backward.push_back(n);
      if (*it == s_a + 500) b_off = n;
      if (*it == s_a - 500) b_on = n;
    }
    backward.push_back(plan_.start_backward);

    emit_carriageway(forward, f_on);
    emit_carriageway(backward, b_on);
    ramp(f_off, forward_side, true);
    ramp(forward_side, f_on, false);
    ramp(b_off, backward_side, true);
    ramp(backward_side, b_on, false);
    return x;
  }

 private:
  double centre(double s) const {
    const double t = s / tile_.tile_m();
    return plan_.across_start_m + (plan_.across_end_m - plan_.across_start_m) * t + 120 * std::sin(std::numbers::pi * t);
  }
  Point at(double along, double across) const {
    return plan_.vertical ? Point{across, along} : Point{along, across};
  }

  // Two ways per carriageway, split where the on-ramp joins (the limit often changes there).
  void emit_carriageway(const std::vector<NodeRef>& nodes, NodeRef split) {
    const auto it = std::find(nodes.begin(), nodes.end(), split);
    const std::vector<NodeRef> first(nodes.begin(), it + 1);
    const std::vector<NodeRef> second(it, nodes.end());
    for (const auto* part : {&first, &second}) {
      Tags tags{{"highway", "motorway"}, {"ref", plan_.ref}};
      if (rng_.chance(0.85)) tags.emplace_back("oneway", "yes");
      tags.emplace_back("lanes", rng_.chance(0.6) ? "2" : "3");
      add_speed_tags(plan_.style, RoadKind::motorway, rng_, tags);
      tile_.add_way(*part, std::move(tags), Travel::forward);
    }
  }

  // A link road curving from `from` to `to`; an exit ramp may end with a stop sign.
  void ramp(NodeRef from, NodeRef to, bool exit) {
    const Point a = tile_.position(from);
    const Point b = tile_.position(to);
    // Leave parallel to the carriageway, arrive along the arterial: quadratic Bezier.
    const Point c = plan_.vertical ? (exit ? Point{a.x_m, b.y_m} : Point{b.x_m, a.y_m})
                                   : (exit ? Point{b.x_m, a.y_m} : Point{a.x_m, b.y_m});
    std::vector<NodeRef> nodes{from};
    constexpr int kSteps = 6;
    for (int k = 1; k < kSteps; ++k) {
      const double t = static_cast<double>(k) / kSteps;
      const double u = 1 - t;
      nodes.push_back(tile_.add_node(Point{u * u * a.x_m + 2 * u * t * c.x_m + t * t * b.x_m,
                                           u * u * a.y_m + 2 * u * t * c.y_m + t * t * b.y_m}));
    }
    if (exit && rng_.chance(0.3)) {
      const Point last = tile_.position(nodes.back());
      const double t = 12 / std::max(13.0, std::hypot(b.x_m - last.x_m, b.y_m - last.y_m));
      const NodeRef stop = tile_.add_node(Point{b.x_m + (last.x_m - b.x_m) * t, b.y_m + (last.y_m - b.y_m) * t});
      nodes.push_back(stop);
      tile_.add_stop(stop, to, StopForm::direction);
    }
    nodes.push_back(to);
    Tags tags{{"highway", "motorway_link"}};
    if (rng_.chance(0.85)) tags.emplace_back("oneway", "yes");
    add_speed_tags(plan_.style, RoadKind::motorway_link, rng_, tags);
    tile_.add_way(std::move(nodes), std::move(tags), Travel::forward);
  }

  TileBuilder& tile_;
  const MotorwayPlan& plan_;
  Random& rng_;
};

}  // namespace

Interchange build_motorway(TileBuilder& tile, const MotorwayPlan& plan) { return MotorwayBuilder(tile, plan).build(); }

}  // namespace drivelog::synth
