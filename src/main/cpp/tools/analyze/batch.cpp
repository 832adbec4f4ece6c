// Batch mode: N worker threads, each with its own analyzer on the shared map, take files in turn.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tools/analyze/analyze_options.hpp"
#include "tools/analyze/csv_trace.hpp"

namespace drivelog::tools {
namespace {

std::string trip_name(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  for (const std::string_view suffix : {".csv"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) name.resize(name.size() - suffix.size());
  }
  return name;
}

// A short description of the result for the per-trip line: violation count by type.
std::string describe(const std::string& json) {
  std::size_t violations = 0;
  for (std::size_t pos = json.find("\"type\":\""); pos != std::string::npos; pos = json.find("\"type\":\"", pos + 1)) {
    ++violations;
  }
  std::string fraction = "?";
  const std::size_t f = json.find("\"matched_fraction\":");
  if (f != std::string::npos) fraction = json.substr(f + 19, json.find(',', f) - f - 19);
  return "matched_fraction=" + fraction + " violations=" + std::to_string(violations);
}

// CPU time of the calling thread: unlike wall time, it does not grow when other processes share the cores.
int64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

}  // namespace

int run_batch(const AnalyzeOptions& options, const drivelog_map* map) {
  if (!options.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec) {
      std::cerr << "drivelog-analyze: cannot create " << options.out_dir << ": " << ec.message() << "\n";
      return 2;
    }
  }
  // Create every analyzer first, so a bad config fails before any work (and names the key).
  const unsigned threads = std::max(1U, std::min<unsigned>(options.threads, static_cast<unsigned>(options.files.size())));
  std::vector<AnalyzerHandle> analyzers;
  for (unsigned t = 0; t < threads; ++t) {
    drivelog_analyzer* raw = nullptr;
    char error[1024];
    if (drivelog_analyzer_create(map, options.config_text.c_str(), &raw, error, sizeof error) != DRIVELOG_OK) {
      std::cerr << "drivelog-analyze: " << error << "\n";
      return 2;
    }
    analyzers.emplace_back(raw);
  }

  std::atomic<std::size_t> next{0};
  std::atomic<uint64_t> points{0};
  std::atomic<bool> failed{false};
  std::mutex print;
  std::atomic<int64_t> analysis_ns{0};
  std::atomic<int64_t> analysis_cpu_ns{0};
  const auto worker = [&](drivelog_analyzer* analyzer) {
    TraceFile trace;
    std::string error_text;
    char error[2048];
    for (std::size_t i = next++; i < options.files.size(); i = next++) {
      const std::string& path = options.files[i];
      if (!read_trace_csv(path, trace, error_text)) {
        const std::lock_guard lock(print);
        std::cerr << "drivelog-analyze: " << error_text << "\n";
        failed = true;
        continue;
      }
      const std::string name = trip_name(path);
      const char* json = nullptr;
      size_t json_len = 0;
      const auto start = std::chrono::steady_clock::now();
      const int64_t cpu_start = thread_cpu_ns();
      const int32_t status =
          drivelog_analyze(analyzer, name.c_str(), trace.time_s.size(), trace.time_s.data(), trace.lat.data(),
                           trace.lon.data(), trace.speed_mps.data(), trace.heading_deg.data(), trace.accuracy_m.data(),
                           &json, &json_len, error, sizeof error);
      analysis_cpu_ns += thread_cpu_ns() - cpu_start;
      analysis_ns += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
      if (status != DRIVELOG_OK) {
        const std::lock_guard lock(print);
        std::cerr << "drivelog-analyze: " << path << ": " << error << "\n";
        failed = true;
        continue;
      }
      points += trace.time_s.size();
      const std::string result(json, json_len);
      if (options.out_dir.empty()) {
        const std::lock_guard lock(print);
        std::cout << result << "\n";
        continue;
      }
      const std::string out_path = (std::filesystem::path(options.out_dir) / (name + ".json")).string();
      std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
      out << result << "\n";
      out.close();
      const std::lock_guard lock(print);
      if (!out) {
        std::cerr << "drivelog-analyze: cannot write " << out_path << "\n";
        failed = true;
        continue;
      }
      std::cout << name << ": points=" << trace.time_s.size() << " " << describe(result) << " -> " << out_path << "\n";
    }
  };
  const auto wall_start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, analyzers[t].get());
  worker(analyzers[0].get());
  for (std::thread& t : pool) t.join();
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  if (options.stats) {
    // Per core: analysis time summed over the threads (file reading excluded).
    const double busy_s = static_cast<double>(analysis_ns.load()) / 1e9;
    const double per_core = busy_s > 0 ? static_cast<double>(points.load()) / busy_s : 0.0;
    const double cpu_s = static_cast<double>(analysis_cpu_ns.load()) / 1e9;
    const double per_cpu_second = cpu_s > 0 ? static_cast<double>(points.load()) / cpu_s : 0.0;
    char line[512];
    std::snprintf(line, sizeof line,
                  "{\"points\":%llu,\"seconds\":%.3f,\"analysis_seconds\":%.3f,\"threads\":%u,"
                  "\"points_per_second\":%.0f,\"points_per_second_total\":%.0f,"
                  "\"analysis_cpu_seconds\":%.3f,\"points_per_cpu_second\":%.0f}",
                  static_cast<unsigned long long>(points.load()), wall_s, busy_s, threads, per_core,
                  wall_s > 0 ? static_cast<double>(points.load()) / wall_s : 0.0, cpu_s, per_cpu_second);
    std::cerr << line << "\n";
  }
  return failed ? 1 : 0;
}

}  // namespace drivelog::tools
