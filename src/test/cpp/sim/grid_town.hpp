// A small grid town for the simulator tests, 6 x 6 junctions 200 m apart, one way per block:
//
//   col:   0     1     2     3     4     5
//   row 0  o-----o-----o-----o-----o-----o      rows: "Row r" tertiary, 50 km/h
//          |     |     |     |     |     |      columns: "Column c" residential, 30 km/h
//   row 1  o-----S-----o-----S-----o-----o      at (1,1): only straight on from (1,0)-(1,1)
//          |     |     |     |     |     |      S: stop sign (no direction: governs the minor, column approaches)
//   row 2  o->-->S->-->o->-->S->-->o->-->o      row 2: one-way eastwards (>)
//          |     |     |     |     X     |      X: column 4 between rows 2 and 3 closed to motor vehicles
//   row 3  o-----S-----o-----S-----o-----o      at (3,3): no turn from (3,2)-(3,3) into (3,3)-(4,3)
//          |     |     |     |     |     |
//   row 4  o-----S-----o-----S-----o-----o
//          |     |     |     |     |     |
//   row 5  o-----o-----o-----o-----o-----o
//
// Node (r, c) has OSM id 1000 + 10 r + c; the way east of it 10000 + 10 r + c, the way south of it
// 20000 + 10 r + c. Relation ids: 900 (the no-turn), 901 (the only-straight-on).
#pragma once

#include <cstdint>
#include <string>

namespace drivelog::sim::test {

inline constexpr int kGridSize = 6;
inline constexpr double kBlockMeters = 200;

inline int64_t node_id(int row, int col) { return 1000 + 10 * row + col; }
inline int64_t east_way(int row, int col) { return 10000 + 10 * row + col; }
inline int64_t south_way(int row, int col) { return 20000 + 10 * row + col; }

// Writes the town to `path` (a map file).
void write_grid_town(const std::string& path);

// A unique temporary path for a test (removed by the caller).
std::string temp_path(const std::string& name);

}  // namespace drivelog::sim::test
