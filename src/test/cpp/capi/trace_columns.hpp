// Turns a scenario drive into the columns the C ABI takes.
#pragma once

#include <vector>

#include "match/trace.hpp"

namespace drivelog::test {

struct Columns {
  std::vector<double> time_s, lat, lon;
  std::vector<float> speed_mps, heading_deg, accuracy_m;

  explicit Columns(const std::vector<match::TracePoint>& points) {
    for (const match::TracePoint& p : points) {
      time_s.push_back(p.time_s);
      lat.push_back(p.lat);
      lon.push_back(p.lon);
      speed_mps.push_back(p.speed_mps);
      heading_deg.push_back(p.heading_deg);
      accuracy_m.push_back(p.accuracy_m);
    }
  }
  [[nodiscard]] std::size_t size() const { return time_s.size(); }
};

}  // namespace drivelog::test
