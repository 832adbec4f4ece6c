#include "osm/conditional_tags.hpp"

#include <algorithm>
#include <array>

#include "legal/conditional.hpp"
#include "osm/access.hpp"
#include "osm/maxspeed.hpp"
#include "osm/oneway.hpp"

namespace drivelog::osm {
namespace {

using map::ConditionalDirection;
using map::ConditionalKind;
using namespace map::vehicle_bits;
constexpr uint8_t kAll = map::kAllVehicles;

// A key of a family (access, maxspeed), how specific it is (0 = a class's own key) and the
// vehicle classes it binds. A class obeys the most specific of its keys with a value, as the
// access hierarchy of the OSM wiki says; drivelog counts an hgv as a goods vehicle and a bus as a
// psv (legal/conditional.cpp decides `goods` and `psv` conditions alike).
struct FamilyKey {
  std::string_view base;
  uint8_t rank;
  uint8_t vehicles;
};
constexpr std::array<FamilyKey, 9> kAccessKeys{{{"motorcar", 0, kCar},
                                                {"hgv", 0, kHgv},
                                                {"bus", 0, kBus},
                                                {"motorcycle", 0, kMotorcycle},
                                                {"goods", 1, kHgv},
                                                {"psv", 1, kBus},
                                                {"motor_vehicle", 2, kAll},
                                                {"vehicle", 3, kAll},
                                                {"access", 4, kAll}}};
constexpr std::array<FamilyKey, 6> kMaxspeedKeys{{{"maxspeed:hgv", 0, kHgv},
                                                  {"maxspeed:bus", 0, kBus},
                                                  {"maxspeed:motorcycle", 0, kMotorcycle},
                                                  {"maxspeed:goods", 1, kHgv},
                                                  {"maxspeed:psv", 1, kBus},
                                                  {"maxspeed", 2, kAll}}};
// One-way keys, as osm/oneway.cpp reads them for each class (kOnewayKeys): a class's own key, then
// `oneway:goods` / `oneway:psv`, then `oneway:motor_vehicle`, then `oneway`.
constexpr std::array<FamilyKey, 8> kOnewayFamily{{{"oneway:motorcar", 0, kCar},
                                                  {"oneway:hgv", 0, kHgv},
                                                  {"oneway:bus", 0, kBus},
                                                  {"oneway:motorcycle", 0, kMotorcycle},
                                                  {"oneway:goods", 1, kHgv},
                                                  {"oneway:psv", 1, kBus},
                                                  {"oneway:motor_vehicle", 2, kAll},
                                                  {"oneway", 3, kAll}}};
struct DirectionSuffix {
  std::string_view suffix;
  ConditionalDirection direction;
};
constexpr std::array<DirectionSuffix, 3> kDirections{{{"", ConditionalDirection::both},
                                                      {":forward", ConditionalDirection::forward},
                                                      {":backward", ConditionalDirection::backward}}};
constexpr std::array<ConditionalDirection, 2> kTravel{ConditionalDirection::forward, ConditionalDirection::backward};
constexpr std::array<map::VehicleClass, 4> kClasses{map::VehicleClass::car, map::VehicleClass::hgv, map::VehicleClass::bus,
                                                    map::VehicleClass::motorcycle};

std::string_view suffix_of(ConditionalDirection d) {
  return d == ConditionalDirection::forward ? ":forward" : d == ConditionalDirection::backward ? ":backward" : "";
}

// Directional keys first, then a family's key for both directions: the more specific decides.
uint8_t precedence(const FamilyKey& key, ConditionalDirection d) {
  return static_cast<uint8_t>(key.rank * 2 + (d == ConditionalDirection::both ? 1 : 0));
}

// What an access value means for entering the road: only `no` and values that admit only others
// close it (private and destination roads are not no_entry findings, see osm/access.hpp).
std::optional<std::string> normalised_access(std::string_view value) {
  const auto access = parse_access_value(value);
  if (!access) return std::nullopt;
  return std::string(*access == CarAccess::no ? "closed" : "open");
}

std::optional<std::string> normalised_oneway(std::string_view value) {
  value = trim(value);
  if (value == "yes" || value == "true" || value == "1") return "forward";
  if (value == "-1" || value == "reverse") return "backward";
  if (value == "no" || value == "false" || value == "0") return "both";
  return std::nullopt;
}

// The limit in km/h as the plain maxspeed parser reads it (mph converted, to 0.1 km/h); `none`
// for no limit, `unknown` for a limit not in the data (signals, variable). A named zone
// (`DE:urban`) needs the legal defaults of a road type: not understood here.
std::optional<std::string> normalised_maxspeed(std::string_view value) {
  const SpeedValue speed = parse_maxspeed(value);
  if (speed.kind == SpeedValue::Kind::variable) return "unknown";
  if (speed.kind != SpeedValue::Kind::limit) return std::nullopt;
  if (speed.tenths_kmh == map::kSpeedUnlimited) return "none";
  std::string kmh = std::to_string(speed.tenths_kmh / 10);
  if (speed.tenths_kmh % 10 != 0) kmh.append(1, '.').append(std::to_string(speed.tenths_kmh % 10));
  return kmh;
}

// The plain keys that can give a class another rule than the car's plain tags on the edge (the
// car's non-directional access, its one-way): a class's access key (motorcar too: it leaves the
// others open), every access key of kAccessKeys with a direction (the car's too), a class's
// maxspeed key with or without a direction, and a class's one-way key (`oneway:motorcar` too).
// Sorted, for a binary search; scanning the families for every tag was 2 % of a synthetic city's
// build instructions (callgrind).
constexpr std::array<std::string_view, 45> kClassKeys{{
    "access:backward",
    "access:forward",
    "bus",
    "bus:backward",
    "bus:forward",
    "goods",
    "goods:backward",
    "goods:forward",
    "hgv",
    "hgv:backward",
    "hgv:forward",
    "maxspeed:bus",
    "maxspeed:bus:backward",
    "maxspeed:bus:forward",
    "maxspeed:goods",
    "maxspeed:goods:backward",
    "maxspeed:goods:forward",
    "maxspeed:hgv",
    "maxspeed:hgv:backward",
    "maxspeed:hgv:forward",
    "maxspeed:motorcycle",
    "maxspeed:motorcycle:backward",
    "maxspeed:motorcycle:forward",
    "maxspeed:psv",
    "maxspeed:psv:backward",
    "maxspeed:psv:forward",
    "motor_vehicle:backward",
    "motor_vehicle:forward",
    "motorcar",
    "motorcar:backward",
    "motorcar:forward",
    "motorcycle",
    "motorcycle:backward",
    "motorcycle:forward",
    "oneway:bus",
    "oneway:goods",
    "oneway:hgv",
    "oneway:motorcar",
    "oneway:motorcycle",
    "oneway:psv",
    "psv",
    "psv:backward",
    "psv:forward",
    "vehicle:backward",
    "vehicle:forward",
}};
static_assert(std::is_sorted(kClassKeys.begin(), kClassKeys.end()));

// Every tag of every way passes here: the first two letters and the shortest class key they can
// begin (`access` and `maxspeed` alone are frequent and never class keys) reject almost all at once.
bool is_class_key(std::string_view key) {
  if (key.size() < 3) return false;
  std::size_t shortest = 0;
  switch (key[0] << 8 | key[1]) {
    case 'a' << 8 | 'c': shortest = 14; break;  // access:forward
    case 'm' << 8 | 'a': shortest = 12; break;  // maxspeed:bus
    case 'o' << 8 | 'n': shortest = 10; break;  // oneway:bus
    case 'b' << 8 | 'u':
    case 'g' << 8 | 'o':
    case 'h' << 8 | 'g':
    case 'm' << 8 | 'o':
    case 'p' << 8 | 's':
    case 'v' << 8 | 'e': shortest = 3; break;
    default: return false;
  }
  return key.size() >= shortest && std::binary_search(kClassKeys.begin(), kClassKeys.end(), key);
}

class Collector {
 public:
  Collector(const Tags& tags, map::RoadClass road_class) : tags_(tags), road_class_(road_class) {}

