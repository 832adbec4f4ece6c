#include "sample_map.hpp"

#include <unistd.h>

#include <filesystem>

namespace drivelog::map::test {

void add_sample_network(MapBuilder& b) {
  b.add_node(1, Coord::from_degrees(52.0000, 13.0000));
  b.add_node(2, Coord::from_degrees(52.0000, 13.0020));
  b.add_node(7, Coord::from_degrees(52.0005, 13.0030));
  b.add_node(3, Coord::from_degrees(52.0000, 13.0040));
  b.add_node(4, Coord::from_degrees(52.0020, 13.0020));
  b.add_node(5, Coord::from_degrees(52.0010, 13.0020));
  b.add_node(6, Coord::from_degrees(51.9990, 13.0020));
  b.add_node(8, Coord::from_degrees(52.0000, 13.0140));
  b.add_node(99, Coord::from_degrees(52.0100, 13.0100));

  const uint16_t both = edge_flags::kForwardAllowed | edge_flags::kBackwardAllowed;
  WayInput main_a{10, {1, 2}, "Main Street", RoadClass::primary, both, 500, 500, SpeedSource::explicit_tag};
  WayInput main_b{11, {2, 7, 3}, "Main Street", RoadClass::primary, both, 500, 500, SpeedSource::explicit_tag};
  WayInput side{20, {4, 5, 2}, "Side Road", RoadClass::residential, edge_flags::kForwardAllowed, 300, 300,
                SpeedSource::implicit_zone};
  WayInput service{30, {2, 6}, "", RoadClass::service, both, kSpeedUnknown, kSpeedUnknown, SpeedSource::none};
  WayInput cut{40, {3, 1000, 8}, "Cut Lane", RoadClass::tertiary, both, kSpeedUnknown, kSpeedUnknown, SpeedSource::none};
  b.add_way(main_a);
  b.add_way(main_b);
  b.add_way(side);
  b.add_way(service);
  b.add_way(cut);

  b.add_stop({5, StopDirection::forward});
  b.add_stop({2, StopDirection::all});
  b.add_stop({99, StopDirection::all});  // not on a road: dropped

  b.add_restriction({500, RestrictionKind::no, 20, 2, {}, 10});     // no left turn side -> main (a)
  b.add_restriction({501, RestrictionKind::no, 11, 2, {}, 11});     // no U-turn on main (b)
  b.add_restriction({502, RestrictionKind::only, 30, 2, {}, 11});   // only straight on from service into main (b)
  b.add_restriction({503, RestrictionKind::no, 10, 0, {11}, 40});   // via way: not supported, dropped
  b.add_restriction({504, RestrictionKind::no, 10, 7, {}, 11});     // via a shape node of another way: dropped
  b.set_source("sample network");
}

std::string temp_map_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("drivelog-test-" + std::to_string(::getpid()) + "-" + name + ".dlmap"))
      .string();
}

}  // namespace drivelog::map::test
