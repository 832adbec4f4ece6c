#include "capi/analysis_config.hpp"

#include <gtest/gtest.h>

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

TEST(AnalysisConfig, inconsistentSigmaBoundsAreRefused) {
  AnalysisConfig c;
  EXPECT_NE(parse_analysis_config("matching.min_sigma_m=20\nmatching.max_sigma_m=10", c), "");
}

}  // namespace drivelog::capi
