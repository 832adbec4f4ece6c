#include "osm/legal_speed_resolver.hpp"

#include <algorithm>
#include <cmath>

#include "legal/speed_value.hpp"
#include "map/map_view.hpp"

namespace drivelog::osm {
namespace {

using map::SpeedSource;
using map::VehicleClass;

constexpr uint32_t kMixed = 0xFFFFFFFFu;
constexpr int32_t kCellE7 = 100'000;  // 0.01 degree: the region cache's cell
constexpr std::string_view kUntested = "\x01";  // a value no filter tests for: equal to none of them

std::size_t index(VehicleClass c) { return static_cast<std::size_t>(c); }

std::optional<uint16_t> limit_of(const legal::TagMap& tags, std::string_view key) {
  const auto it = tags.find(key);
  return it == tags.end() ? std::nullopt : legal::speed_tenths(it->second);
}

// Per-class limits of a dataset result. The dataset leaves out class limits that are not below the
// car's, so a missing one is "as car" (0). A road type with only an advisory speed (the German
// Autobahn) has no legal car limit.
std::array<uint16_t, 4> class_limits(const legal::TagMap& tags) {
  std::array<uint16_t, 4> out{};
  if (const auto car = limit_of(tags, "maxspeed")) out[index(VehicleClass::car)] = *car;
  else if (tags.contains("maxspeed:advisory")) out[index(VehicleClass::car)] = map::kSpeedUnlimited;
  out[index(VehicleClass::hgv)] = limit_of(tags, "maxspeed:hgv").value_or(0);
  out[index(VehicleClass::bus)] = limit_of(tags, "maxspeed:bus").value_or(limit_of(tags, "maxspeed:coach").value_or(0));
  out[index(VehicleClass::motorcycle)] = limit_of(tags, "maxspeed:motorcycle").value_or(0);
  return out;
}

std::string tags_text(const legal::TagMap& tags) {
  std::string out;
  for (const auto& [k, v] : tags) out += k + "=" + v + "\n";
  return out;
}

}  // namespace

LegalSpeedResolver::LegalSpeedResolver(const legal::ReferenceData& data, std::optional<std::string> country)
    : data_(data), country_(std::move(country)), uses_(data.speeds.key_uses_all()) {
  for (const legal::DateRule& rule : data.date_rules.rules()) rule.filter.collect_key_uses(uses_);
}

std::string_view LegalSpeedResolver::project_value(std::string_view key, std::string_view value) {
  const auto use = uses_.by_key.find(key);
  if (use == uses_.by_key.end() || use->second.compared_as_number) return value;
  scratch_.assign(key).push_back('\x1f');
  scratch_.append(value);
  if (const auto it = value_cache_.find(scratch_); it != value_cache_.end()) return it->second ? value : kUntested;
  const legal::KeyUse& u = use->second;
  const bool tested = std::find(u.equal_values.begin(), u.equal_values.end(), value) != u.equal_values.end() ||
                      std::any_of(u.patterns.begin(), u.patterns.end(), [&](const auto* p) { return p->matches(value); });
  if (value_cache_.size() > 1'000'000) value_cache_.clear();  // bounded: names repeat, but not all of them
  value_cache_.emplace(scratch_, tested);
  return tested ? value : kUntested;
}

uint32_t LegalSpeedResolver::key_for(const Tags& tags, std::string_view zone_country, std::string_view zone_name) {
  // Runs once per way: views only, a string and a map only for a tag set not seen before.
  projected_.clear();
  for (const auto& [k, v] : tags.all()) {
    const auto use = uses_.by_key.find(k);
    const bool read_by_filters = uses_.any_key || use != uses_.by_key.end();
    const bool limit_key = k.starts_with("maxspeed") || k.starts_with("minspeed") || k == "motorcycle" || k == "tricycle";
    if (!read_by_filters && !limit_key) continue;
    projected_.emplace_back(k, read_by_filters && !limit_key ? project_value(k, v) : v);
  }
  std::sort(projected_.begin(), projected_.end());
  canonical_.assign(zone_country).append(":").append(zone_name);
  for (const auto& [k, v] : projected_) canonical_.append("\x1e").append(k).append("\x1f").append(v);
  if (const auto it = key_index_.find(canonical_); it != key_index_.end()) return it->second;
  legal::TagMap set;
  for (const auto& [k, v] : projected_) set.emplace(std::string(k), std::string(v));
  return add_key(canonical_, std::move(set), std::string(zone_country), std::string(zone_name), BuiltUp::unknown);
}

uint32_t LegalSpeedResolver::add_key(const std::string& canonical, legal::TagMap tags, std::string zone_country,
                                     std::string zone_name, BuiltUp surroundings) {
  const auto key = static_cast<uint32_t>(tag_sets_.size());
  key_index_.emplace(canonical, key);
  tag_sets_.push_back(std::move(tags));
  zone_countries_.push_back(std::move(zone_country));
  zone_names_.push_back(std::move(zone_name));
  surroundings_.push_back(surroundings);
  own_built_up_.push_back(-1);
  stats_.distinct_tag_sets = tag_sets_.size();
  return key;
}

BuiltUp LegalSpeedResolver::built_up(uint32_t key) {
  int8_t& own = own_built_up_.at(key);
  if (own < 0) {
    const legal::TagMap& tags = tag_sets_[key];
    // As the dataset's lookup reads them: the filter, else the fuzzy filter (lit=yes, a sidewalk,
    // highway=residential say urban; lit=no, no sidewalk say rural).
    const auto read = [&](bool fuzzy) {
      const bool urban = data_.speeds.road_type_matches("urban", tags, fuzzy);
      const bool rural = data_.speeds.road_type_matches("rural", tags, fuzzy);
      return urban == rural ? BuiltUp::unknown : urban ? BuiltUp::urban : BuiltUp::rural;
    };
    BuiltUp area = read(false);
    if (area == BuiltUp::unknown) area = read(true);
    own = static_cast<int8_t>(area);
  }
  return static_cast<BuiltUp>(own);
}

uint32_t LegalSpeedResolver::key_with_surroundings(uint32_t key, BuiltUp area) {
  const uint64_t cache_key = uint64_t{key} << 2 | static_cast<uint64_t>(area);
  if (const auto it = surroundings_keys_.find(cache_key); it != surroundings_keys_.end()) return it->second;
  legal::TagMap tags = tag_sets_.at(key);
  if (area != BuiltUp::unknown) tags.insert_or_assign("rural", area == BuiltUp::urban ? "no" : "yes");
  const std::string canonical = "\x1d" + std::to_string(cache_key);  // no way's canonical form starts so
  const uint32_t made = add_key(canonical, std::move(tags), zone_countries_[key], zone_names_[key], area);
  surroundings_keys_.emplace(cache_key, made);
  if (area == BuiltUp::unknown) {  // the two readings it is compared with, made now: no keys are added while resolving
    const uint32_t urban = key_with_surroundings(key, BuiltUp::urban);
    undecided_readings_.emplace(made, std::pair{urban, key_with_surroundings(key, BuiltUp::rural)});
  }
  return made;
}

uint16_t LegalSpeedResolver::region_of(std::vector<std::string_view> ids) {
  // The smallest area is the region; the rules are the first area's (smallest first) the dataset knows.
  map::RegionInput region;
  if (!ids.empty()) region.code = std::string(ids.front());
  for (std::string_view id : ids) {
    region.rules_code = data_.speeds.rules_code(id);
    if (!region.rules_code.empty()) break;
  }
  const std::string name = region.code + "|" + region.rules_code;
  const auto [it, inserted] = region_index_.try_emplace(name, static_cast<uint16_t>(regions_.size()));
  if (inserted) {
    if (regions_.size() >= map::kNoRegion) throw map::MapError("more than 65534 regions in one map");
    regions_.push_back(std::move(region));
  }
  return it->second;
}

// The region at a position, from the boundaries data. Lookups are cached per 0.01 degree cell
// whose corners all lie in the same areas, and within cells a border crosses per 0.001 degree cell
// (about 100 m, finer than the boundaries data is drawn) likewise; only cells of that size that a
// border crosses are looked up exactly, per edge.
uint16_t LegalSpeedResolver::region_at(map::Coord p) {
  if (country_) return region_of({*country_});
  const uint32_t coarse = cached_region(p, kCellE7, coarse_regions_);
  if (coarse != kMixed) return static_cast<uint16_t>(coarse);
  const uint32_t fine = cached_region(p, kCellE7 / 10, fine_regions_);
  if (fine != kMixed) return static_cast<uint16_t>(fine);
  return region_of(data_.boundaries.ids(p.lon(), p.lat()));
}

uint32_t LegalSpeedResolver::cached_region(map::Coord p, int32_t cell_e7, std::unordered_map<uint64_t, uint32_t>& cache) {
  const int64_t cell_lat = (p.lat_e7 >= 0 ? p.lat_e7 : p.lat_e7 - cell_e7 + 1) / cell_e7;
  const int64_t cell_lon = (p.lon_e7 >= 0 ? p.lon_e7 : p.lon_e7 - cell_e7 + 1) / cell_e7;
  const uint64_t cell_key = static_cast<uint64_t>(cell_lat + (1 << 30)) << 32 | static_cast<uint64_t>(cell_lon + (1 << 30));
  const auto cached = cache.find(cell_key);
  if (cached != cache.end()) return cached->second;
  const double d = cell_e7 * 1e-7;
  const double lat0 = static_cast<double>(cell_lat) * d, lon0 = static_cast<double>(cell_lon) * d;
  const auto corner = data_.boundaries.ids(lon0, lat0);
  bool same = true;
  for (const auto& [dlat, dlon] : {std::pair{0.0, d}, std::pair{d, 0.0}, std::pair{d, d}}) {
    same = same && data_.boundaries.ids(lon0 + dlon, std::min(lat0 + dlat, 90.0)) == corner;
  }
  return cache.emplace(cell_key, same ? region_of(corner) : kMixed).first->second;
}

const LegalSpeedResolver::Evaluated& LegalSpeedResolver::evaluate(std::string_view code, uint32_t key) {
  const auto [code_it, new_code] = code_index_.try_emplace(std::string(code), static_cast<uint32_t>(code_index_.size()));
  const auto [it, inserted] = evaluated_.try_emplace(uint64_t{code_it->second} << 32 | key);
  if (!inserted) return it->second;
  Evaluated& out = it->second;
  ++stats_.evaluations;
  const legal::TagMap& tags = tag_sets_[key];
  const auto result = data_.speeds.speed_limits(code, tags);
  if (!result) return out;
  const bool named_zone = !zone_countries_[key].empty();
  // A zone is understood when a road type matched it, or when the dataset knows the zone as a road
  // type (rural, urban, motorway...) that this country has no rules of its own for: then the
  // country's rule for other roads is what the zone means (JP:rural in Japan).
  std::string zone_road_type = zone_names_[key];
  std::replace(zone_road_type.begin(), zone_road_type.end(), '_', ' ');
  out.zone_understood = named_zone && (result->certitude == legal::Certitude::exact ||
                                       (result->certitude == legal::Certitude::fallback &&
                                        data_.speeds.road_type_matches(zone_road_type, tags)));
  map::SpeedRuleInput base;
  const bool from_neighbours = surroundings_[key] != BuiltUp::unknown;
  base.name = std::string(code) + ": " + result->road_type.value_or("other roads") + " (" +
              legal::certitude_name(result->certitude) +
              (from_neighbours ? "; built-up area or not from the neighbouring roads)" : ")");
  base.tags = tags_text(result->tags);
  base.limits = class_limits(result->tags);
  base.certitude = static_cast<uint8_t>(result->certitude);
  base.source = out.zone_understood ? SpeedSource::implicit_zone
                : result->certitude == legal::Certitude::fuzzy || from_neighbours ? SpeedSource::legal_default_inferred
                                                                                  : SpeedSource::legal_default;
  std::vector<map::SpeedRuleInput> chain = {base};
  for (const legal::DateRule* rule : data_.date_rules.applying(code, tags, data_.speeds)) {
    map::SpeedRuleInput changed = chain.back();
    changed.name = rule->id;
    changed.limits[index(VehicleClass::car)] = rule->maxspeed_tenths;
    for (std::size_t c = 1; c < changed.limits.size(); ++c) {
      if (changed.limits[c] >= rule->maxspeed_tenths) changed.limits[c] = 0;  // not below the car's: as car
    }
    changed.certitude = 4;
    if (rule->inferred) changed.source = SpeedSource::legal_default_inferred;
    if (rule->from_day) {
      changed.from_day = *rule->from_day;
      changed.until_day = INT32_MAX;
      chain.push_back(changed);
    } else {
      chain.back() = changed;  // a correction that always held replaces what it corrects
    }
  }
  out.rule = static_cast<uint32_t>(rules_.size());
  out.car = chain.front().limits[index(VehicleClass::car)];
  out.source = chain.front().source;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    chain[i].next = i + 1 < chain.size() ? out.rule + static_cast<uint32_t>(i + 1) : map::kNoSpeedRule;
    rules_.push_back(std::move(chain[i]));
  }
  return out;
}

