#include "synth/town.hpp"

#include "synth/names.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace drivelog::synth {
namespace {

constexpr double kStopOffsetM = 12;
constexpr double kRingRadiusM = 18;

enum class JunctionKind : uint8_t { plain, roundabout, restriction, all_way_stop };

// One street of the grid, running along increasing index.
struct Line {
  const char* highway = "residential";
  RoadKind kind = RoadKind::residential;
  int rank = 5;  // 1 primary .. 6 living_street; lower is more important
  std::string name;
  Travel travel = Travel::both;  // legal direction relative to increasing index
};

bool major(const Line& line) { return line.rank <= 3; }

// An entry of a street's node sequence: a node that may end a way (`cut`), or a break (no road).
struct Item {
  NodeRef node;
  bool cut = false;
  bool brk = false;
};

StopForm any_stop_form(Random& rng) {
  const double r = rng.unit();
  return r < 0.55 ? StopForm::direction : r < 0.7 ? StopForm::stop_direction : StopForm::undirected;
}

class TownGrid {
 public:
  TownGrid(TileBuilder& tile, const TownSpec& spec) : tile_(tile), spec_(spec), rng_(tile.rng()), n_(spec.lines) {}

  TownEnds build() {
    make_lines();
    make_junctions();
    const int mid = n_ / 2;
    for (int j = 0; j < n_; ++j) emit_line(false, j);
    for (int i = 0; i < n_; ++i) emit_line(true, i);
    emit_roundabouts();
    const NodeRef place = tile_.add_node(spec_.centre);
    tile_.tag_node(place, "place", spec_.main ? (n_ >= 24 ? "town" : "village") : "hamlet");
    tile_.tag_node(place, "name", place_name(spec_.style, rng_));
    return TownEnds{junction(0, mid), junction(n_ - 1, mid), junction(mid, 0), junction(mid, n_ - 1),
                    town_radius_m(n_, spec_.block_m)};
  }

 private:
  // Grid (u, v) in metres from the centre, rotated into tile coordinates.
  Point to_tile(double u, double v) const {
    const double c = std::cos(spec_.angle_rad);
    const double s = std::sin(spec_.angle_rad);
    return Point{spec_.centre.x_m + u * c - v * s, spec_.centre.y_m + u * s + v * c};
  }
  NodeRef junction(int i, int j) const { return junctions_[static_cast<size_t>(j * n_ + i)]; }
  JunctionKind kind(int i, int j) const { return kinds_[static_cast<size_t>(j * n_ + i)]; }
  const Line& line(bool vertical, int k) const { return vertical ? columns_[static_cast<size_t>(k)] : rows_[static_cast<size_t>(k)]; }

  void make_lines() {
    const int mid = n_ / 2;
    for (auto* lines : {&rows_, &columns_}) {
      lines->resize(static_cast<size_t>(n_));
      for (int k = 0; k < n_; ++k) {
        Line& l = (*lines)[static_cast<size_t>(k)];
        l.name = street_name(spec_.style, rng_);
        if (k == mid) {
          const bool big = spec_.main && n_ >= 24;
          l.highway = !spec_.main ? "tertiary" : big ? "primary" : "secondary";
          l.rank = !spec_.main ? 3 : big ? 1 : 2;
          l.kind = RoadKind::urban_arterial;
        } else if (spec_.main && n_ >= 12 && (k - mid) % 5 == 0) {
          l.highway = "tertiary";
          l.rank = 3;
          l.kind = RoadKind::urban_arterial;
          if (rng_.chance(0.08)) l.travel = rng_.chance(0.5) ? Travel::forward : Travel::backward;
        } else if (rng_.chance(0.07)) {
          l.highway = "living_street";
          l.rank = 6;
          l.kind = RoadKind::living_street;
        } else {
          if (rng_.chance(0.14)) l.travel = rng_.chance(0.5) ? Travel::forward : Travel::backward;
        }
      }
    }
  }