  // Normalises the value of `key`; stores one record per direction mask, or reports why not.
  void add(const std::string& key, ConditionalKind kind, uint8_t rank_precedence, ConditionalDirection direction,
           uint8_t forward_vehicles, uint8_t backward_vehicles, const RuleValueMeaning& normalise,
           std::string_view plain_meaning = {}) {
    const std::string_view value = *tags_.get(key);
    std::string error;
    uint8_t named = 0;
    auto rules = normalised_rules(value, normalise, error, named);
    if (!rules) {
      out.not_understood.emplace_back(key, std::move(error));
      return;
    }
    // `no @ ...; psv @ ...` closes the road to a car and opens it to a bus: judged for the car
    // (values that admit only others close it), left undecided for the class it names.
    forward_vehicles &= static_cast<uint8_t>(~named);
    backward_vehicles &= static_cast<uint8_t>(~named);
    if (forward_vehicles == 0 && backward_vehicles == 0) {
      out.shadowed.push_back(key);
      return;
    }
    // A road open by its plain tags that the conditional closes at times: `open @ (24/7)` first,
    // so that the record decides at every time (the last rule that holds wins) and the engine
    // never falls back on another class's plain access.
    if (plain_meaning == "open" && rules->find("closed @") != std::string::npos) rules->insert(0, "open @ (24/7); ");
    const auto store = [&](ConditionalDirection d, uint8_t vehicles) {
      if (vehicles == 0) return;
      out.stored.push_back(map::ConditionalInput{kind, rank_precedence, d, vehicles, key, std::string(value), *rules});
    };
    if (direction != ConditionalDirection::both || forward_vehicles == backward_vehicles) {
      store(direction, direction == ConditionalDirection::backward ? backward_vehicles : forward_vehicles);
    } else {
      store(ConditionalDirection::forward, forward_vehicles);
      store(ConditionalDirection::backward, backward_vehicles);
    }
  }

