#include "osm/osm_import.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include <osmium/handler.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/relation.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/visitor.hpp>

#include "legal/reference_data.hpp"
#include "osm/access.hpp"
#include "osm/advisory_speed.hpp"
#include "osm/built_up_neighbours.hpp"
#include "osm/conditional_tags.hpp"
#include "osm/oneway.hpp"
#include "osm/restriction.hpp"
#include "osm/road_class.hpp"
#include "osm/road_structure.hpp"
#include "map/time_zone_file.hpp"
#include "osm/stop_sign.hpp"
#include "osm/way_speed.hpp"

namespace drivelog::osm {
namespace {

void fill_tags(const osmium::TagList& list, Tags& tags) {
  tags.clear();
  for (const osmium::Tag& tag : list) tags.add(tag.key(), tag.value());
}

// A road closed to cars at some time is flagged closed, so that the matcher, which does not read
// times, prices it as it prices any closed road (docs/CONDITIONAL.md): a short link closed by day
// was otherwise chosen over its open neighbour by noisy fixes and reported as entered. The
// record's rules already open it outside the window (`open @ (24/7); closed @ ...`,
// osm/conditional_tags.cpp). Records that bind other classes only leave the flag alone: the
// matcher prices the roads for a car.
void flag_time_dependent_closure(const ConditionalTags& conditional, uint16_t& flags, ImportReport& report) {
  if ((flags & map::edge_flags::kClosed) != 0) return;
  const bool closes_to_cars = std::any_of(conditional.stored.begin(), conditional.stored.end(), [](const map::ConditionalInput& c) {
    return c.kind == map::ConditionalKind::access && (c.vehicles & map::vehicle_bits::kCar) != 0 &&
           c.rules.find("closed @") != std::string::npos;
  });
  if (!closes_to_cars) return;
  flags |= map::edge_flags::kClosed | map::edge_flags::kClosedAtTimes;
  ++report.closed_road_ways;
}

// Pass 1: roads and restrictions.
class RoadCollector : public osmium::handler::Handler {
 public:
  RoadCollector(map::MapBuilder& builder, ImportReport& report, LegalSpeedResolver& legal)
      : built_up(legal), builder_(builder), report_(report), legal_(legal) {}