  void make_junctions() {
    junctions_.reserve(static_cast<size_t>(n_ * n_));
    kinds_.assign(static_cast<size_t>(n_ * n_), JunctionKind::plain);
    ring_of_.assign(static_cast<size_t>(n_ * n_), -1);
    const double half = (n_ - 1) / 2.0;
    for (int j = 0; j < n_; ++j) {
      for (int i = 0; i < n_; ++i) {
        const double u = (i - half) * spec_.block_m + rng_.between(-0.06, 0.06) * spec_.block_m;
        const double v = (j - half) * spec_.block_m + rng_.between(-0.06, 0.06) * spec_.block_m;
        junctions_.push_back(tile_.add_node(to_tile(u, v)));
      }
    }
    // Which block sides exist: a few residential ones are left out (dead ends, T junctions).
    present_.assign(2 * static_cast<size_t>(n_ * n_), 1);
    for (const bool vertical : {false, true}) {
      for (int k = 0; k < n_; ++k) {
        for (int p = 0; p + 1 < n_; ++p) {
          present_[segment_index(vertical, k, p)] = segment_present(line(vertical, k)) ? 1 : 0;
        }
      }
    }
    auto crossing_exists = [&](bool vertical, int k, int p) {
      return (p > 0 && present_[segment_index(vertical, k, p - 1)] != 0) ||
             (p + 1 < n_ && present_[segment_index(vertical, k, p)] != 0);
    };
    for (int j = 1; j + 1 < n_; ++j) {
      for (int i = 1; i + 1 < n_; ++i) {
        const Line& row = rows_[static_cast<size_t>(j)];
        const Line& col = columns_[static_cast<size_t>(i)];
        JunctionKind& k = kinds_[static_cast<size_t>(j * n_ + i)];
        if (major(row) && major(col)) {
          k = spec_.main && rng_.chance(0.3) ? JunctionKind::roundabout
              : rng_.chance(0.35)            ? JunctionKind::restriction
                                             : JunctionKind::plain;
        } else if (major(row) || major(col)) {
          k = rng_.chance(0.12) ? JunctionKind::restriction : JunctionKind::plain;
        } else {
          const double r = rng_.unit();
          k = r < 0.025 ? JunctionKind::restriction : r < 0.05 ? JunctionKind::all_way_stop : JunctionKind::plain;
          if (k == JunctionKind::all_way_stop && !(crossing_exists(false, j, i) && crossing_exists(true, i, j))) {
            k = JunctionKind::plain;
          }
        }
        if (k == JunctionKind::roundabout) {
          make_ring(i, j);
        } else if (k == JunctionKind::restriction) {
          tile_.mark_restriction_junction(junction(i, j));
        } else if (k == JunctionKind::all_way_stop) {
          tile_.tag_node(junction(i, j), "highway", "stop");
          tile_.tag_node(junction(i, j), "stop", "all");
        }
      }
    }
    // Which approaches get a stop sign: bit 0 = row approaches, bit 1 = column approaches. Only
    // where the crossing street really continues on at least one side, else it is no junction.
    stop_lines_.assign(static_cast<size_t>(n_ * n_), 0);
    for (int j = 0; j < n_; ++j) {
      for (int i = 0; i < n_; ++i) {
        const auto k = kind(i, j);
        if (k == JunctionKind::roundabout || k == JunctionKind::all_way_stop) continue;
        const Line& row = rows_[static_cast<size_t>(j)];
        const Line& col = columns_[static_cast<size_t>(i)];
        auto& bits = stop_lines_[static_cast<size_t>(j * n_ + i)];
        if (row.rank != col.rank && (row.rank >= 4 || col.rank >= 4) && (major(row) || major(col))) {
          if (rng_.chance(0.7)) bits = row.rank > col.rank ? 1 : 2;
        } else if (!major(row) && !major(col) && rng_.chance(0.1)) {
          bits = rng_.chance(0.5) ? 1 : 2;
        }
        if ((bits == 1 && !crossing_exists(true, i, j)) || (bits == 2 && !crossing_exists(false, j, i))) bits = 0;
      }
    }
  }

  void make_ring(int i, int j) {
    const Point c = position(junction(i, j));
    std::array<NodeRef, 8> ring{};
    for (int k = 0; k < 8; ++k) {
      const double a = spec_.angle_rad + k * std::numbers::pi / 4;
      ring[static_cast<size_t>(k)] = tile_.add_node(Point{c.x_m + kRingRadiusM * std::cos(a), c.y_m + kRingRadiusM * std::sin(a)});
    }
    ring_of_[static_cast<size_t>(j * n_ + i)] = static_cast<int32_t>(rings_.size());
    rings_.push_back(Ring{i, j, ring});
  }

  Point position(NodeRef n) const { return tile_.position(n); }