  void access() {
    for (const FamilyKey& family : kAccessKeys) {
      for (const DirectionSuffix& dir : kDirections) {
        const std::string key = std::string(family.base) + std::string(dir.suffix) + ":conditional";
        if (!tags_.get(key)) continue;
        const auto vehicles = unshadowed(kAccessKeys, family, dir.direction,
                                         [&](const std::string& k) { return readable_access(k); });
        add(key, ConditionalKind::access, precedence(family, dir.direction), dir.direction, vehicles[0], vehicles[1],
            normalised_access, plain_access_below(family));
      }
    }
  }

  // `oneway:conditional` and `oneway:CLASS:conditional` (`oneway:bus:conditional`, ...): each binds
  // the classes of its key for which no more specific plain one-way key decides (osm/oneway.cpp:
  // `oneway:bus=no` decides for a bus whatever the time, `oneway:motor_vehicle` leaves
  // `oneway:conditional` no class), tried before the less specific conditionals.
  void oneway() {
    std::array<uint8_t, kClasses.size()> decided_rank{};  // of each class's plain one-way key; 4: none
    bool read = false;
    for (const FamilyKey& family : kOnewayFamily) {
      const std::string key = std::string(family.base) + ":conditional";
      if (!tags_.get(key)) continue;
      if (!read) {
        for (std::size_t c = 0; c < kClasses.size(); ++c) decided_rank[c] = plain_oneway_rank(kClasses[c]);
        read = true;
      }
      uint8_t vehicles = 0;
      for (std::size_t c = 0; c < kClasses.size(); ++c) {
        const uint8_t bit = map::vehicle_bit(kClasses[c]);
        if ((family.vehicles & bit) != 0 && decided_rank[c] >= family.rank) vehicles |= bit;
      }
      add(key, ConditionalKind::oneway, precedence(family, ConditionalDirection::both), ConditionalDirection::both, vehicles,
          vehicles, normalised_oneway);
    }
  }

