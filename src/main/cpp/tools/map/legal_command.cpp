// Diagnostics that expose the native readers of the reference data line by line, so that the JVM
// libraries consuming the same data can check them (LegalDefaultSpeedsOracleTest,
// CountryBoundariesOracleTest): tab-separated lines on stdin, one answer line each on stdout.
#include <iostream>
#include <string>

#include <osmium/handler.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/visitor.hpp>

#include "legal/reference_data.hpp"
#include "tools/map/commands.hpp"

namespace drivelog::tools::map {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (true) {
    const std::size_t tab = line.find('\t', begin);
    out.push_back(line.substr(begin, tab == std::string::npos ? std::string::npos : tab - begin));
    if (tab == std::string::npos) return out;
    begin = tab + 1;
  }
}

// "COUNTRY\tk=v\tk=v..." -> "ROAD_TYPE\tCERTITUDE\tk=v..." (sorted by key; road type "-" for the
// fallback rule), or "-" if the dataset has no rules there.
int legal_speeds(const legal::ReferenceData& data) {
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto fields = split_tabs(line);
    legal::TagMap tags;
    for (std::size_t i = 1; i < fields.size(); ++i) {
      const std::size_t eq = fields[i].find('=');
      if (eq != std::string::npos) tags[fields[i].substr(0, eq)] = fields[i].substr(eq + 1);
    }
    const auto result = data.speeds.speed_limits(fields[0], tags);
    if (!result) {
      std::cout << "-\n";
      continue;
    }
    std::cout << result->road_type.value_or("-") << '\t' << legal::certitude_name(result->certitude);
    for (const auto& [k, v] : result->tags) std::cout << '\t' << k << '=' << v;
    std::cout << '\n';
  }
  return kExitOk;
}

// "LON LAT" -> "ID,ID" (smallest area first), "" at sea.
int country_ids(const legal::ReferenceData& data) {
  double lon = 0, lat = 0;
  while (std::cin >> lon >> lat) {
    std::string out;
    for (const std::string_view id : data.boundaries.ids(lon, lat)) {
      if (!out.empty()) out += ',';
      out += id;
    }
    std::cout << out << '\n';
  }
  return kExitOk;
}

// The tags of every way with a highway tag in an OSM file, one way per line: "k=v\tk=v...".
class WayTags : public osmium::handler::Handler {
 public:
  void way(const osmium::Way& way) {
    if (way.tags()["highway"] == nullptr) return;
    bool first = true;
    for (const osmium::Tag& tag : way.tags()) {
      const std::string_view k = tag.key(), v = tag.value();
      if (k.find_first_of("\t\n=") != std::string_view::npos || v.find_first_of("\t\n") != std::string_view::npos) continue;
      std::cout << (first ? "" : "\t") << k << '=' << v;
      first = false;
    }
    std::cout << '\n';
  }
};

}  // namespace

int run_legal(const std::vector<std::string>& args) {
  if (args.size() == 2 && args[0] == "way-tags") {
    osmium::io::Reader reader{args[1], osmium::osm_entity_bits::way};
    WayTags handler;
    osmium::apply(reader, handler);
    reader.close();
    return kExitOk;
  }
  if (args.size() != 1 || (args[0] != "speeds" && args[0] != "country")) {
    std::cerr << "usage: drivelog-map legal speeds|country < LINES   or   drivelog-map legal way-tags OSM_FILE\n";
    return kExitBadInput;
  }
  const legal::ReferenceData data = legal::load_reference_data(std::nullopt);
  return args[0] == "speeds" ? legal_speeds(data) : country_ids(data);
}

}  // namespace drivelog::tools::map