  void way(const osmium::Way& way) {
    ++report_.ways_read;
    fill_tags(way.tags(), tags_);
    const auto road_class = car_road_class(tags_);
    if (!road_class) return;
    ++report_.road_ways;

    map::WayInput in;
    in.osm_id = way.id();
    in.road_class = *road_class;
    const auto name = tags_.get("name");
    const auto ref = tags_.get("ref");
    in.name = std::string(name ? *name : (ref ? *ref : std::string_view{}));

    const Oneway oneway = interpret_oneway(tags_, *road_class);
    if (oneway.invalid_key) report_.tag_problems.add(*oneway.invalid_key, oneway.invalid_value);
    const RoadStructure structure = interpret_structure(tags_);
    if (structure.invalid) report_.tag_problems.add(structure.invalid->first, structure.invalid->second);
    in.flags = static_cast<uint16_t>(oneway.edge_flags() | structure.flags);
    in.layer = structure.layer;
    in.use = structure.use;

    std::optional<std::pair<std::string_view, std::string_view>> unknown_access;
    switch (interpret_access(tags_, &unknown_access)) {
      case CarAccess::yes: break;
      case CarAccess::no: in.flags |= map::edge_flags::kClosed; ++report_.closed_road_ways; break;
      case CarAccess::private_use: in.flags |= map::edge_flags::kPrivate; break;
      case CarAccess::destination: in.flags |= map::edge_flags::kDestination; break;
    }
    if (unknown_access) report_.tag_problems.add(unknown_access->first, unknown_access->second);
    const ConditionalTags conditional = interpret_conditional_tags(tags_, *road_class);
    count_conditionals(conditional.stored, conditional.not_understood, conditional.shadowed);
    // A direction closed to cars by a directional access key (`motor_vehicle:backward=no`): not a
    // direction a car may drive, which the matcher prices as it prices a one-way; the car's access
    // record of that direction makes entering it a no_entry (osm/conditional_tags.hpp).
    // A direction the car's one-way forbids and its own key allows (`motorcar:backward=yes`) is one
    // it may drive: on the flags, as the matcher and the detector read them.
    if ((conditional.car_opened_directions & 1U) != 0) in.flags |= map::edge_flags::kForwardAllowed;
    if ((conditional.car_opened_directions & 2U) != 0) in.flags |= map::edge_flags::kBackwardAllowed;
    if ((conditional.car_closed_directions & 1U) != 0) in.flags &= static_cast<uint16_t>(~map::edge_flags::kForwardAllowed);
    if ((conditional.car_closed_directions & 2U) != 0) in.flags &= static_cast<uint16_t>(~map::edge_flags::kBackwardAllowed);
    flag_time_dependent_closure(conditional, in.flags, report_);

    const WaySpeed speed = interpret_way_speed(tags_, report_.tag_problems);
    in.maxspeed_forward = speed.forward;
    in.maxspeed_backward = speed.backward;
    in.speed_source = speed.forward_source;
    in.backward_speed_source = speed.backward_source;
    in.legal_key = legal_.key_for(tags_, speed.zone_country, speed.zone_name);
    const WayAdvisorySpeed advisory = interpret_advisory_speed(tags_, report_.tag_problems);
    in.advisory_forward = advisory.forward;
    in.advisory_backward = advisory.backward;
    if (advisory.unreadable && report_.advisory_unreadable.size() < ImportReport::kMaxListedWays) {
      report_.advisory_unreadable.emplace_back(way.id(), *advisory.unreadable);
    }

    in.node_ids.reserve(way.nodes().size());
    for (const osmium::NodeRef& ref_node : way.nodes()) {
      in.node_ids.push_back(ref_node.ref());
      needed_nodes.push_back(ref_node.ref());
    }
    built_up.add_way(ways_added_++, in.legal_key, *road_class == map::RoadClass::service, in.node_ids);
    builder_.add_way(std::move(in));
    for (const map::ConditionalInput& c : conditional.stored) builder_.add_conditional(c);
    const std::string* last = nullptr;  // a key split by direction is one tag
    std::array<uint8_t, 3> classes_by_kind{};  // a way counts once per class and kind
    for (const map::ConditionalInput& c : conditional.plain) {
      builder_.add_conditional(c);
      if (last == nullptr || *last != c.key) ++report_.class_keys_stored[c.key];
      last = &c.key;
      classes_by_kind[static_cast<std::size_t>(c.kind)] |= c.vehicles;
    }
    for (std::size_t kind = 0; kind < classes_by_kind.size(); ++kind) {
      for (std::size_t cls = 0; cls < report_.class_rules.size(); ++cls) {
        if ((classes_by_kind[kind] >> cls & 1U) != 0) ++report_.class_rules[cls][kind];
      }
    }
  }

