#include "capi/analysis_config.hpp"

#include "detect/detector.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace drivelog::capi {

TEST(AnalysisConfig, emptyTextKeepsDefaults) {
  AnalysisConfig c;
  EXPECT_EQ(parse_analysis_config("", c), "");
  EXPECT_EQ(c.matching.sigma_m, AnalysisConfig{}.matching.sigma_m);
  EXPECT_FALSE(c.matched);
}

TEST(AnalysisConfig, appliesKeysCommentsAndYamlPrefix) {
  AnalysisConfig c;
  const std::string error = parse_analysis_config(
      "# a comment\n"
      "speeding.tolerance_kmh = 3\n"
      "\n"
      "analysis.matching.search_radius_m=40\r\n"
      "stop_sign.enabled=false\n"
      "matched=true\n"
      "matching.max_candidates=4\n",
      c);
  EXPECT_EQ(error, "");
  EXPECT_EQ(c.detect.speeding.tolerance_kmh, 3);
  EXPECT_EQ(c.matching.search_radius_m, 40);
  EXPECT_FALSE(c.detect.stop_sign.enabled);
  EXPECT_TRUE(c.matched);
  EXPECT_EQ(c.matching.max_candidates, 4u);
}

TEST(AnalysisConfig, unknownKeyIsNamed) {
  AnalysisConfig c;
  const std::string error = parse_analysis_config("speeding.tolerance_kmh=3\nspeeding.tolerence=4\n", c);
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
  EXPECT_NE(error.find("analysis.speeding.tolerence"), std::string::npos) << error;
  EXPECT_EQ(c.detect.speeding.tolerance_kmh, AnalysisConfig{}.detect.speeding.tolerance_kmh);  // nothing applied
}

TEST(AnalysisConfig, vehicleClassTakesJapansVehicleTypesAsTheirClass) {
  AnalysisConfig c;
  EXPECT_EQ(parse_analysis_config("vehicle_class=jp_specified_medium_goods", c), "");
  EXPECT_EQ(c.detect.vehicle_class, detect::VehicleClass::hgv);
  EXPECT_NE(describe_analysis_config(c).find("vehicle_class=jp_specified_medium_goods\n"), std::string::npos);
  EXPECT_EQ(parse_analysis_config("vehicle_class=bus", c), "");
  EXPECT_EQ(c.detect.vehicle_class, detect::VehicleClass::bus);
  EXPECT_NE(describe_analysis_config(c).find("vehicle_class=bus\n"), std::string::npos);
  const std::string error = parse_analysis_config("vehicle_class=truck", c);
  EXPECT_NE(error.find("analysis.vehicle_class = 'truck' must be one of car, hgv, bus, motorcycle, jp_large_goods"),
            std::string::npos)
      << error;
}

TEST(AnalysisConfig, badValuesAreNamedWithTheKey) {
  AnalysisConfig c;
  std::string error = parse_analysis_config("matching.sigma_m=abc", c);
  EXPECT_NE(error.find("analysis.matching.sigma_m"), std::string::npos) << error;
  EXPECT_NE(error.find("not a number"), std::string::npos) << error;
  error = parse_analysis_config("matching.sigma_m=-1", c);
  EXPECT_NE(error.find("must be between"), std::string::npos) << error;
  error = parse_analysis_config("matching.sigma_m=nan", c);
  EXPECT_NE(error.find("analysis.matching.sigma_m"), std::string::npos) << error;
  error = parse_analysis_config("wrong_way.enabled=maybe", c);
  EXPECT_NE(error.find("true or false"), std::string::npos) << error;
  error = parse_analysis_config("matching.max_candidates=2.5", c);
  EXPECT_NE(error.find("whole number"), std::string::npos) << error;
  error = parse_analysis_config("just text", c);
  EXPECT_NE(error.find("expected key=value"), std::string::npos) << error;
}

