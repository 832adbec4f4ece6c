// A small hand-drawn road network shared by the map tests.
//
//            4 c
//            |        way 20 "Side Road" residential, oneway c -> s -> b
//            5 s      stop (direction=forward) at s
//            |                     7
//   1 a -----2 b ---------------/     \------ 3 d ------------------------ 8
//            |   way 10 (a-b) and way 11 (b-7-d) "Main Street" primary, 50 km/h
//            6 e     way 30 service, unnamed; stop without direction at b
//
// way 40 (d-?-8): a reference to a node that is missing from the input (dropped).
#pragma once

#include <string>

#include "map/map_builder.hpp"

namespace drivelog::map::test {

// Fills `builder` with the network above; returns nothing it does not also document here.
void add_sample_network(MapBuilder& builder);

// A unique temporary file path for a test (removed by the caller).
std::string temp_map_path(const std::string& name);

}  // namespace drivelog::map::test