void LegalSpeedResolver::resolve(uint32_t legal_key, map::Coord middle, map::EdgeRecord& record) {
  record.region = region_at(middle);
  if (record.region >= region_edges_.size()) region_edges_.resize(record.region + 1u, 0);
  ++region_edges_[record.region];
  // Per edge: one lookup by (region, tag set); the dataset is asked once per code and tag set.
  const uint64_t region_key = uint64_t{record.region} << 32 | legal_key;
  auto found = by_region_key_.find(region_key);
  if (found == by_region_key_.end()) {
    const std::string& rules_code = regions_[record.region].rules_code;
    std::string_view code = rules_code;
    // A named zone of another country ("FR:urban" read in Germany) is that country's law.
    const std::string& zone_country = zone_countries_.at(legal_key);
    if (!zone_country.empty() && zone_country != code.substr(0, code.find('-')) && data_.speeds.has_rules_for(zone_country)) {
      code = zone_country;
    }
    found = by_region_key_.emplace(region_key, code.empty() ? nullptr : evaluate_for_region(code, legal_key)).first;
  }
  const Evaluated* e = found->second;
  if (e == &undecided_) ++stats_.built_up_undecided;
  else if (surroundings_[legal_key] != BuiltUp::unknown) ++stats_.built_up_from_neighbours;
  if (e != nullptr) record.speed_rule = e->rule;
  SpeedSource sources[2] = {record.source(true), record.source(false)};
  uint16_t* limits[2] = {&record.maxspeed_forward, &record.maxspeed_backward};
  bool zone_not_understood = false;
  for (int d = 0; d < 2; ++d) {
    SpeedSource& s = sources[d];
    const bool wanted = s == SpeedSource::none || (s == SpeedSource::implicit_zone && *limits[d] == map::kSpeedUnknown);
    // A named zone the dataset has no road type for reads as no tag: the legal default.
    if (wanted && s == SpeedSource::implicit_zone && (e == nullptr || !e->zone_understood)) zone_not_understood = true;
    if (wanted) {
      if (e != nullptr && e->car != map::kSpeedUnknown) {
        *limits[d] = e->car;
        s = e->source;
      } else {
        s = SpeedSource::none;
      }
    }
    ++direction_sources_[static_cast<std::size_t>(s)];
  }
  record.set_sources(sources[0], sources[1]);
  if (zone_not_understood) ++stats_.zones_not_understood;
}

