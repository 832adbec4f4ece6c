#include <iostream>

#include "map/map_info_json.hpp"
#include "map/map_view.hpp"
#include "tools/map/commands.hpp"

namespace drivelog::tools::map {

int run_info(const std::vector<std::string>& args) {
  std::string path;
  bool verify = false;
  for (const std::string& a : args) {
    if (a == "--verify") verify = true;
    else if (path.empty() && !a.starts_with("--")) path = a;
    else {
      std::cerr << "drivelog-map info: unexpected argument '" << a << "'\nusage: drivelog-map info MAP [--verify]\n";
      return kExitBadInput;
    }
  }
  if (path.empty()) {
    std::cerr << "usage: drivelog-map info MAP [--verify]\n";
    return kExitBadInput;
  }
  try {
    drivelog::map::MapView view = drivelog::map::MapView::open(path);
    if (verify) view.verify();
    std::string json = drivelog::map::map_info_json(view);
    if (verify) json.insert(json.size() - 1, ",\"verified\":true");
    std::cout << json << "\n";
    view.close();
    return kExitOk;
  } catch (const drivelog::map::MapError& e) {
    std::cerr << "drivelog-map info: " << e.what() << "\n";
    return kExitBadInput;
  }
}

}  // namespace drivelog::tools::map
