// Fast distances between nearby fixes: an equirectangular metric whose longitude scale is cached
// per latitude band, so the hot path computes no trigonometry per fix.
#pragma once

#include <cmath>

#include "map/geo.hpp"

namespace drivelog::match {

// The scale is that of the centre of the fix's latitude band of 0.05 degree (5.5 km): off by
// under 0.1 % (below 75 degrees), far below GPS noise, and a pure function of the latitude, so
// results never depend on which trips an analyzer saw before.
class LocalMetric {
 public:
  static constexpr double kMetersPerDegLat = map::geo::kEarthRadiusMeters * map::geo::kDegToRad;
  static constexpr double kBandDeg = 0.05;

  // The hot path always inlined (GCC made the whole a call in the Viterbi step once it grew),
  // the band's change not.
  [[gnu::always_inline]] double meters_per_deg_lon(double lat) {
    // Strictly inside the cached band's half-open interval, round() would give the cached band:
    // the hot path needs neither round() nor cos().
    const double scaled = lat / kBandDeg;
    if (scaled > cached_low_ && scaled < cached_high_) return meters_per_deg_lon_;
    return another_band(scaled);
  }

  // Distance in metres between two fixes a few kilometres apart at most.
  double distance_m(double lat1, double lon1, double lat2, double lon2) {
    const double dx = (lon2 - lon1) * meters_per_deg_lon(lat1);
    const double dy = (lat2 - lat1) * kMetersPerDegLat;
    return std::sqrt(dx * dx + dy * dy);
  }

 private:
  [[gnu::noinline]] double another_band(double scaled) {
    const double band = std::round(scaled);
    if (band != cached_band_) {
      cached_band_ = band;
      meters_per_deg_lon_ = kMetersPerDegLat * std::cos(band * kBandDeg * map::geo::kDegToRad);
    }
    cached_low_ = band - 0.5;
    cached_high_ = band + 0.5;
    return meters_per_deg_lon_;
  }

  double cached_band_ = 1e9;  // nothing cached yet
  double cached_low_ = 0, cached_high_ = 0;  // the open interval of lat / kBandDeg that rounds to it
  double meters_per_deg_lon_ = 0;
};

}  // namespace drivelog::match
