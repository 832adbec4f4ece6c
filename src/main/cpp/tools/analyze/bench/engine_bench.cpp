// Measures matching + detection throughput through the C ABI on generated urban traces: a grid
// city built with MapBuilder, random drives at 1 Hz (or any rate) with GPS noise and stops.
//
//   drivelog-engine-bench [--blocks N] [--trips N] [--points N] [--hz H] [--noise-m S] [--threads N]
//                         [--seed S] [--repeat R] [--set key=value]... [--out DIR]
//
// Prints one JSON line: points, seconds, threads, points_per_second (per core), peak RSS. With
// --out, each trip's result JSON is also written to DIR/trip-NNNNNN.json (with --set matched=true
// the matched path too), so that two builds' results can be compared byte for byte (diff -r).
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "capi/drivelog.h"
#include "map/geo.hpp"
#include "map/map_builder.hpp"

namespace {

using drivelog::map::Coord;

struct Options {
  int blocks = 40;          // the city is blocks x blocks streets, 100 m apart
  int trips = 200;
  int points = 1800;        // per trip
  double hz = 1;
  double noise_m = 5;
  unsigned threads = 1;
  uint32_t seed = 1;
  int repeat = 1;
  std::string config;       // analyzer config lines (--set key=value)
  std::string out;          // where each trip's result JSON is written (empty: nowhere)
};

constexpr double kLat0 = 52.5, kLon0 = 13.4, kBlockM = 100;
constexpr double kMetersPerDegLat = drivelog::map::geo::kEarthRadiusMeters * drivelog::map::geo::kDegToRad;

int64_t node_id(int i, int j, int blocks) { return 1 + static_cast<int64_t>(j) * (blocks + 1) + i; }

void position(int i, int j, double& lat, double& lon) {
  lat = kLat0 + j * kBlockM / kMetersPerDegLat;
  lon = kLon0 + i * kBlockM / (kMetersPerDegLat * std::cos(kLat0 * drivelog::map::geo::kDegToRad));
}

// A grid city: every street a way; every 4th street one-way, limits 30/50, stop signs on some
// minor crossings, a few turn restrictions.
void build_city(const std::string& path, int blocks) {
  using namespace drivelog::map;
  MapBuilder b;
  for (int j = 0; j <= blocks; ++j) {
    for (int i = 0; i <= blocks; ++i) {
      double lat = 0, lon = 0;
      position(i, j, lat, lon);
      b.add_node(node_id(i, j, blocks), Coord::from_degrees(lat, lon));
    }
  }
  int64_t way = 1;
  for (int horizontal = 0; horizontal < 2; ++horizontal) {
    for (int k = 0; k <= blocks; ++k) {
      WayInput w;
      w.osm_id = way++;
      for (int m = 0; m <= blocks; ++m) w.node_ids.push_back(horizontal ? node_id(m, k, blocks) : node_id(k, m, blocks));
      w.name = (horizontal ? "Street " : "Avenue ") + std::to_string(k);
      w.road_class = k % 5 == 0 ? RoadClass::secondary : RoadClass::residential;
      if (k % 4 == 1) w.flags = edge_flags::kForwardAllowed;
      w.maxspeed_forward = w.maxspeed_backward = k % 5 == 0 ? 500 : 300;
      w.speed_source = SpeedSource::explicit_tag;
      b.add_way(w);
    }
  }
  for (int j = 1; j < blocks; j += 3) {
    for (int i = 2; i < blocks; i += 3) b.add_stop(StopInput{node_id(i, j, blocks), StopDirection::all});
  }
  b.set_source("bench grid city");
  b.write(path);
}

struct Trip {
  std::vector<double> time_s, lat, lon;
  std::vector<float> speed, heading, accuracy;
};

// A random drive over the grid: straight on or turning at crossings, 30-50 km/h, sometimes
// waiting 5-30 s at a crossing.
Trip drive(int blocks, int points, double hz, double noise_m, std::mt19937& rng) {
  Trip t;
  std::uniform_int_distribution<int> start(0, blocks);
  std::uniform_real_distribution<double> unit(0, 1);
  std::normal_distribution<double> gauss(0, noise_m);
  int i = start(rng), j = start(rng), di = 1, dj = 0;
  double time = 1.7e9, lat = 0, lon = 0;
  position(i, j, lat, lon);
  const double step = 1.0 / hz;
  double next_sample = time;
  const double mpd_lon = kMetersPerDegLat * std::cos(kLat0 * drivelog::map::geo::kDegToRad);
  const auto emit = [&](double la, double lo, double v, double h) {
    t.time_s.push_back(next_sample);
    t.lat.push_back(la + gauss(rng) / kMetersPerDegLat);
    t.lon.push_back(lo + gauss(rng) / mpd_lon);
    t.speed.push_back(static_cast<float>(v));
    t.heading.push_back(static_cast<float>(h));
    t.accuracy.push_back(static_cast<float>(noise_m));
    next_sample += step;
  };
  while (static_cast<int>(t.time_s.size()) < points) {
    // Choose the next crossing: mostly straight on, else a random legal-looking turn.
    const double r = unit(rng);
    if (r > 0.7) {
      const int sign = r > 0.85 ? 1 : -1;
      std::swap(di, dj);
      di *= sign;
      dj *= sign;
    }
    if (i + di < 0 || i + di > blocks || j + dj < 0 || j + dj > blocks) {
      di = -di;
      dj = -dj;
    }
    const int ni = i + di, nj = j + dj;
    double nlat = 0, nlon = 0;
    position(ni, nj, nlat, nlon);
    const double v = (30 + 20 * unit(rng)) / 3.6;
    const double duration = kBlockM / v;
    const double heading = di != 0 ? (di > 0 ? 90 : 270) : (dj > 0 ? 0 : 180);
    while (next_sample <= time + duration && static_cast<int>(t.time_s.size()) < points) {
      const double f = (next_sample - time) / duration;
      emit(lat + f * (nlat - lat), lon + f * (nlon - lon), v, heading);
    }
    time += duration;
    i = ni;
    j = nj;
    lat = nlat;
    lon = nlon;
    if (unit(rng) < 0.1) {
      const double wait = 5 + 25 * unit(rng);
      while (next_sample <= time + wait && static_cast<int>(t.time_s.size()) < points) emit(lat, lon, 0, heading);
      time += wait;
    }
  }
  return t;
}

// CPU time of the calling thread: on a shared machine, wall time also counts waiting for a core.
int64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Writes trip `k`'s result JSON to DIR/trip-NNNNNN.json (outside the timed work that matters:
// the bench's figures are instruction counts inside drivelog_analyze, or runs without --out).
void write_result(const std::string& dir, std::size_t k, const char* json, std::size_t len) {
  char name[32];
  std::snprintf(name, sizeof name, "trip-%06zu.json", k);
  std::filesystem::create_directories(dir);
  const std::string path = (std::filesystem::path(dir) / name).string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr || std::fwrite(json, 1, len, f) != len) std::fprintf(stderr, "cannot write %s\n", path.c_str());
  if (f != nullptr) std::fclose(f);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int a = 1; a + 1 < argc; a += 2) {
    const std::string k = argv[a];
    const char* v = argv[a + 1];
    if (k == "--blocks") o.blocks = std::atoi(v);
    else if (k == "--trips") o.trips = std::atoi(v);
    else if (k == "--points") o.points = std::atoi(v);
    else if (k == "--hz") o.hz = std::atof(v);
    else if (k == "--noise-m") o.noise_m = std::atof(v);
    else if (k == "--threads") o.threads = static_cast<unsigned>(std::atoi(v));
    else if (k == "--seed") o.seed = static_cast<uint32_t>(std::atoi(v));
    else if (k == "--repeat") o.repeat = std::atoi(v);
    else if (k == "--set") o.config += std::string(v) + "\n";  // analyzer config key=value, repeatable
    else if (k == "--out") o.out = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  const std::string path =
      (std::filesystem::temp_directory_path() / ("drivelog-bench-" + std::to_string(::getpid()) + ".dlmap")).string();
  build_city(path, o.blocks);
  drivelog_map* map = nullptr;
  char error[512];
  if (drivelog_map_open(path.c_str(), &map, error, sizeof error) != DRIVELOG_OK) {
    std::fprintf(stderr, "%s\n", error);
    return 1;
  }
  std::mt19937 rng(o.seed);
  std::vector<Trip> trips;
  for (int k = 0; k < o.trips; ++k) trips.push_back(drive(o.blocks, o.points, o.hz, o.noise_m, rng));
  const long rss_before = peak_rss_kib();

  std::atomic<size_t> next{0};
  std::atomic<uint64_t> points{0}, violations{0};
  std::atomic<int64_t> busy_ns{0}, cpu_ns{0};
  const auto worker = [&] {
    drivelog_analyzer* analyzer = nullptr;
    char err[512];
    if (drivelog_analyzer_create(map, o.config.empty() ? nullptr : o.config.c_str(), &analyzer, err, sizeof err) != DRIVELOG_OK) {
      std::fprintf(stderr, "%s\n", err);
      return;
    }
    const auto start = std::chrono::steady_clock::now();
    const int64_t cpu_start = thread_cpu_ns();
    for (size_t k = next++; k < trips.size() * static_cast<size_t>(o.repeat); k = next++) {
      const Trip& t = trips[k % trips.size()];
      const char* json = nullptr;
      size_t len = 0;
      if (drivelog_analyze(analyzer, "bench", t.time_s.size(), t.time_s.data(), t.lat.data(), t.lon.data(),
                           t.speed.data(), t.heading.data(), t.accuracy.data(), &json, &len, err, sizeof err) == DRIVELOG_OK) {
        points += t.time_s.size();
        if (!o.out.empty()) write_result(o.out, k, json, len);
        for (const char* p = std::strstr(json, "\"type\":"); p != nullptr; p = std::strstr(p + 1, "\"type\":")) ++violations;
      }
    }
    cpu_ns += thread_cpu_ns() - cpu_start;
    busy_ns += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
    drivelog_analyzer_destroy(analyzer);
  };
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < o.threads; ++k) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double busy = static_cast<double>(busy_ns.load()) / 1e9;
  std::printf(
      "{\"points\":%llu,\"trips\":%zu,\"hz\":%g,\"noise_m\":%g,\"threads\":%u,\"seconds\":%.3f,"
      "\"points_per_second\":%.0f,\"points_per_cpu_second\":%.0f,\"points_per_second_total\":%.0f,\"violations\":%llu,"
      "\"peak_rss_mib\":%.1f,\"peak_rss_before_analysis_mib\":%.1f}\n",
      static_cast<unsigned long long>(points.load()), trips.size() * static_cast<size_t>(o.repeat), o.hz, o.noise_m,
      o.threads, seconds, static_cast<double>(points.load()) / busy,
      static_cast<double>(points.load()) / (static_cast<double>(cpu_ns.load()) / 1e9), static_cast<double>(points.load()) / seconds,
      static_cast<unsigned long long>(violations.load()), static_cast<double>(peak_rss_kib()) / 1024.0,
      static_cast<double>(rss_before) / 1024.0);
  drivelog_map_close(map);
  std::filesystem::remove(path);
  return 0;
}
