// A town for the simulator's realism options: a 5 x 5 grid, 150 m blocks, with a tunnel, traffic
// signals, car-park aisles and a track, and a dense quarter of 25 m blocks for urban-canyon tests.
//
//   col:   0     1     2     3     4
//   row 0  o-----o-----o-----o-----o        rows and columns: residential, 30 km/h, two-way
//   row 1  o-----o=====o-----o-----o        ==== row 1 between columns 1 and 2: a tunnel
//   row 2  o-----o-----G-----o-----o        G: traffic signals at (2, 2)
//   row 3  o-----o-----o-----o-----G        G: traffic signals at (3, 4)
//   row 4  o-----o-----o-----o-----o
//   (columns connect every row)       P: a car-park aisle 60 m north of (0, c), T: a track 80 m south of (4, 0)
//
// The dense quarter lies 2 km east: 8 x 8 junctions 25 m apart, not connected to the town.
#pragma once

#include <cstdint>
#include <string>

namespace drivelog::sim::test {

inline constexpr int kRealismSize = 5;
inline constexpr int64_t kTunnelWay = 30011;  // row 1, east of column 1

// Writes the town to `path` (a map file).
void write_realism_town(const std::string& path);

// A point in the middle of the dense quarter.
inline constexpr double kDenseLat = 52.49921, kDenseLon = 13.43084;

}  // namespace drivelog::sim::test
