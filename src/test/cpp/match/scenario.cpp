#include "scenario.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "map/geo.hpp"

namespace drivelog::scenario {
namespace {

constexpr double kOriginLat = 52.5;
constexpr double kOriginLon = 13.4;
constexpr double kMetersPerDegLat = map::geo::kEarthRadiusMeters * map::geo::kDegToRad;

std::string unique_path() {
  static int counter = 0;  // test-only: distinct files within one test process
  return (std::filesystem::temp_directory_path() /
          ("drivelog-scenario-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".dlmap"))
      .string();
}

std::map<char, map::Coord> parse_ascii(std::string_view ascii, double grid_m) {
  std::map<char, map::Coord> nodes;
  const double meters_per_deg_lon = kMetersPerDegLat * std::cos(kOriginLat * map::geo::kDegToRad);
  int row = 0;
  std::size_t start = 0;
  while (start <= ascii.size()) {
    const std::size_t end = std::min(ascii.find('\n', start), ascii.size());
    const std::string_view line = ascii.substr(start, end - start);
    for (std::size_t col = 0; col < line.size(); ++col) {
      const char c = line[col];
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        const double north = -row * grid_m, east = static_cast<double>(col) * grid_m;
        nodes[c] = map::Coord::from_degrees(kOriginLat + north / kMetersPerDegLat, kOriginLon + east / meters_per_deg_lon);
      }
    }
    ++row;
    start = end + 1;
  }
  return nodes;
}

uint16_t tenths(double kmh) { return static_cast<uint16_t>(std::lround(kmh * 10)); }

}  // namespace

Scenario::Scenario(std::string_view ascii, double grid_m, std::vector<WaySpec> ways, std::vector<StopSpec> stops,
                   std::vector<RestrictionSpec> restrictions)
    : path_(unique_path()),
      nodes_(parse_ascii(ascii, grid_m)),
      view_([&] {
        map::MapBuilder builder;
        for (const auto& [letter, c] : nodes_) builder.add_node(node_id(letter), c);
        for (const WaySpec& w : ways) {
          map::WayInput in;
          in.osm_id = w.osm_id;
          for (const char c : w.nodes) {
            if (!nodes_.contains(c)) throw std::invalid_argument(std::string("way uses undrawn node ") + c);
            in.node_ids.push_back(node_id(c));
          }
          in.name = w.name;
          in.flags = w.flags;
          in.use = w.road_use;
          in.road_class = map::RoadClass::residential;
          in.maxspeed_forward = tenths(w.maxspeed_forward_kmh);
          in.maxspeed_backward = tenths(w.maxspeed_backward_kmh);
          in.speed_source = w.maxspeed_forward_kmh > 0 ? map::SpeedSource::explicit_tag : map::SpeedSource::none;
          in.advisory_forward = tenths(w.advisory_forward_kmh);
          in.advisory_backward = tenths(w.advisory_backward_kmh);
          builder.add_way(in);
        }
        for (const StopSpec& s : stops) builder.add_stop(map::StopInput{node_id(s.node), s.direction});
        for (const RestrictionSpec& r : restrictions) {
          map::RestrictionInput in;
          in.osm_relation_id = r.relation_id;
          in.kind = r.kind;
          in.from_way = r.from_way;
          in.via_node = node_id(r.via);
          in.to_way = r.to_way;
          builder.add_restriction(in);
        }
        builder.set_source("scenario");
        builder.write(path_);
        return map::MapView::open(path_);
      }()) {}

Scenario::~Scenario() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

map::Coord Scenario::coord(char letter) const {
  const auto it = nodes_.find(letter);
  if (it == nodes_.end()) throw std::invalid_argument(std::string("no node ") + letter);
  return it->second;
}

Drive::Drive(const Scenario& scenario, double hz, uint32_t seed)
    : scenario_(&scenario), step_s_(1.0 / hz), random_(seed) {}

Drive& Drive::noise(double sigma_m) {
  noise_m_ = sigma_m;
  return *this;
}

Drive& Drive::bias(double east_m, double north_m) {
  bias_east_m_ = east_m;
  bias_north_m_ = north_m;
  return *this;
}

Drive& Drive::drift(double east_mps, double north_mps) {
  drift_east_mps_ = east_mps;
  drift_north_mps_ = north_mps;
  return *this;
}

Drive& Drive::report_speed(bool on) {
  speed_ = on;
  return *this;
}

Drive& Drive::report_heading(bool on) {
  heading_reported_ = on;
  return *this;
}

Drive& Drive::start_at(char letter) {
  leg_ = {letter, letter};
  const map::Coord c = scenario_->coord(letter);
  lat_ = c.lat();
  lon_ = c.lon();
  return *this;
}

void Drive::emit(double lat, double lon, double speed_mps, double heading_deg) {
  if (time_s_ < drop_until_s_) return;
  double north = bias_north_m_, east = bias_east_m_;
  if (noise_m_ > 0) {
    std::normal_distribution<double> gauss(0.0, noise_m_);
    north += gauss(random_);
    east += gauss(random_);
  }
  const double meters_per_deg_lon = kMetersPerDegLat * std::cos(lat * map::geo::kDegToRad);
  match::TracePoint p;
  p.time_s = time_s_;
  p.lat = lat + north / kMetersPerDegLat;
  p.lon = lon + east / meters_per_deg_lon;
  p.speed_mps = speed_ ? static_cast<float>(speed_mps) : std::numeric_limits<float>::quiet_NaN();
  p.heading_deg = heading_reported_ ? static_cast<float>(heading_deg) : std::numeric_limits<float>::quiet_NaN();
  p.accuracy_m = std::numeric_limits<float>::quiet_NaN();
  points_.push_back(p);
  legs_.push_back(leg_);
}

void Drive::move_to(double lat, double lon, double speed_mps) {
  const double length = map::geo::distance_m(lat_, lon_, lat, lon);
  if (length <= 0) return;
  const double duration = length / speed_mps;
  heading_ = map::geo::bearing_deg(lat_, lon_, lat, lon);
  const double t0 = time_s_;
  // Sample at every multiple of the step that falls inside this leg.
  while (next_sample_s_ <= t0 + duration) {
    const double f = (next_sample_s_ - t0) / duration;
    time_s_ = next_sample_s_;
    emit(lat_ + f * (lat - lat_), lon_ + f * (lon - lon_), speed_mps, heading_);
    next_sample_s_ += step_s_;
  }
  time_s_ = t0 + duration;
  lat_ = lat;
  lon_ = lon;
}

Drive& Drive::to(std::string_view letters, double speed_kmh) {
  for (const char c : letters) {
    const map::Coord target = scenario_->coord(c);
    leg_ = {leg_.second, c};
    move_to(target.lat(), target.lon(), speed_kmh / 3.6);
  }
  return *this;
}

Drive& Drive::toward(char letter, double fraction, double speed_kmh) {
  const map::Coord target = scenario_->coord(letter);
  move_to(lat_ + fraction * (target.lat() - lat_), lon_ + fraction * (target.lon() - lon_), speed_kmh / 3.6);
  return *this;
}

Drive& Drive::change_speed(char letter, double from_kmh, double to_kmh, double rate_mps2) {
  const map::Coord target = scenario_->coord(letter);
  const double v0 = from_kmh / 3.6, v1 = to_kmh / 3.6;
  const double duration = std::fabs(v1 - v0) / rate_mps2;
  const int steps = std::max(1, static_cast<int>(std::ceil(duration / 0.02)));
  for (int i = 0; i < steps; ++i) {
    // Short legs at their mean speed: the motion of a constant acceleration to within millimetres.
    const double v = std::max(0.05, v0 + (v1 - v0) * (i + 0.5) / steps);
    const double left = map::geo::distance_m(lat_, lon_, target.lat(), target.lon());
    const double f = std::min(1.0, v * duration / steps / std::max(left, 1e-9));
    move_to(lat_ + f * (target.lat() - lat_), lon_ + f * (target.lon() - lon_), v);
  }
  return *this;
}

Drive& Drive::wait(double seconds, double jitter_m) {
  const double saved = noise_m_;
  noise_m_ = jitter_m;
  const double end = time_s_ + seconds;
  while (next_sample_s_ <= end) {
    bias_east_m_ += drift_east_mps_ * (next_sample_s_ - time_s_);
    bias_north_m_ += drift_north_mps_ * (next_sample_s_ - time_s_);
    time_s_ = next_sample_s_;
    emit(lat_, lon_, 0.0, heading_);
    next_sample_s_ += step_s_;
  }
  time_s_ = end;
  noise_m_ = saved;
  return *this;
}

Drive& Drive::gap_next(double seconds) {
  drop_until_s_ = time_s_ + seconds;
  return *this;
}

Drive& Drive::outlier(double meters) {
  if (!points_.empty()) points_.back().lat += meters / kMetersPerDegLat;
  return *this;
}

std::vector<match::TracePoint> replay(const Scenario& scenario, char origin, const std::vector<RecordedFix>& fixes) {
  constexpr double kStartS = 1795161600.0;  // 2026-11-20T08:00:00Z, as Drive
  const map::Coord o = scenario.coord(origin);
  const double meters_per_deg_lon = kMetersPerDegLat * std::cos(o.lat() * map::geo::kDegToRad);
  std::vector<match::TracePoint> trace;
  trace.reserve(fixes.size());
  for (const RecordedFix& f : fixes) {
    match::TracePoint p;
    p.time_s = kStartS + f.t_s;
    p.lat = o.lat() + f.north_m / kMetersPerDegLat;
    p.lon = o.lon() + f.east_m / meters_per_deg_lon;
    p.speed_mps = static_cast<float>(f.speed_mps);
    p.heading_deg = static_cast<float>(f.heading_deg);
    p.accuracy_m = static_cast<float>(f.accuracy_m);
    trace.push_back(p);
  }
  return trace;
}

std::vector<int64_t> matched_ways(const map::MapView& map, const match::MatchResult& result) {
  std::vector<int64_t> ways;
  for (const match::Traversal& t : result.traversals) {
    if (t.length_m() < 5) continue;  // grazed a junction
    const int64_t id = map.edge(t.edge).osm_way_id;
    if (ways.empty() || ways.back() != id) ways.push_back(id);
  }
  return ways;
}

}  // namespace drivelog::scenario
