#include <gtest/gtest.h>

#include "detect/severity.hpp"

namespace drivelog::detect {

TEST(SpeedingSeverity, aBandNeedsBothItsKmhAndItsPercent) {
  const SpeedingSeverityConfig bands;  // 10 km/h & 10 %, 20 & 25 %, 30 & 40 %
  EXPECT_EQ(speeding_severity(50, 58, bands), Severity::light);
  EXPECT_EQ(speeding_severity(50, 61, bands), Severity::moderate);
  EXPECT_EQ(speeding_severity(120, 131, bands), Severity::light);  // 11 km/h but only 9 %
  EXPECT_EQ(speeding_severity(30, 52, bands), Severity::heavy);
  EXPECT_EQ(speeding_severity(30, 61, bands), Severity::severe);
  EXPECT_EQ(speeding_severity(100, 135, bands), Severity::heavy);  // 35 km/h but 35 %
}

TEST(EventSeverity, gradedByRatioToTheThreshold) {
  const EventsConfig config;
  EXPECT_EQ(event_severity(1.1, config), Severity::light);
  EXPECT_EQ(event_severity(1.3, config), Severity::moderate);
  EXPECT_EQ(event_severity(1.6, config), Severity::heavy);
  EXPECT_EQ(event_severity(2.0, config), Severity::severe);
}

}  // namespace drivelog::detect
