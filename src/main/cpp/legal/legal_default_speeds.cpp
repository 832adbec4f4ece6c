#include "legal/legal_default_speeds.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "legal/number_with_unit.hpp"

namespace drivelog::legal {
namespace {

using Json = nlohmann::json;

// `maxspeed=RO:urban` on the way must not hide the road type's numeric maxspeed.
bool is_implicit_maxspeed(const std::string& key, const std::string& value) {
  return key == "maxspeed" && !number_with_optional_unit(value).has_value();
}

std::vector<std::string_view> split(std::string_view s, std::string_view separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t at = s.find(separator);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + separator.size());
  }
  return parts;
}

// Drops sub-limits that are not below `maxspeed` (maxspeed=60 makes maxspeed:hgv=80 moot), also
// inside conditionals, then does the same one level down (maxspeed:hgv for maxspeed:hgv:*).
void limit_speeds_to(TagMap& tags, const std::string& key, std::optional<double> maxspeed) {
  const std::string prefix = key + ":";
  if (maxspeed) {
    for (auto it = tags.begin(); it != tags.end();) {
      if (!it->first.starts_with(prefix)) {
        ++it;
        continue;
      }
      if (it->first.ends_with(":conditional")) {
        std::string kept;
        for (std::string_view part : split(it->second, "; ")) {
          const auto speed = number_with_optional_unit(split(part, " @ ")[0]);
          if (speed && !(*speed < *maxspeed)) continue;
          if (!kept.empty()) kept += "; ";
          kept += part;
        }
        if (kept.empty()) {
          it = tags.erase(it);
          continue;
        }
        it->second = kept;
      }
      const auto speed = number_with_optional_unit(it->second);
      if (speed && *speed >= *maxspeed) {
        it = tags.erase(it);
        continue;
      }
      ++it;
    }
  }
  std::vector<std::string> subkeys;
  for (const auto& [k, v] : tags) {
    if (k.starts_with(prefix)) subkeys.push_back(k);
  }
  for (const std::string& subkey : subkeys) {
    std::optional<double> limit = maxspeed;
    if (const auto it = tags.find(subkey); it != tags.end()) {
      if (const auto sub = number_with_optional_unit(it->second)) limit = limit ? std::min(*limit, *sub) : *sub;
    }
    limit_speeds_to(tags, subkey, limit);
  }
}

// The road type's tags plus what the way says itself, reduced to what the way does not already say.
TagMap result_tags(const TagMap& way, const TagMap& road_type) {
  TagMap result = road_type;
  for (const auto& [k, v] : way) {
    if (!is_implicit_maxspeed(k, v)) result[k] = v;
  }
  std::optional<double> maxspeed;
  if (const auto it = result.find("maxspeed"); it != result.end()) maxspeed = number_with_optional_unit(it->second);
  limit_speeds_to(result, "maxspeed", maxspeed);
  for (const auto& [k, v] : way) {
    if (!is_implicit_maxspeed(k, v)) result.erase(k);
  }
  return result;
}

std::optional<TagFilter> parse_filter(const Json& road_type, const char* field, const std::string& name,
                                      const std::string& source) {
  const auto it = road_type.find(field);
  if (it == road_type.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw LegalDataError(source + ": roadTypesByName[\"" + name + "\"]." + field + " is not a string");
  try {
    return TagFilter(it->get<std::string>());
  } catch (const TagFilterError& e) {
    throw LegalDataError(source + ": roadTypesByName[\"" + name + "\"]." + field + ": " + e.what());
  }
}

}  // namespace

const char* certitude_name(Certitude c) {
  switch (c) {
    case Certitude::exact: return "exact";
    case Certitude::from_maxspeed: return "from_maxspeed";
    case Certitude::fuzzy: return "fuzzy";
    case Certitude::fallback: return "fallback";
  }
  return "fallback";
}

LegalDefaultSpeeds LegalDefaultSpeeds::from_json(std::string_view json, const std::string& source) {
  LegalDefaultSpeeds out;
  try {
    const Json root = Json::parse(json);
    if (const auto meta = root.find("meta"); meta != root.end() && meta->contains("revisionId")) {
      out.revision_ = (*meta)["revisionId"].get<std::string>();
    }
    for (const auto& [name, road_type] : root.at("roadTypesByName").items()) {
      RoadTypeFilters f;
      f.filter = parse_filter(road_type, "filter", name, source);
      f.fuzzy = parse_filter(road_type, "fuzzyFilter", name, source);
      f.relation = parse_filter(road_type, "relationFilter", name, source);
      out.filters_.emplace(name, std::move(f));
    }
    for (const auto& [code, list] : root.at("speedLimitsByCountryCode").items()) {
      std::vector<RoadType> types;
      for (const Json& entry : list) {
        RoadType t;
        if (const auto n = entry.find("name"); n != entry.end() && n->is_string()) t.name = n->get<std::string>();
        for (const auto& [k, v] : entry.at("tags").items()) t.tags.emplace(k, v.get<std::string>());
        types.push_back(std::move(t));
      }
      out.limits_.emplace(code, std::move(types));
    }
  } catch (const Json::exception& e) {
    throw LegalDataError(source + ": not a legal default speeds dataset: " + e.what());
  }
  if (out.limits_.empty()) throw LegalDataError(source + ": no countries in speedLimitsByCountryCode");
  // Like the library: a filter that refers to itself through placeholders would never end.
  for (const auto& [name, filters] : out.filters_) {
    KeyUses ignored;
    std::vector<std::string> seen;
    std::vector<std::string> stack = {name};
    while (!stack.empty()) {
      const std::string current = stack.back();
      stack.pop_back();
      const auto it = out.filters_.find(current);
      if (it == out.filters_.end()) continue;
      for (const auto* f : {&it->second.filter, &it->second.fuzzy, &it->second.relation}) {
        if (!f->has_value()) continue;
        for (const std::string& p : (*f)->placeholders()) {
          if (p == name) throw LegalDataError(source + ": the road type filter for \"" + name + "\" contains circular placeholders");
          if (std::find(seen.begin(), seen.end(), p) == seen.end()) {
            seen.push_back(p);
            stack.push_back(p);
          }
        }
      }
    }
  }
  return out;
}