  void maxspeed() {
    for (const FamilyKey& family : kMaxspeedKeys) {
      for (const DirectionSuffix& dir : kDirections) {
        const std::string key = std::string(family.base) + std::string(dir.suffix) + ":conditional";
        if (!tags_.get(key)) continue;
        const auto vehicles = unshadowed(kMaxspeedKeys, family, dir.direction,
                                         [&](const std::string& k) { return readable_speed(k); });
        add(key, ConditionalKind::maxspeed, precedence(family, dir.direction), dir.direction, vehicles[0], vehicles[1],
            normalised_maxspeed);
      }
    }
  }

  // Plain per-class keys (`hgv=no`, `bus:backward=no`, `maxspeed:hgv=60`, `oneway:bus=no`): for
  // each class and travel direction, the most specific key with a value we read (the hierarchy
  // above, a directional key before its key). Where it is not what the edge says for a car
  // (access: the flag `closed`, from motorcar > motor_vehicle > vehicle > access without
  // directions; one-way: the direction flags; maxspeed: the edge's limit, from `maxspeed`), it is
  // stored as a record that always holds, tried after the conditional ones: a class bound by a
  // conditional record has no more specific plain key, so its plain key decides only where no
  // conditional rule holds. The car has records too where its directional access differs from its
  // plain access (`motor_vehicle:backward=no`): that direction is also taken off the edge's
  // direction flags (car_closed_directions), so the matcher prices it as it prices a one-way, and a
  // one-way record `both` for the car keeps the finding a no_entry, not also a wrong_way.
  void plain_classes() {
    const std::optional<std::string_view> car_key = first_readable_car_key();
    const bool car_closed = interpret_access(tags_, nullptr) == CarAccess::no;
    std::array<Oneway, kClasses.size()> oneways;
    for (std::size_t c = 0; c < kClasses.size(); ++c) oneways[c] = class_oneway(kClasses[c]);
    std::vector<PlainChoice> choices;
    std::string car_closing_key;  // the car's directional key that closes a direction, if one does
    for (std::size_t c = 0; c < kClasses.size(); ++c) {
      const map::VehicleClass cls = kClasses[c];
      const uint8_t bit = map::vehicle_bit(cls);
      for (std::size_t t = 0; t < kTravel.size(); ++t) {
        auto access = most_specific(kAccessKeys, bit, kTravel[t], normalised_access);
        // No key for the class: open, as for a car without any; differs only where `motorcar` closes the road.
        if (!access && car_closed && car_key) access = std::pair{std::string(*car_key), std::string("open")};
        const bool closed = access && access->second == "closed";
        if (access && closed != car_closed) {
          const bool one_way_allows = t == 0 ? oneways[c].forward : oneways[c].backward;
          std::string rules = always(access->second);
          if (closed) {
            // A direction closed to the class by a directional key where its one-way forbids it too
            // (`oneway=yes` + `hgv:backward=no`) is the one-way's: one finding, a wrong_way. Where
            // `oneway:conditional` binds the class, its one-way changes with the time, and so does
            // which of the two keys decides: the record closes the direction while the one-way in
            // force allows it.
            auto timed = closed_while_one_way_allows(bit, t, one_way_allows);
            if (timed) rules = std::move(*timed);
            if (!timed && !one_way_allows) rules.clear();
          }
          if (cls == map::VehicleClass::car && closed && one_way_allows) {
            out.car_closed_directions |= static_cast<uint8_t>(1U << t);
            car_closing_key = access->first;
          }
          if (!rules.empty()) choose(choices, ConditionalKind::access, std::pair{std::move(access->first), std::move(rules)}, t, bit);
        }
        if (cls == map::VehicleClass::car) continue;  // the car's limits are the edge's
        auto limit = most_specific(kMaxspeedKeys, bit, kTravel[t], normalised_maxspeed);
        if (limit && limit->first != "maxspeed" && limit->first != "maxspeed:forward" && limit->first != "maxspeed:backward") {
          choose(choices, ConditionalKind::maxspeed, std::pair{std::move(limit->first), always(limit->second)}, t, bit);
        }
      }
    }
    // One-way: each class's reading against the edge's direction flags (the car's one-way, less the
    // directions its access closes).
    const Oneway car = interpret_oneway(tags_, road_class_);  // the flags, before the car's directional access
    const Oneway& car_own = oneways[0];                      // with the car's directional permissions
    if (car_own.forward && !car.forward) out.car_opened_directions |= 1U;
    if (car_own.backward && !car.backward) out.car_opened_directions |= 2U;
    const bool flag_forward = car_own.forward && (out.car_closed_directions & 1U) == 0;
    const bool flag_backward = car_own.backward && (out.car_closed_directions & 2U) == 0;
    for (std::size_t c = 0; c < kClasses.size(); ++c) {
      const Oneway& o = oneways[c];
      if (o.forward == flag_forward && o.backward == flag_backward) continue;
      // Named by the tag that decides for the class, or, where none does, by the car's tag that
      // makes the edge differ (`oneway:motorcar=yes`, `motor_vehicle:backward=no`), as `motorcar=no`
      // names the others' `open` record.
      std::string key(!o.decided_by.empty() ? o.decided_by : !car_closing_key.empty() ? std::string_view(car_closing_key) : car.decided_by);
      std::string rules = always(o.forward && o.backward ? "both" : o.forward ? "forward" : "backward");
      const uint8_t bit = map::vehicle_bit(kClasses[c]);
      choose(choices, ConditionalKind::oneway, std::pair{key, rules}, 0, bit);
      choose(choices, ConditionalKind::oneway, std::pair{std::move(key), std::move(rules)}, 1, bit);
    }
    for (const PlainChoice& c : choices) {
      const auto store = [&](ConditionalDirection d, uint8_t vehicles) {
        if (vehicles == 0) return;
        out.plain.push_back(map::ConditionalInput{c.kind, map::ConditionalRestriction::kPlainPrecedence, d, vehicles, c.key,
                                                  std::string(tags_.get(c.key).value_or("")), c.rules});
      };
      if (c.vehicles[0] == c.vehicles[1]) {
        store(ConditionalDirection::both, c.vehicles[0]);
      } else {
        store(ConditionalDirection::forward, c.vehicles[0]);
        store(ConditionalDirection::backward, c.vehicles[1]);
      }
    }
  }