  // The ring node facing direction `side` (0 east, 2 north, 4 west, 6 south in grid terms).
  NodeRef ring_node(int i, int j, int side) const {
    const int32_t ring = ring_of_[static_cast<size_t>(j * n_ + i)];
    return ring < 0 ? junction(i, j) : rings_[static_cast<size_t>(ring)].nodes[static_cast<size_t>(side)];
  }

  bool segment_present(const Line& l) { return major(l) || !rng_.chance(0.04); }
  // Block side p (between index p and p + 1) of row or column k.
  size_t segment_index(bool vertical, int k, int p) const {
    return static_cast<size_t>((vertical ? n_ * n_ : 0) + k * n_ + p);
  }

  bool stop_on(bool vertical, int i, int j) const {
    return (stop_lines_[static_cast<size_t>(j * n_ + i)] & (vertical ? 2 : 1)) != 0;
  }

  // Builds the node sequence of one street and cuts it into ways.
  void emit_line(bool vertical, int k) {
    const Line& l = line(vertical, k);
    std::vector<Item> items;
    auto at = [&](int p) { return vertical ? std::pair{k, p} : std::pair{p, k}; };
    const int side_low = vertical ? 6 : 4;   // ring side facing lower indices
    const int side_high = vertical ? 2 : 0;  // ... and higher indices
    const bool can_increase = l.travel != Travel::backward;
    const bool can_decrease = l.travel != Travel::forward;
    for (int p = 0; p < n_; ++p) {
      const auto [i, j] = at(p);
      const JunctionKind jk = kind(i, j);
      if (jk == JunctionKind::roundabout) {
        items.push_back(Item{ring_node(i, j, side_low), false, false});
        items.push_back(Item{{}, false, true});
        items.push_back(Item{ring_node(i, j, side_high), false, false});
      } else {
        items.push_back(Item{junction(i, j), jk == JunctionKind::restriction || rng_.chance(0.3), false});
      }
      if (p + 1 == n_) break;
      if (present_[segment_index(vertical, k, p)] == 0) {
        items.push_back(Item{{}, false, true});
        continue;
      }
      const auto [ni, nj] = at(p + 1);
      const NodeRef here = items.back().node;
      const NodeRef next_anchor = kind(ni, nj) == JunctionKind::roundabout ? ring_node(ni, nj, side_low) : junction(ni, nj);
      const Point a = position(here);
      const Point b = position(next_anchor);
      const double len = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
      auto along = [&](double t, double offset_m) {
        const double nx = -(b.y_m - a.y_m) / len;
        const double ny = (b.x_m - a.x_m) / len;
        return Point{a.x_m + (b.x_m - a.x_m) * t + nx * offset_m, a.y_m + (b.y_m - a.y_m) * t + ny * offset_m};
      };
      // Stop for traffic arriving at `here` from the higher side (driving towards lower indices).
      if (can_decrease && stop_on(vertical, i, j) && rng_.chance(0.9)) {
        const NodeRef s = tile_.add_node(along(kStopOffsetM / len, 0));
        tile_.add_stop(s, here, any_stop_form(rng_));
        items.push_back(Item{s, false, false});
      }
      const int shapes = static_cast<int>(rng_.integer(0, spec_.max_shape_nodes));
      for (int s = 1; s <= shapes; ++s) {
        const double t = static_cast<double>(s) / (shapes + 1);
        const NodeRef shape = tile_.add_node(along(t, rng_.between(-2.5, 2.5)));
        items.push_back(Item{shape, false, false});
        if (l.rank >= 5 && rng_.chance(0.15)) driveway(shape, along(t, 0), a, b, len);
      }
      if (can_increase && stop_on(vertical, ni, nj) && kind(ni, nj) != JunctionKind::roundabout && rng_.chance(0.9)) {
        const NodeRef s = tile_.add_node(along(1 - kStopOffsetM / len, 0));
        tile_.add_stop(s, next_anchor, any_stop_form(rng_));
        items.push_back(Item{s, false, false});
      }
    }
    cut_into_ways(l, items);
  }

