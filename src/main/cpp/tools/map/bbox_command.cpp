// `drivelog-map bbox --osm FILE`: the area an OSM file covers, so that `drivelog map build` can
// compute the time zones of that area before the native build. The file header's bounding box when
// it has one (Geofabrik and osmium extracts, drivelog-synth output); otherwise a pass over the
// nodes (small extracts).
#include <iostream>

#include <osmium/handler.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/visitor.hpp>

#include "tools/map/commands.hpp"

namespace drivelog::tools::map {
namespace {

class NodeBox : public osmium::handler::Handler {
 public:
  void node(const osmium::Node& node) {
    if (node.location().valid()) box.extend(node.location());
  }
  osmium::Box box;
};

}  // namespace

int run_bbox(const std::vector<std::string>& args) {
  if (args.size() != 2 || args[0] != "--osm") {
    std::cerr << "usage: drivelog-map bbox --osm FILE\n";
    return kExitBadInput;
  }
  osmium::Box box;
  std::string from = "header";
  try {
    {
      osmium::io::Reader reader{args[1], osmium::osm_entity_bits::nothing};
      const osmium::io::Header header = reader.header();
      reader.close();
      if (!header.boxes().empty()) box = header.joined_boxes();
    }
    if (!box.valid()) {
      from = "nodes";
      osmium::io::Reader reader{args[1], osmium::osm_entity_bits::node};
      NodeBox nodes;
      osmium::apply(reader, nodes);
      reader.close();
      box = nodes.box;
    }
  } catch (const std::exception& e) {
    std::cerr << "drivelog-map bbox: cannot read OSM file " << args[1] << ": " << e.what() << "\n";
    return kExitBadInput;
  }
  if (!box.valid()) {
    std::cerr << "drivelog-map bbox: " << args[1] << " has no node positions\n";
    return kExitBadInput;
  }
  std::cout.precision(7);
  std::cout << std::fixed << "{\"min_lat\":" << box.bottom_left().lat() << ",\"min_lon\":" << box.bottom_left().lon()
            << ",\"max_lat\":" << box.top_right().lat() << ",\"max_lon\":" << box.top_right().lon() << ",\"from\":\""
            << from << "\"}\n";
  return kExitOk;
}

}  // namespace drivelog::tools::map