  ConditionalTags out;

 private:
  // Per travel direction (forward, backward), the classes of `family`'s conditional key with
  // `direction` for which no more specific plain key of `keys` has a value `readable` reads: a key
  // of a lower rank, with or without the travel direction, or the family's own key with it when the
  // conditional is for both directions (a directional key is more specific than its key).
  template <std::size_t N, typename Readable>
  std::array<uint8_t, 2> unshadowed(const std::array<FamilyKey, N>& keys, const FamilyKey& family,
                                    ConditionalDirection direction, const Readable& readable) const {
    std::array<uint8_t, 2> vehicles{0, 0};
    for (std::size_t t = 0; t < kTravel.size(); ++t) {
      if (direction != ConditionalDirection::both && direction != kTravel[t]) continue;
      vehicles[t] = family.vehicles;
      const std::string travel(suffix_of(kTravel[t]));
      for (const FamilyKey& other : keys) {
        const bool lower = other.rank < family.rank;
        if (!lower && !(&other == &family && direction == ConditionalDirection::both)) continue;
        if ((lower && readable(std::string(other.base))) || readable(std::string(other.base) + travel)) {
          vehicles[t] &= static_cast<uint8_t>(~other.vehicles);
        }
      }
    }
    return vehicles;
  }

  // The most specific key of `keys` binding `vehicle` for travel `direction` with a value
  // `normalise` reads: the key and its meaning.
  template <std::size_t N>
  std::optional<std::pair<std::string, std::string>> most_specific(const std::array<FamilyKey, N>& keys, uint8_t vehicle,
                                                                   ConditionalDirection direction,
                                                                   const RuleValueMeaning& normalise) const {
    for (uint8_t rank = 0; rank <= keys.back().rank; ++rank) {
      for (const std::string_view suffix : {suffix_of(direction), std::string_view{}}) {
        for (const FamilyKey& family : keys) {
          if (family.rank != rank || (family.vehicles & vehicle) == 0) continue;
          std::string key = std::string(family.base) + std::string(suffix);
          const auto value = tags_.get(key);
          if (!value) continue;
          if (auto meaning = normalise(*value)) return std::pair{std::move(key), std::move(*meaning)};
        }
      }
    }
    return std::nullopt;
  }

