// Street and place names in the language that goes with each region's tagging convention.
#pragma once

#include "synth/random.hpp"
#include "synth/speed_style.hpp"

#include <string>

namespace drivelog::synth {

std::string street_name(SpeedStyle style, Random& rng);
std::string place_name(SpeedStyle style, Random& rng);

}  // namespace drivelog::synth