  void relation(const osmium::Relation& relation) {
    ++report_.relations_read;
    fill_tags(relation.tags(), tags_);
    const RestrictionTags r = interpret_restriction(tags_);
    if (r.verdict == RestrictionTags::Verdict::not_a_restriction) return;
    // Conditional values are counted as stored only for a relation that is stored.
    const auto count = [&](bool stored) {
      count_conditionals(stored ? r.conditionals : std::vector<map::ConditionalInput>{}, r.not_understood, {});
    };
    switch (r.verdict) {
      case RestrictionTags::Verdict::not_a_restriction: return;
      case RestrictionTags::Verdict::not_for_cars: count(false); ++report_.skipped["restriction binding no vehicle class"]; return;
      case RestrictionTags::Verdict::conditional_only:
        count(false);
        ++report_.skipped["time-dependent restriction with no value understood for a vehicle"];
        return;
      case RestrictionTags::Verdict::invalid: count(false); report_.tag_problems.add(r.bad_key, r.bad_value); return;
      case RestrictionTags::Verdict::applies: break;
    }
    std::vector<int64_t> from, to, via_ways;
    std::vector<int64_t> via_nodes;
    for (const osmium::RelationMember& m : relation.members()) {
      const std::string_view role = m.role();
      if (role == "from" && m.type() == osmium::item_type::way) from.push_back(m.ref());
      else if (role == "to" && m.type() == osmium::item_type::way) to.push_back(m.ref());
      else if (role == "via" && m.type() == osmium::item_type::node) via_nodes.push_back(m.ref());
      else if (role == "via" && m.type() == osmium::item_type::way) via_ways.push_back(m.ref());
    }
    const bool via_ok = (via_nodes.size() == 1 && via_ways.empty()) || (via_nodes.empty() && !via_ways.empty());
    if (from.empty() || to.empty() || !via_ok) {
      count(false);
      report_.tag_problems.add("restriction members", "not from/via/to (relation " + std::to_string(relation.id()) + ")");
      return;
    }
    count(true);
    for (const std::string& key : r.class_keys) ++report_.class_keys_stored[key];
    // A class the relation binds where it does not bind the car, or the reverse.
    const bool binds_car = (r.vehicles & map::vehicle_bits::kCar) != 0;
    for (std::size_t cls = 1; cls < report_.class_rules.size(); ++cls) {
      if ((r.vehicles >> cls & 1U) != (binds_car ? 1U : 0U)) {
        ++report_.class_rules[cls][static_cast<std::size_t>(ClassRuleKind::turn)];
      }
    }
    ++report_.restriction_relations;
    for (const int64_t f : from) {
      for (const int64_t t : to) {
        map::RestrictionInput in;
        in.osm_relation_id = relation.id();
        in.kind = r.kind;
        in.flags = r.flags;
        in.vehicles = r.vehicles;
        in.from_way = f;
        in.to_way = t;
        in.via_node = via_nodes.empty() ? 0 : via_nodes.front();
        in.via_ways = via_ways;
        builder_.add_restriction(std::move(in));
      }
    }
    for (const map::ConditionalInput& c : r.conditionals) builder_.add_turn_conditional(relation.id(), c);
  }

  std::vector<int64_t> needed_nodes;
  BuiltUpNeighbours built_up;

 private:
  // Ways (relations) per conditional key stored, not understood (also listed as uninterpreted
  // values) and overridden by a more specific plain key for every vehicle class.
  void count_conditionals(const std::vector<map::ConditionalInput>& stored,
                          const std::vector<std::pair<std::string, std::string>>& not_understood,
                          const std::vector<std::string>& shadowed) {
    const std::string* last = nullptr;  // a key split by direction is one tag
    for (const map::ConditionalInput& c : stored) {
      if (last == nullptr || *last != c.key) ++report_.conditionals_stored[c.key];
      last = &c.key;
    }
    for (const auto& [key, why] : not_understood) {
      ++report_.conditionals_not_understood[key];
      report_.tag_problems.add(key, tags_.get(key).value_or(""));  // the value, as for other keys (why: in tests)
    }
    for (const std::string& key : shadowed) ++report_.skipped[key + " under a more specific plain key"];
  }

  map::MapBuilder& builder_;
  ImportReport& report_;
  LegalSpeedResolver& legal_;
  uint32_t ways_added_ = 0;
  Tags tags_;
};

// Pass 2: positions of the nodes the roads use, and stop signs.
class NodeCollector : public osmium::handler::Handler {
 public:
  NodeCollector(map::MapBuilder& builder, ImportReport& report, const std::vector<int64_t>& needed)
      : builder_(builder), report_(report), needed_(needed) {}