  // A plain key that decides for some classes and travel directions (vehicles[0] forward, [1] backward).
  struct PlainChoice {
    ConditionalKind kind;
    std::string key;
    std::string rules;
    std::array<uint8_t, 2> vehicles{0, 0};
  };
  // `decided`: the key and the rules of its record.
  static void choose(std::vector<PlainChoice>& choices, ConditionalKind kind, std::pair<std::string, std::string> decided,
                     std::size_t travel, uint8_t vehicle) {
    auto it = std::find_if(choices.begin(), choices.end(),
                           [&](const PlainChoice& c) { return c.kind == kind && c.key == decided.first && c.rules == decided.second; });
    if (it == choices.end()) it = choices.insert(choices.end(), PlainChoice{kind, std::move(decided.first), std::move(decided.second)});
    it->vehicles[travel] |= vehicle;
  }

  // The rule of a plain key: it always holds.
  static std::string always(std::string_view meaning) { return std::string(meaning) + " @ (24/7)"; }

  // The rules of an access record of class `bit` for travel `t`, closed by a directional key, where
  // a one-way conditional (`oneway:conditional`, `oneway:hgv:conditional`, ...) binds the class:
  // closed while the one-way in force allows `t` (the plain one-way, `one_way_allows`, while no rule
  // of a conditional holds), open while it forbids `t` (a wrong_way then, not also a no_entry):
  // `oneway=yes` + `oneway:conditional=no @ (22:00-06:00)` gives `closed @ (22:00-06:00)`. The
  // engine tries the conditionals most specific first, so their rules are written least specific
  // first (the last rule that holds wins). Nothing where no conditional binds the class or `t` is
  // never allowed.
  std::optional<std::string> closed_while_one_way_allows(uint8_t bit, std::size_t t, bool one_way_allows) const {
    const std::string_view travel = t == 0 ? "forward" : "backward";
    const auto access_under = [&](std::string_view oneway) -> std::optional<std::string> {
      const auto direction = normalised_oneway(oneway);
      if (!direction) return std::nullopt;
      return std::string(*direction == "both" || *direction == travel ? "closed" : "open");
    };
    std::string rules = one_way_allows ? always("closed") : std::string();
    bool bound = false;
    for (auto binding = out.stored.rbegin(); binding != out.stored.rend(); ++binding) {  // stored most specific first
      if (binding->kind != ConditionalKind::oneway || (binding->vehicles & bit) == 0) continue;
      std::string error;
      uint8_t named = 0;
      const auto mapped = normalised_rules(binding->value, access_under, error, named);
      if (!mapped) continue;  // not stored either: read alike
      bound = true;
      if (!rules.empty()) rules.append("; ");
      rules.append(*mapped);
    }
    if (!bound || rules.find("closed @") == std::string::npos) return std::nullopt;
    return rules;
  }

  // The rank in kOnewayFamily of the plain one-way key that decides for `cls`; 4 where none does
  // (two-way by default, or one-way by a motorway's or roundabout's implication).
  uint8_t plain_oneway_rank(map::VehicleClass cls) const {
    const std::string_view decided = interpret_oneway(tags_, road_class_, cls).decided_by;
    for (const FamilyKey& family : kOnewayFamily) {
      if (family.base == decided) return family.rank;
    }
    return 4;
  }

  // The car's plain access key that decides (motorcar > motor_vehicle > vehicle > access).
  std::optional<std::string_view> first_readable_car_key() const {
    for (std::string_view key : {"motorcar", "motor_vehicle", "vehicle", "access"}) {
      if (readable_access(key)) return key;
    }
    return std::nullopt;
  }