// A service road whose surroundings told nothing keeps the dataset's answer only if being in a
// built-up area or not would not change its car limit.
const LegalSpeedResolver::Evaluated* LegalSpeedResolver::evaluate_for_region(std::string_view code, uint32_t key) {
  const auto readings = undecided_readings_.find(key);
  if (readings == undecided_readings_.end()) return &evaluate(code, key);
  const uint16_t urban = evaluate(code, readings->second.first).car;
  const uint16_t rural = evaluate(code, readings->second.second).car;
  return urban == rural ? &evaluate(code, key) : &undecided_;
}

const LegalStats& LegalSpeedResolver::stats() {
  stats_.edges_by_region.clear();
  for (std::size_t r = 0; r < region_edges_.size(); ++r) {
    if (region_edges_[r] > 0) stats_.edges_by_region[regions_[r].code] += region_edges_[r];
  }
  stats_.directions_by_source.clear();
  for (std::size_t s = 0; s < direction_sources_.size(); ++s) {
    if (direction_sources_[s] > 0) stats_.directions_by_source[map::speed_source_label(static_cast<SpeedSource>(s))] = direction_sources_[s];
  }
  return stats_;
}

std::string LegalSpeedResolver::description() const {
  return data_.description + (country_ ? "; country given: " + *country_ : "; country from each edge's position");
}

}  // namespace drivelog::osm
