#include "legal/reference_data.hpp"

#include <fstream>
#include <sstream>

#include "legal/embedded_data.hpp"

namespace drivelog::legal {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LegalDataError("cannot read reference data file " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

ReferenceData load_reference_data(const std::optional<std::string>& directory) {
  const std::string speeds_name = "legal_default_speeds.json";
  const std::string boundaries_name = "country_boundaries_180x90.ser";
  const std::string rules_name = "date_effective_rules.json";
  std::string speeds_text, boundaries_bytes, rules_text, origin;
  if (directory) {
    speeds_text = read_file(*directory + "/" + speeds_name);
    boundaries_bytes = read_file(*directory + "/" + boundaries_name);
    rules_text = read_file(*directory + "/" + rules_name);
    origin = *directory + "/";
  } else {
    speeds_text = std::string(embedded::legal_default_speeds_json());
    boundaries_bytes = std::string(embedded::country_boundaries_ser());
    rules_text = std::string(embedded::date_effective_rules_json());
    origin = "built-in data/";
  }
  ReferenceData data{LegalDefaultSpeeds::from_json(speeds_text, origin + speeds_name),
                     CountryBoundaries::from_bytes(boundaries_bytes, origin + boundaries_name),
                     DateRules::from_json(rules_text, origin + rules_name), {}};
  data.description = origin + speeds_name + " (OSM wiki revision " + data.speeds.revision() + ", " +
                     std::to_string(data.speeds.country_count()) + " countries and subdivisions), " + origin +
                     boundaries_name + ", " + origin + rules_name + " (" + std::to_string(data.date_rules.rules().size()) +
                     " rules)";
  return data;
}

}  // namespace drivelog::legal