  // The class's one-way reading (osm/oneway.hpp), where its own access key for a direction admits it
  // (`oneway=yes` + `psv:backward=yes` or `bus:backward=designated`: a contraflow bus lane) that
  // direction is open to it: the key names the class and the direction, more specific than `oneway`.
  // Of the class's keys (`bus:backward`, then `psv:backward`) the first with a value we read decides.
  Oneway class_oneway(map::VehicleClass cls) const {
    Oneway o = interpret_oneway(tags_, road_class_, cls);
    for (std::size_t t = 0; t < kTravel.size(); ++t) {
      bool& allowed = t == 0 ? o.forward : o.backward;
      if (allowed) continue;
      for (const FamilyKey& family : kAccessKeys) {
        if (family.rank > 1 || (family.vehicles & map::vehicle_bit(cls)) == 0) continue;
        const std::string key = std::string(family.base) + std::string(suffix_of(kTravel[t]));
        const auto value = tags_.get(key);
        const auto access = value ? parse_access_value(*value) : std::nullopt;
        if (!access) continue;  // not tagged, or not a value we read: the next key decides
        // The most specific key with a value decides (`bus:backward=no` over `psv:backward=yes`),
        // and only a permission lifts the one-way: `destination`, `delivery`, `private` restrict
        // who may enter, they do not let anyone drive against the one-way.
        if (*access == CarAccess::yes) {
          allowed = true;
          o.decided_by = *std::lower_bound(kClassKeys.begin(), kClassKeys.end(), key);  // a static view of it
        }
        break;
      }
    }
    return o;
  }

  bool readable_access(std::string_view key) const {
    const auto v = tags_.get(key);
    return v && parse_access_value(*v).has_value();
  }
  bool readable_speed(const std::string& key) const {
    const auto v = tags_.get(key);
    return v && parse_maxspeed(*v).kind != SpeedValue::Kind::invalid;
  }
  // What the plain keys at `family`'s level and below say for the classes it binds: `closed`,
  // `open` (also without any key).
  std::string_view plain_access_below(const FamilyKey& family) const {
    for (const FamilyKey& other : kAccessKeys) {
      if (other.rank < family.rank || (other.vehicles & family.vehicles) != family.vehicles) continue;
      const auto v = tags_.get(other.base);
      if (!v) continue;
      if (const auto access = parse_access_value(*v)) return *access == CarAccess::no ? "closed" : "open";
    }
    return "open";
  }

  const Tags& tags_;
  map::RoadClass road_class_;
};

}  // namespace

std::optional<std::string> normalised_rules(std::string_view value, const RuleValueMeaning& normalise, std::string& error,
                                            uint8_t& named) {
  const legal::ConditionalParse parsed = legal::parse_conditional(value);
  if (!parsed.value) {
    error = parsed.error;
    return std::nullopt;
  }
  std::string rules;
  for (const legal::ConditionalRule& rule : parsed.value->rules) {
    const auto meaning = normalise(rule.value);
    if (!meaning) {
      error = "a value that is not understood: \"" + rule.value + "\"";
      return std::nullopt;
    }
    named |= vehicles_named(trim(rule.value));
    if (!rules.empty()) rules.append("; ");
    rules.append(*meaning).append(" @ (").append(rule.condition_text).append(")");
  }
  return rules;
}

uint8_t vehicles_named(std::string_view word) {
  if (word == "motorcar") return kCar;
  if (word == "hgv" || word == "goods") return kHgv;
  if (word == "bus" || word == "psv") return kBus;
  if (word == "motorcycle") return kMotorcycle;
  if (word == "motor_vehicle" || word == "vehicle") return kAll;
  return 0;
}

ConditionalTags interpret_conditional_tags(const Tags& tags, map::RoadClass road_class) {
  // Most ways have no conditional key and no class key: one pass over the tags instead of many
  // lookups (they were 3.8 % of a synthetic city's build instructions, measured with callgrind).
  const auto& all = tags.all();
  bool conditional = false;
  bool class_key = false;
  for (const auto& tag : all) {
    const std::string_view key = tag.first;
    conditional = conditional || key.ends_with(":conditional");
    class_key = class_key || is_class_key(key);
  }
  if (!conditional && !class_key) return {};
  Collector collector(tags, road_class);
  if (conditional) {
    collector.access();
    collector.oneway();
    collector.maxspeed();
  }
  if (class_key) collector.plain_classes();
  return std::move(collector.out);
}

}  // namespace drivelog::osm