TEST(AnalysisConfig, vehicleClassPicksItsEventThresholdsAndUnknownClassIsNamed) {
  AnalysisConfig c;
  EXPECT_EQ(parse_analysis_config("vehicle_class=hgv\nevents.hgv.braking_mps2=2.5\n", c), "");
  EXPECT_EQ(c.detect.vehicle_class, detect::VehicleClass::hgv);
  EXPECT_EQ(c.detect.events.thresholds[static_cast<int>(detect::VehicleClass::hgv)].braking_mps2, 2.5);
  EXPECT_EQ(detect::vehicle_profile(c.detect.vehicle_class).vehicle_class, "hgv");
  EXPECT_EQ(detect::vehicle_profile(detect::VehicleClass::car).vehicle_class, "motorcar");
  const std::string error = parse_analysis_config("vehicle_class=tractor", c);
  EXPECT_NE(error.find("analysis.vehicle_class = 'tractor' must be one of car, hgv, bus, motorcycle"), std::string::npos)
      << error;
  EXPECT_NE(parse_analysis_config("events.severity.moderate_ratio=3", c), "");  // above heavy_ratio
}

TEST(AnalysisConfig, inconsistentSigmaBoundsAreRefused) {
  AnalysisConfig c;
  EXPECT_NE(parse_analysis_config("matching.min_sigma_m=20\nmatching.max_sigma_m=10", c), "");
}

}  // namespace drivelog::capi

namespace drivelog::capi {
namespace {

// Flattens the `analysis:` section of a YAML file of nested maps and scalars into key=value lines,
// leaving out `analysis.binding:` and `analysis.vehicles:`, which the Java side reads and never
// passes to the engine.
std::string analysis_section_as_key_values(const std::string& yaml_path) {
  std::ifstream in(yaml_path);
  EXPECT_TRUE(in) << yaml_path;
  std::string line, out;
  std::vector<std::pair<std::size_t, std::string>> parents;  // indentation, name
  bool inside = false;
  std::size_t java_only_indent = std::string::npos;  // inside `binding:` / `vehicles:` while deeper than this
  while (std::getline(in, line)) {
    const std::size_t hash = line.find(" #");
    if (hash != std::string::npos) line.resize(hash);
    if (line.find_first_not_of(' ') == std::string::npos || line[line.find_first_not_of(' ')] == '#') continue;
    const std::size_t indent = line.find_first_not_of(' ');
    const std::size_t colon = line.find(':');
    const std::string key = line.substr(indent, colon - indent);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    value.erase(value.find_last_not_of(' ') + 1);
    if (indent == 0) {
      inside = key == "analysis";
      parents.clear();
      continue;
    }
    if (!inside) continue;
    if (java_only_indent != std::string::npos && indent > java_only_indent) continue;
    java_only_indent = std::string::npos;
    while (!parents.empty() && parents.back().first >= indent) parents.pop_back();
    if (parents.empty() && (key == "binding" || key == "vehicles") && value.empty()) {
      java_only_indent = indent;
      continue;
    }
    if (value.empty()) {
      parents.emplace_back(indent, key);
      continue;
    }
    std::string path;
    for (const auto& p : parents) path += p.second + ".";
    out += path + key + "=" + value + "\n";
  }
  return out;
}

}  // namespace

TEST(AnalysisConfig, describeParsesBackToTheSameConfig) {
  AnalysisConfig changed;
  ASSERT_EQ(parse_analysis_config("speeding.tolerance_kmh=3.5\nmatched=true\nmatching.max_outliers=7", changed), "");
  AnalysisConfig reparsed;
  ASSERT_EQ(parse_analysis_config(describe_analysis_config(changed), reparsed), "");
  EXPECT_EQ(describe_analysis_config(reparsed), describe_analysis_config(changed));
}

TEST(AnalysisConfig, yamlAnalysisSectionListsEveryKeyWithItsDefault) {
  const std::string yaml = std::string(DRIVELOG_SOURCE_ROOT) + "/config/drivelog.yaml";
  const std::string lines = analysis_section_as_key_values(yaml);
  AnalysisConfig from_yaml;
  ASSERT_EQ(parse_analysis_config(lines, from_yaml), "") << lines;
  EXPECT_EQ(describe_analysis_config(from_yaml), describe_analysis_config(AnalysisConfig{}));
  // Every key the engine knows is documented there.
  const std::string all = describe_analysis_config(AnalysisConfig{});
  std::size_t start = 0;
  while (start < all.size()) {
    const std::string key = all.substr(start, all.find('=', start) - start);
    EXPECT_NE(lines.find(key + "="), std::string::npos) << key << " is missing from " << yaml;
    start = all.find('\n', start) + 1;
  }
}

}  // namespace drivelog::capi
