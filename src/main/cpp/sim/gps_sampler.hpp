// What a GPS receiver in the simulated car reports: fixes at a fixed rate with position noise
// (white or Gauss-Markov correlated, white jitter on top, an urban-canyon error across the road
// in dense streets), gross outliers, dropouts, long gaps and tunnels, and noisy speed and heading.
#pragma once

#include <vector>

#include "map/map_view.hpp"
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

// `rng` draws what the classic model draws, in the same order, so that the classic options give
// the same fixes as before; `extra_rng` draws everything the newer options add (jitter, canyon,
// long gaps), so that turning them on changes nothing else.
std::vector<GpsFix> sample_gps(const map::MapView& map, const Drive& drive, const GpsConfig& gps, Rng& rng,
                               Rng& extra_rng);

// How dense the streets are around a point, from 0 (a lone road) to 1 (eight or more roads within
// 40 m): the share of the urban-canyon error a receiver suffers there.
double street_density(const map::MapView& map, double lat, double lon);

// A stretch of the drive without fixes: from the last fix before it to the first fix after it.
struct ReceiverGap {
  double start_s = 0;
  double end_s = 0;
};

// The stretches where consecutive fixes are more than 1.5 sampling periods apart (the dropouts).
std::vector<ReceiverGap> receiver_gaps(const std::vector<GpsFix>& fixes, double hz);

}  // namespace drivelog::sim
