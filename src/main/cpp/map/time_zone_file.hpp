// The time zones of a map's area as `drivelog map build` hands them to the native builder: the
// Java side computes them from maintained data (timeshape's zone polygons, java.time's tz rules;
// TimeZoneGrid.java) and writes this text file; the builder stores it in the map.
//
//   drivelog-time-zones 1
//   source <free text>
//   grid <origin_lat_e7> <origin_lon_e7> <cell_lat_e7> <cell_lon_e7> <rows> <cols>
//   zone <IANA id> <n>            then n lines "<utc_seconds> <offset_seconds>", ascending; the
//                                 first line's time is "min" (the offset before any transition)
//   cells <zone>x<count> ...      row-major from the south-west cell, run-length encoded
#pragma once

#include <string>

#include "map/legal_tables.hpp"

namespace drivelog::map {

// Throws MapError naming the file and line.
TimeZoneTable read_time_zone_file(const std::string& path);

}  // namespace drivelog::map
