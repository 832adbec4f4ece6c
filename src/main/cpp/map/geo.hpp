// Small geodesy for road-scale distances: great-circle distance and a local flat projection.
#pragma once

#include <cmath>

#include "map/map_types.hpp"

namespace drivelog::map::geo {

inline constexpr double kEarthRadiusMeters = 6371008.8;  // mean Earth radius (IUGG)
inline constexpr double kDegToRad = 3.14159265358979323846 / 180.0;

// Great-circle distance in metres (haversine; exact enough for the metres matching needs).
inline double distance_m(double lat1, double lon1, double lat2, double lon2) {
  const double p1 = lat1 * kDegToRad, p2 = lat2 * kDegToRad;
  const double dp = p2 - p1, dl = (lon2 - lon1) * kDegToRad;
  const double a = std::sin(dp / 2) * std::sin(dp / 2) + std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * kEarthRadiusMeters * std::asin(std::min(1.0, std::sqrt(a)));
}

inline double distance_m(Coord a, Coord b) { return distance_m(a.lat(), a.lon(), b.lat(), b.lon()); }

// Initial bearing from a to b in degrees clockwise from north, [0, 360).
inline double bearing_deg(double lat1, double lon1, double lat2, double lon2) {
  const double p1 = lat1 * kDegToRad, p2 = lat2 * kDegToRad, dl = (lon2 - lon1) * kDegToRad;
  const double y = std::sin(dl) * std::cos(p2);
  const double x = std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl);
  const double deg = std::atan2(y, x) / kDegToRad;
  return deg < 0 ? deg + 360.0 : deg;
}

// std::fmod(x, 360.0) without the library call for x in [0, 1080), where the difference of two
// bearings in [0, 360] plus 540 lies: there x - 360 and x - 720 are exact (Sterbenz: the operands
// are within a factor 2 of each other), as fmod is. Anything else goes to the library.
inline double fmod_360(double x) {
  if (x >= 0 && x < 360) return x;
  if (x >= 360 && x < 720) return x - 360;
  if (x >= 720 && x < 1080) return x - 720;
  return std::fmod(x, 360.0);
}

// An equirectangular projection around a reference latitude: metres east/north of the origin.
// Good to well under 0.1 % within a few kilometres, which is all that one GPS fix's candidates need.
struct LocalProjection {
  double origin_lat = 0, origin_lon = 0;
  double meters_per_deg_lat = 0, meters_per_deg_lon = 0;

  LocalProjection() = default;
  LocalProjection(double lat, double lon)
      : origin_lat(lat), origin_lon(lon),
        meters_per_deg_lat(kEarthRadiusMeters * kDegToRad),
        meters_per_deg_lon(kEarthRadiusMeters * kDegToRad * std::cos(lat * kDegToRad)) {}

  [[nodiscard]] double x(double lon) const { return (lon - origin_lon) * meters_per_deg_lon; }
  [[nodiscard]] double y(double lat) const { return (lat - origin_lat) * meters_per_deg_lat; }
};

}  // namespace drivelog::map::geo
