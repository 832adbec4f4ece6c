// Whether a service road lies in a built-up area, from the roads it branches off. Its legal default
// depends on that in most countries (Germany: 50 km/h in a town, 100 outside), yet a driveway, an
// alley or a parking aisle rarely carries the tags the legal-default-speeds dataset reads for it
// (`lit`, `sidewalk`, `maxspeed:type`, `zone:maxspeed`, `source:maxspeed`, `rural`), and the
// dataset, finding no road type, answers with its rule for "other roads" (in Germany the rural
// 100). A service road lies where the roads it joins lie: it, and the service roads joined to it,
// take the area that the other roads at their nodes agree on (by the dataset's own {urban} and
// {rural}); where those roads tell nothing or disagree, the area stays unknown, and so does the
// limit wherever urban and rural differ (docs/SPEED_LIMITS.md). Other road classes keep the
// dataset's answer: a main road runs through towns and country alike, so a neighbour says little
// about all of it.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "osm/legal_speed_resolver.hpp"

namespace drivelog::osm {

class BuiltUpNeighbours {
 public:
  explicit BuiltUpNeighbours(LegalSpeedResolver& legal) : legal_(legal) {}

  // Every road way as it is read: `index` its number in the builder's input order.
  void add_way(uint32_t index, uint32_t legal_key, bool service, std::span<const int64_t> nodes);

  // The service roads whose tags do not tell their area, each with its key for the area its
  // neighbours tell: (way index, legal key), for MapBuilder::set_legal_key.
  std::vector<std::pair<uint32_t, uint32_t>> keys_from_neighbours();

 private:
  struct Undecided {
    uint32_t way_index;
    uint32_t legal_key;
  };

  LegalSpeedResolver& legal_;
  std::vector<int64_t> urban_nodes_;  // nodes of roads whose tags say urban
  std::vector<int64_t> rural_nodes_;
  std::vector<Undecided> undecided_;                        // service roads whose tags do not say
  std::vector<std::pair<int64_t, uint32_t>> undecided_nodes_;  // (node, index into undecided_)
};

}  // namespace drivelog::osm