  void node(const osmium::Node& node) {
    ++report_.nodes_read;
    if (!std::binary_search(needed_.begin(), needed_.end(), node.id())) return;
    const osmium::Location loc = node.location();
    if (!loc.valid()) {
      report_.tag_problems.add("node location", "missing or out of range");
      return;
    }
    builder_.add_node(node.id(), map::Coord{loc.y(), loc.x()});
    if (node.tags().empty()) return;
    fill_tags(node.tags(), tags_);
    if (tags_.is("highway", "traffic_signals")) builder_.add_signal(node.id());
    if (const auto stop = interpret_stop_sign(tags_)) {
      ++report_.stop_nodes;
      if (stop->unread) report_.tag_problems.add(stop->unread->first, stop->unread->second);
      builder_.add_stop(map::StopInput{node.id(), stop->direction});
    }
  }

 private:
  map::MapBuilder& builder_;
  ImportReport& report_;
  const std::vector<int64_t>& needed_;
  Tags tags_;
};

template <typename Handler>
void read_pass(const std::string& path, osmium::osm_entity_bits::type entities, Handler& handler) {
  try {
    osmium::io::Reader reader{path, entities};
    osmium::apply(reader, handler);
    reader.close();
  } catch (const std::exception& e) {
    throw ImportError("cannot read OSM file " + path + ": " + e.what());
  }
}

std::string normalized_country(const std::string& code) {
  std::string upper = code;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper;
}

legal::ReferenceData load_reference(const std::optional<std::string>& dir) {
  try {
    return legal::load_reference_data(dir);
  } catch (const std::exception& e) {
    throw ImportError(std::string("reference data: ") + e.what());
  }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

ImportReport import_osm(const std::string& osm_path, const std::string& map_path, const ImportOptions& options) {
  {
    std::ifstream probe(osm_path, std::ios::binary);
    if (!probe) throw ImportError("cannot read OSM file " + osm_path + ": " + std::strerror(errno));
    if (std::filesystem::is_directory(osm_path)) throw ImportError("cannot read OSM file " + osm_path + ": it is a directory");
  }
  ImportReport report;
  map::MapBuilder builder;
  const auto start = std::chrono::steady_clock::now();
  const legal::ReferenceData reference = load_reference(options.data_dir);
  std::optional<std::string> country;
  if (!options.country.empty()) country = normalized_country(options.country);
  LegalSpeedResolver legal(reference, country);
  map::TimeZoneTable time_zones;
  if (options.time_zones_file) time_zones = map::read_time_zone_file(*options.time_zones_file);
  report.time_zone_source = time_zones.source;
  for (const map::TimeZoneInput& z : time_zones.zones) report.time_zones.push_back(z.name);
  builder.set_time_zones(std::move(time_zones));
  builder.set_speed_resolver(&legal);

  RoadCollector roads(builder, report, legal);
  read_pass(osm_path, osmium::osm_entity_bits::way | osmium::osm_entity_bits::relation, roads);
  for (const auto& [way, key] : roads.built_up.keys_from_neighbours()) builder.set_legal_key(way, key);
  std::sort(roads.needed_nodes.begin(), roads.needed_nodes.end());
  roads.needed_nodes.erase(std::unique(roads.needed_nodes.begin(), roads.needed_nodes.end()), roads.needed_nodes.end());
  roads.needed_nodes.shrink_to_fit();
  NodeCollector nodes(builder, report, roads.needed_nodes);
  read_pass(osm_path, osmium::osm_entity_bits::node, nodes);
  report.read_seconds = seconds_since(start);

  builder.set_source(std::filesystem::path(osm_path).filename().string());
  builder.set_keep_input_order(options.keep_input_order);
  builder.set_conditional_summary(conditional_summary_json(report));
  const auto write_start = std::chrono::steady_clock::now();
  report.build = builder.write(map_path);
  report.write_seconds = seconds_since(write_start);
  report.legal = legal.stats();
  report.legal_data = legal.description();
  report.country_basis = country ? "option" : "position (country boundaries data)";
  uint64_t most = 0;
  for (const auto& [code, edges] : report.legal.edges_by_region) {
    if (edges > most) {
      most = edges;
      report.country = code;
    }
  }
  return report;
}

}  // namespace drivelog::osm