  void driveway(NodeRef from, Point base, Point a, Point b, double len) {
    const double side = rng_.chance(0.5) ? 1 : -1;
    const double nx = -(b.y_m - a.y_m) / len * side;
    const double ny = (b.x_m - a.x_m) / len * side;
    const double depth = rng_.between(20, 45);
    std::vector<NodeRef> nodes{from};
    nodes.push_back(tile_.add_node(Point{base.x_m + nx * depth * 0.5, base.y_m + ny * depth * 0.5}));
    nodes.push_back(tile_.add_node(Point{base.x_m + nx * depth + (b.x_m - a.x_m) / len * 6,
                                         base.y_m + ny * depth + (b.y_m - a.y_m) / len * 6}));
    Tags tags{{"highway", "service"}};
    const double r = rng_.unit();
    if (r < 0.5) tags.emplace_back("service", "driveway");
    else if (r < 0.7) tags.emplace_back("service", "parking_aisle");
    if (rng_.chance(0.25)) tags.emplace_back("access", "private");
    add_speed_tags(spec_.style, RoadKind::service, rng_, tags);
    tile_.add_way(std::move(nodes), std::move(tags), Travel::both);
  }

  void cut_into_ways(const Line& l, const std::vector<Item>& items) {
    std::vector<NodeRef> piece;
    for (const Item& item : items) {
      if (item.brk) {
        if (piece.size() >= 2) emit_piece(l, std::move(piece));
        piece.clear();
        continue;
      }
      piece.push_back(item.node);
      if (item.cut && piece.size() >= 2) {
        emit_piece(l, std::move(piece));
        piece = {item.node};
      }
    }
    if (piece.size() >= 2) emit_piece(l, std::move(piece));
  }

  void emit_piece(const Line& l, std::vector<NodeRef> nodes) {
    Tags tags{{"highway", l.highway}};
    if (!l.name.empty() && rng_.chance(0.96)) tags.emplace_back("name", l.name);
    add_speed_tags(spec_.style, l.kind, rng_, tags);
    Travel travel = Travel::both;
    if (l.travel == Travel::both) {
      if (rng_.chance(0.25)) std::reverse(nodes.begin(), nodes.end());
    } else {
      // Mapped along the traffic (oneway=yes) or, now and then, against it (oneway=-1).
      const bool against = rng_.chance(0.2);
      if ((l.travel == Travel::backward) != against) std::reverse(nodes.begin(), nodes.end());
      tags.emplace_back("oneway", against ? "-1" : "yes");
      travel = against ? Travel::backward : Travel::forward;
    }
    if (l.rank == 1 && rng_.chance(0.5)) tags.emplace_back("lanes", "4");
    const double r = rng_.unit();
    if (l.rank >= 4) {
      if (r < 0.012) tags.emplace_back("access", "no");
      else if (r < 0.024) tags.emplace_back("motor_vehicle", "no");
      else if (r < 0.032) tags.emplace_back("motor_vehicle", "destination");
      else if (r < 0.038) tags.emplace_back("access", "private");
      else if (r < 0.042) tags.emplace_back("vehicle", "no");
    }
    tile_.add_way(std::move(nodes), std::move(tags), travel);
  }

  void emit_roundabouts() {
    for (const auto& r : rings_) {
      const Line& row = rows_[static_cast<size_t>(r.j)];
      const Line& col = columns_[static_cast<size_t>(r.i)];
      std::vector<NodeRef> nodes(r.nodes.begin(), r.nodes.end());
      nodes.push_back(r.nodes[0]);  // closed; counter-clockwise for right-hand traffic
      Tags tags{{"highway", row.rank <= col.rank ? row.highway : col.highway}, {"junction", "roundabout"}};
      if (rng_.chance(0.3)) add_speed_tags(spec_.style, RoadKind::urban_arterial, rng_, tags);
      tile_.add_way(std::move(nodes), std::move(tags), Travel::forward);
    }
  }

  struct Ring {
    int i;
    int j;
    std::array<NodeRef, 8> nodes;
  };

  TileBuilder& tile_;
  const TownSpec& spec_;
  Random& rng_;
  int n_;
  std::vector<Line> rows_;
  std::vector<Line> columns_;
  std::vector<NodeRef> junctions_;
  std::vector<JunctionKind> kinds_;
  std::vector<uint8_t> stop_lines_;
  std::vector<Ring> rings_;
  std::vector<int32_t> ring_of_;
  std::vector<uint8_t> present_;  // per block side (segment_index): 1 = the street exists there  // index into rings_ per junction, -1 for none
};

}  // namespace

double town_radius_m(int lines, double block_m) { return (lines - 1) * block_m * 0.5 * std::sqrt(2.0) + 20; }

TownEnds build_town(TileBuilder& tile, const TownSpec& spec) { return TownGrid(tile, spec).build(); }

}  // namespace drivelog::synth
