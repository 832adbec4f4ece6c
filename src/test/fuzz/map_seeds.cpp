// drivelog-fuzz-map-seeds DIR: writes the map fuzzer's seeds, small sound maps, into DIR. Maps are
// build outputs, so they are made here from the test networks rather than committed, and always
// match the current format version.
#include <cstdio>
#include <string>

#include "map/map_builder.hpp"
#include "sample_map.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: drivelog-fuzz-map-seeds DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  {
    drivelog::map::MapBuilder builder;  // stops, turn and via-way restrictions, names, a cut way
    drivelog::map::test::add_sample_network(builder);
    builder.write(dir + "/sample.dlmap");
  }
  {
    drivelog::map::MapBuilder builder;  // the same roads in input order (another node and edge layout)
    drivelog::map::test::add_sample_network(builder);
    builder.set_keep_input_order(true);
    builder.write(dir + "/sample-input-order.dlmap");
  }
  return 0;
}
