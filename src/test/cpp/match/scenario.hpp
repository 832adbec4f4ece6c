// Scenario tests in the style of valhalla's gurka / OSRM's cucumber features: a road network drawn
// as ASCII art, roads attached to letter sequences, and GPS traces "driven" over it.
//
//   const Scenario s(R"(
//       A----B----C
//            |
//            D
//   )", 10.0, {way("ABC", 1, "Main"), way("BD", 2, "Side").oneway()});
//
// Every letter is a node, `grid_m` metres apart per character horizontally and per line
// vertically (north is up). Shapes run straight between the letters a way lists.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "map/map_builder.hpp"
#include "map/map_types.hpp"
#include "map/map_view.hpp"
#include "match/matched_path.hpp"
#include "match/trace.hpp"

namespace drivelog::scenario {

// A road: letters in way order plus its attributes. Chain the modifiers.
struct WaySpec {
  std::string nodes;
  int64_t osm_id = 0;
  std::string name;
  uint16_t flags = map::edge_flags::kForwardAllowed | map::edge_flags::kBackwardAllowed;
  double maxspeed_forward_kmh = 0;  // 0 = unknown
  double maxspeed_backward_kmh = 0;

  WaySpec& oneway() {
    flags = static_cast<uint16_t>((flags & ~map::edge_flags::kBackwardAllowed) | map::edge_flags::kForwardAllowed);
    return *this;
  }
  WaySpec& closed() {
    flags = static_cast<uint16_t>(flags | map::edge_flags::kClosed);
    return *this;
  }
  // Closed only at some times (a conditional restriction): flagged closed and closed at times.
  WaySpec& closed_at_times() {
    flags = static_cast<uint16_t>(flags | map::edge_flags::kClosed | map::edge_flags::kClosedAtTimes);
    return *this;
  }
  // access=destination: no through traffic.
  WaySpec& destination_only() {
    flags = static_cast<uint16_t>(flags | map::edge_flags::kDestination);
    return *this;
  }
  WaySpec& maxspeed(double kmh) {
    maxspeed_forward_kmh = maxspeed_backward_kmh = kmh;
    return *this;
  }
  WaySpec& maxspeed_mph(double mph) { return maxspeed(mph * 1.609344); }
  // maxspeed:advisory per direction (0 = none), as the OSM import stores it.
  WaySpec& advisory(double forward_kmh, double backward_kmh) {
    advisory_forward_kmh = forward_kmh;
    advisory_backward_kmh = backward_kmh;
    return *this;
  }
  double advisory_forward_kmh = 0;
  double advisory_backward_kmh = 0;
  WaySpec& use(map::RoadUse u) {
    road_use = u;
    return *this;
  }
  map::RoadUse road_use = map::RoadUse::general;
};

inline WaySpec way(std::string nodes, int64_t osm_id, std::string name = "") {
  WaySpec w;
  w.nodes = std::move(nodes);
  w.osm_id = osm_id;
  w.name = std::move(name);
  return w;
}

struct StopSpec {
  char node = 0;
  map::StopDirection direction = map::StopDirection::all;
};

struct RestrictionSpec {
  int64_t relation_id = 0;
  map::RestrictionKind kind = map::RestrictionKind::no;
  int64_t from_way = 0;
  char via = 0;
  int64_t to_way = 0;
};

// OSM node id of a letter.
inline int64_t node_id(char letter) { return 1000 + letter; }

// The drawn map, built into a temporary map file and opened. Removes the file when destroyed.
class Scenario {
 public:
  Scenario(std::string_view ascii, double grid_m, std::vector<WaySpec> ways, std::vector<StopSpec> stops = {},
           std::vector<RestrictionSpec> restrictions = {});
  ~Scenario();
  Scenario(const Scenario&) = delete;
  Scenario& operator=(const Scenario&) = delete;

  [[nodiscard]] const map::MapView& map() const { return view_; }
  [[nodiscard]] map::Coord coord(char letter) const;
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::map<char, map::Coord> nodes_;
  map::MapView view_;
};

// Drives over a Scenario and samples GPS fixes. Deterministic for a seed.
class Drive {
 public:
  Drive(const Scenario& scenario, double hz, uint32_t seed = 1);

  Drive& noise(double sigma_m);          // Gaussian position noise from now on
  // A constant receiver error from now on (metres east and north): the slowly wandering part of
  // real GPS error, which puts a whole stretch of fixes beside the road.
  Drive& bias(double east_m, double north_m);
  // While waiting: the bias wanders this far (metres per second, east and north) from now on.
  Drive& drift(double east_mps, double north_mps);
  Drive& report_speed(bool on);          // fill the speed column (default on)
  Drive& report_heading(bool on);        // fill the heading column (default off)
  Drive& start_at(char letter);
  // Drives through the letters (straight lines between them) at a constant speed.
  Drive& to(std::string_view letters, double speed_kmh);
  // Drives part of the way towards a letter (fraction of that leg), e.g. to turn round mid-road.
  Drive& toward(char letter, double fraction, double speed_kmh);
  // Drives towards a letter changing speed at a constant rate (m/s^2) from one speed to another
  // (to 0: a stop), sampled as the motion goes (the fixes report the speed of the moment).
  Drive& change_speed(char letter, double from_kmh, double to_kmh, double rate_mps2);
  // Stands still, with GPS jitter of `jitter_m` (1 sigma) around the true position.
  Drive& wait(double seconds, double jitter_m = 0);
  // Drops the fixes of the next `seconds` while driving on (a tunnel).
  Drive& gap_next(double seconds);
  // Replaces the most recent fix by one `meters` north of it (a multipath outlier).
  Drive& outlier(double meters);

  [[nodiscard]] const std::vector<match::TracePoint>& points() const { return points_; }
  // For each fix, the letters of the road stretch the car was really on (from, to).
  [[nodiscard]] const std::vector<std::pair<char, char>>& true_legs() const { return legs_; }

 private:
  void move_to(double lat, double lon, double speed_mps);
  void emit(double lat, double lon, double speed_mps, double heading_deg);

  const Scenario* scenario_;
  double step_s_;
  double time_s_ = 1795161600.0;  // 2026-11-20T08:00:00Z
  double next_sample_s_ = 1795161600.0;
  double lat_ = 0, lon_ = 0;
  double heading_ = 0;
  double noise_m_ = 0;
  double bias_east_m_ = 0, bias_north_m_ = 0;
  double drift_east_mps_ = 0, drift_north_mps_ = 0;
  double drop_until_s_ = 0;
  bool speed_ = true, heading_reported_ = false;
  std::mt19937 random_;
  std::vector<match::TracePoint> points_;
  std::vector<std::pair<char, char>> legs_;
  std::pair<char, char> leg_{0, 0};
};

// A fix recorded on a real drive, placed on a drawn map: seconds from a moment of interest, metres
// east and north of a letter, and what the receiver reported (m/s, degrees, metres).
struct RecordedFix {
  double t_s = 0;
  double east_m = 0, north_m = 0;
  double speed_mps = 0, heading_deg = 0, accuracy_m = 0;
};

// The recorded fixes as a trace on the scenario's map, placed relative to `origin`: to replay the
// fixes of a real trip around a finding on the roads drawn from its map.
std::vector<match::TracePoint> replay(const Scenario& scenario, char origin, const std::vector<RecordedFix>& fixes);

// The OSM way ids along a matched path, consecutive repeats collapsed.
std::vector<int64_t> matched_ways(const map::MapView& map, const match::MatchResult& result);

}  // namespace drivelog::scenario
