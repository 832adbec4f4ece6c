// Fast distances between nearby fixes: an equirectangular metric whose longitude scale is cached
// per latitude band, so the hot path computes no trigonometry per fix.
#pragma once

#include <cmath>

#include "map/geo.hpp"

namespace drivelog::match {

// Reused across fixes of one thread. Within a band of 0.05 degree (5.5 km) of latitude the cached
// scale is off by under 0.1 %, far below GPS noise.
class LocalMetric {
 public:
  static constexpr double kMetersPerDegLat = map::geo::kEarthRadiusMeters * map::geo::kDegToRad;

  double meters_per_deg_lon(double lat) {
    if (std::fabs(lat - cached_lat_) > 0.05) {
      cached_lat_ = lat;
      meters_per_deg_lon_ = kMetersPerDegLat * std::cos(lat * map::geo::kDegToRad);
    }
    return meters_per_deg_lon_;
  }

  // Distance in metres between two fixes a few kilometres apart at most.
  double distance_m(double lat1, double lon1, double lat2, double lon2) {
    const double dx = (lon2 - lon1) * meters_per_deg_lon(lat1);
    const double dy = (lat2 - lat1) * kMetersPerDegLat;
    return std::sqrt(dx * dx + dy * dy);
  }

 private:
  double cached_lat_ = 1000;  // nothing cached yet
  double meters_per_deg_lon_ = 0;
};

}  // namespace drivelog::match
