// What a GPS receiver in the simulated car reports: fixes at a fixed rate with position noise
// (white or Gauss-Markov correlated), gross outliers, dropouts, and noisy speed and heading.
#pragma once

#include <vector>

#include "sim/drive.hpp"
#include "sim/random.hpp"
#include "sim/sim_config.hpp"

namespace drivelog::sim {

struct GpsFix {
  double time_s = 0;       // since the trip start
  double lat = 0;
  double lon = 0;
  double speed_mps = 0;
  double heading_deg = 0;  // degrees from north, [0, 360)
  double accuracy_m = 0;   // what the receiver claims (1 sigma)
  // Truth kept for tests and statistics (not written to the log).
  double true_lat = 0;
  double true_lon = 0;
  bool outlier = false;
};

std::vector<GpsFix> sample_gps(const Drive& drive, const GpsConfig& gps, Rng& rng);

// A stretch of the drive without fixes: from the last fix before it to the first fix after it.
struct ReceiverGap {
  double start_s = 0;
  double end_s = 0;
};

// The stretches where consecutive fixes are more than 1.5 sampling periods apart (the dropouts).
std::vector<ReceiverGap> receiver_gaps(const std::vector<GpsFix>& fixes, double hz);

}  // namespace drivelog::sim
