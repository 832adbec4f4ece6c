// `drivelog-map open-time`: how long MapView::open (mmap + header checks) and close take, in
// process, without the cost of starting a process. For the benchmark that compares a small map
// with a multi-GB one: opening must not grow with the file.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <iostream>
#include <vector>

#include "map/json_text.hpp"
#include "map/map_view.hpp"
#include "tools/map/commands.hpp"

namespace drivelog::tools::map {

int run_open_time(const std::vector<std::string>& args) {
  std::string path;
  int repeat = 200;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--repeat" && i + 1 < args.size()) {
      const std::string& v = args[++i];
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), repeat);
      if (ec != std::errc{} || end != v.data() + v.size() || repeat < 1) {
        std::cerr << "drivelog-map open-time: --repeat takes a positive number, not '" << v << "'\n";
        return kExitBadInput;
      }
    } else if (path.empty() && !args[i].starts_with("--")) {
      path = args[i];
    } else {
      std::cerr << "usage: drivelog-map open-time MAP [--repeat N]\n";
      return kExitBadInput;
    }
  }
  if (path.empty()) {
    std::cerr << "usage: drivelog-map open-time MAP [--repeat N]\n";
    return kExitBadInput;
  }
  try {
    std::vector<double> micros;
    uint64_t bytes = 0;
    for (int i = 0; i < repeat; ++i) {
      const auto start = std::chrono::steady_clock::now();
      drivelog::map::MapView view = drivelog::map::MapView::open(path);
      bytes = view.info().bytes;
      view.close();
      micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    }
    const double first = micros.front();  // the only one that may map pages not yet in the page cache
    std::sort(micros.begin(), micros.end());
    std::cout << "{\"map\":" << drivelog::map::json_string(path) << ",\"bytes\":" << bytes << ",\"repeat\":" << repeat
              << ",\"open_close_us_median\":" << drivelog::map::json_fixed(micros[micros.size() / 2], 1)
              << ",\"open_close_us_min\":" << drivelog::map::json_fixed(micros.front(), 1)
              << ",\"open_close_us_first\":" << drivelog::map::json_fixed(first, 1) << "}\n";
    return kExitOk;
  } catch (const drivelog::map::MapError& e) {
    std::cerr << "drivelog-map open-time: " << e.what() << "\n";
    return kExitBadInput;
  }
}

}  // namespace drivelog::tools::map