std::string LegalDefaultSpeeds::rules_code(std::string_view country) const {
  if (limits_.contains(country)) return std::string(country);
  const std::string_view base = country.substr(0, country.find('-'));
  if (limits_.contains(base)) return std::string(base);
  return {};
}

bool LegalDefaultSpeeds::has_rules_for(std::string_view country) const { return !rules_code(country).empty(); }

std::optional<LegalResult> LegalDefaultSpeeds::speed_limits(std::string_view country, const TagMap& tags) const {
  const auto it = limits_.find(rules_code(country));
  if (it == limits_.end()) return std::nullopt;
  const std::vector<RoadType>& types = it->second;
  const auto result = [&](const RoadType& t, Certitude c) { return LegalResult{t.name, result_tags(tags, t.tags), c}; };

  if (const RoadType* t = find_by_tags(types, tags, false)) return result(*t, Certitude::exact);
  if (const auto maxspeed = tags.find("maxspeed"); maxspeed != tags.end()) {
    // Like the tag search: the road type defined furthest down first, then from the top.
    const auto same_maxspeed = [&](const RoadType& t) {
      const auto m = t.tags.find("maxspeed");
      return m != t.tags.end() && m->second == maxspeed->second;
    };
    for (auto r = types.rbegin(); r != types.rend() && r->name; ++r) {
      if (same_maxspeed(*r)) return result(*r, Certitude::from_maxspeed);
    }
    for (auto r = types.begin(); r != types.end() && r->name; ++r) {
      if (same_maxspeed(*r)) return result(*r, Certitude::from_maxspeed);
    }
  }
  if (const RoadType* t = find_by_tags(types, tags, true)) return result(*t, Certitude::fuzzy);
  for (const RoadType& t : types) {
    if (!t.name) return result(t, Certitude::fallback);
  }
  return std::nullopt;
}

// The road type defined furthest down whose filter matches, searching up to the fallback rule;
// then from the top down to it (the dataset lists specific types after general ones).
const LegalDefaultSpeeds::RoadType* LegalDefaultSpeeds::find_by_tags(const std::vector<RoadType>& types,
                                                                     const TagMap& tags, bool fuzzy) const {
  for (auto r = types.rbegin(); r != types.rend() && r->name; ++r) {
    if (filters_match(*r->name, tags, fuzzy)) return &*r;
  }
  for (auto r = types.begin(); r != types.end() && r->name; ++r) {
    if (filters_match(*r->name, tags, fuzzy)) return &*r;
  }
  return nullptr;
}

bool LegalDefaultSpeeds::filters_match(const std::string& name, const TagMap& tags, bool fuzzy) const {
  const auto it = filters_.find(name);
  if (it == filters_.end()) return false;
  const auto placeholder = [&](const std::string& other) { return filters_match(other, tags, fuzzy); };
  if (it->second.filter && it->second.filter->matches(tags, placeholder)) return true;
  return fuzzy && it->second.fuzzy && it->second.fuzzy->matches(tags, placeholder);
}

void LegalDefaultSpeeds::add_key_uses(const std::string& road_type, KeyUses& uses, std::vector<std::string>& seen) const {
  if (std::find(seen.begin(), seen.end(), road_type) != seen.end()) return;
  seen.push_back(road_type);
  const auto it = filters_.find(road_type);
  if (it == filters_.end()) return;
  for (const auto* f : {&it->second.filter, &it->second.fuzzy}) {
    if (!f->has_value()) continue;
    (*f)->collect_key_uses(uses);
    for (const std::string& p : (*f)->placeholders()) add_key_uses(p, uses, seen);
  }
}

KeyUses LegalDefaultSpeeds::key_uses(std::string_view country) const {
  KeyUses uses;
  const auto it = limits_.find(rules_code(country));
  if (it == limits_.end()) return uses;
  std::vector<std::string> seen;
  for (const RoadType& t : it->second) {
    if (t.name) add_key_uses(*t.name, uses, seen);
  }
  return uses;
}

KeyUses LegalDefaultSpeeds::key_uses_all() const {
  KeyUses uses;
  std::vector<std::string> seen;
  for (const auto& [code, types] : limits_) {
    for (const RoadType& t : types) {
      if (t.name) add_key_uses(*t.name, uses, seen);
    }
  }
  return uses;
}

}  // namespace drivelog::legal
