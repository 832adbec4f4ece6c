#include "osm_inspection.hpp"

#include <osmium/handler.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/io/reader.hpp>
#include <osmium/osm.hpp>
#include <osmium/visitor.hpp>

#include <cstring>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace drivelog::synth::test {
namespace {

struct WayData {
  std::vector<int64_t> nodes;
  int travel = 0;  // +1 forward only, -1 backward only, 0 both
};

struct StopData {
  std::string direction;       // value of direction=, or of stop:direction= prefixed "stop:"
  bool all = false;
};

class Inspector : public osmium::handler::Handler {
 public:
  explicit Inspector(OsmInspection& out) : out_(out) {}

  void osm_object(const osmium::OSMObject& o) {
    const int type = o.type() == osmium::item_type::node ? 0 : o.type() == osmium::item_type::way ? 1 : 2;
    if (type < last_type_) problem("objects out of order: " + id_text(o) + " after a later type");
    if (type != last_type_) last_id_ = 0;
    if (o.id() <= 0) problem("non-positive id " + id_text(o));
    if (o.id() <= last_id_) problem("id not increasing: " + id_text(o));
    if (o.version() < 1) problem("no version on " + id_text(o));
    if (!o.timestamp().valid()) problem("no timestamp on " + id_text(o));
    last_type_ = type;
    last_id_ = o.id();
  }

  void node(const osmium::Node& n) {
    ++out_.nodes;
    node_ids_.insert(n.id());
    const auto& loc = n.location();
    if (!loc.valid() || loc.lat() < 40 || loc.lat() > 60 || loc.lon() < -5 || loc.lon() > 25) {
      problem("node " + std::to_string(n.id()) + " outside the plausible region");
    }
    const char* highway = n.tags()["highway"];
    if (highway != nullptr && std::strcmp(highway, "stop") == 0) {
      StopData stop;
      if (const char* d = n.tags()["direction"]) stop.direction = d;
      if (const char* d = n.tags()["stop:direction"]) stop.direction = std::string("stop:") + d;
      const char* all = n.tags()["stop"];
      stop.all = all != nullptr && std::strcmp(all, "all") == 0;
      stops_.emplace(n.id(), stop);
      if (stop.all) bump("stop_all_way");
      else if (stop.direction == "forward") bump("stop_direction_forward");
      else if (stop.direction == "backward") bump("stop_direction_backward");
      else if (stop.direction.starts_with("stop:")) bump("stop_stop_direction");
      else bump("stop_undirected");
    }
  }

  void way(const osmium::Way& w) {
    ++out_.ways;
    WayData data;
    for (const auto& ref : w.nodes()) {
      if (!node_ids_.contains(ref.ref())) problem("way " + std::to_string(w.id()) + " references missing node " + std::to_string(ref.ref()));
      data.nodes.push_back(ref.ref());
      ++membership_[ref.ref()];
    }
    if (data.nodes.size() < 2) problem("way " + std::to_string(w.id()) + " has fewer than 2 nodes");
    const auto& tags = w.tags();
    const std::string highway = tags.get_value_by_key("highway", "");
    if (!highway.empty()) bump("highway=" + highway);
    const std::string oneway = tags.get_value_by_key("oneway", "");
    const std::string junction = tags.get_value_by_key("junction", "");
    if (oneway == "yes") { bump("oneway=yes"); data.travel = 1; }
    if (oneway == "-1") { bump("oneway=-1"); data.travel = -1; }
    if (junction == "roundabout") {
      data.travel = 1;
      if (data.nodes.front() == data.nodes.back()) bump("roundabout");
      else problem("roundabout way " + std::to_string(w.id()) + " is not closed");
    }
    if (highway == "motorway" || highway == "motorway_link") data.travel = 1;
    for (const char* key : {"access", "motor_vehicle", "vehicle"}) {
      const std::string v = tags.get_value_by_key(key, "");
      if (!v.empty()) bump(std::string(key) + "=" + v);
    }
    const std::string maxspeed = tags.get_value_by_key("maxspeed", "");
    if (tags.has_key("maxspeed:forward") && tags.has_key("maxspeed:backward")) bump("maxspeed_forward_backward");
    else if (maxspeed.empty()) bump("maxspeed_untagged");
    else if (maxspeed == "none") bump("maxspeed_none");
    else if (maxspeed.ends_with(" mph")) bump("maxspeed_mph");
    else if (maxspeed.find(':') != std::string::npos) bump("maxspeed_implicit_zone");
    else if (maxspeed.find_first_not_of("0123456789") == std::string::npos) bump("maxspeed_number");
    else bump("maxspeed_other");
    if (tags.has_key("bridge")) bump("bridge");
    if (tags.has_key("name")) bump("named");
    ways_.emplace(w.id(), std::move(data));
  }

  void relation(const osmium::Relation& r) {
    ++out_.relations;
    const std::string type = r.tags().get_value_by_key("type", "");
    if (type != "restriction") return;
    std::string value = r.tags().get_value_by_key("restriction", "");
    if (value.empty()) value = r.tags().get_value_by_key("restriction:motorcar", "");
    bump(value.starts_with("only_") ? "restriction_only" : value.starts_with("no_") ? "restriction_no" : "restriction_other");
    bump("restriction=" + value);
    if (r.tags().has_key("restriction:motorcar")) bump("restriction:motorcar");
    int64_t from = 0, via = 0, to = 0;
    for (const auto& m : r.members()) {
      const std::string role = m.role();
      if (role == "from" && m.type() == osmium::item_type::way) from = m.ref();
      if (role == "to" && m.type() == osmium::item_type::way) to = m.ref();
      if (role == "via" && m.type() == osmium::item_type::node) via = m.ref();
    }
    const std::string name = "restriction " + std::to_string(r.id());
    if (from == 0 || via == 0 || to == 0) return problem(name + " lacks from, via or to");
    if (!node_ids_.contains(via)) return problem(name + ": via node missing");
    for (const auto& [role, id] : {std::pair{"from", from}, std::pair{"to", to}}) {
      const auto it = ways_.find(id);
      if (it == ways_.end()) {
        problem(name + ": " + role + " way missing");
      } else if (it->second.nodes.front() != via && it->second.nodes.back() != via) {
        problem(name + ": " + role + " way " + std::to_string(id) + " does not end at the via node");
      }
    }
  }

  // Each directed stop must sit on a way right next to a junction on the side it names, facing
  // traffic that may legally drive that way; an undirected one next to some junction.
  void check_stops() {
    std::unordered_map<int64_t, std::vector<std::pair<const WayData*, size_t>>> where;
    for (const auto& [id, way] : ways_) {
      for (size_t k = 0; k < way.nodes.size(); ++k) {
        if (stops_.contains(way.nodes[k])) where[way.nodes[k]].emplace_back(&way, k);
      }
    }
    for (const auto& [id, stop] : stops_) {
      const auto& places = where[id];
      const std::string name = "stop " + std::to_string(id);
      if (places.empty()) {
        problem(name + " is on no way");
        continue;
      }
      if (stop.all) {
        if (membership_[id] < 2) problem(name + " (all-way) is not at a junction");
        continue;
      }
      if (places.size() != 1) {
        problem(name + " is on " + std::to_string(places.size()) + " ways");
        continue;
      }
      const auto& [way, k] = places.front();
      const bool next_is_junction = k + 1 < way->nodes.size() && membership_[way->nodes[k + 1]] >= 2;
      const bool prev_is_junction = k > 0 && membership_[way->nodes[k - 1]] >= 2;
      const std::string dir = stop.direction.starts_with("stop:") ? stop.direction.substr(5) : stop.direction;
      if (dir == "forward") {
        if (!next_is_junction) problem(name + ": direction=forward but the next node is no junction");
        if (way->travel == -1) problem(name + ": direction=forward on a way driven backward only");
      } else if (dir == "backward") {
        if (!prev_is_junction) problem(name + ": direction=backward but the previous node is no junction");
        if (way->travel == 1) problem(name + ": direction=backward on a way driven forward only");
      } else if (!next_is_junction && !prev_is_junction) {
        problem(name + " (undirected) is next to no junction");
      }
    }
  }

 private:
  void bump(const std::string& feature) { ++out_.count[feature]; }
  void problem(const std::string& text) {
    if (out_.problems.size() < 50) out_.problems.push_back(text);
  }
  static std::string id_text(const osmium::OSMObject& o) {
    return std::string(osmium::item_type_to_name(o.type())) + " " + std::to_string(o.id());
  }

  OsmInspection& out_;
  int last_type_ = 0;
  int64_t last_id_ = 0;
  std::unordered_set<int64_t> node_ids_;
  std::unordered_map<int64_t, int> membership_;  // how many way positions use a node
  std::unordered_map<int64_t, WayData> ways_;
  std::unordered_map<int64_t, StopData> stops_;
};

}  // namespace

OsmInspection inspect_osm(const std::string& path) {
  OsmInspection out;
  Inspector inspector(out);
  osmium::io::Reader reader(path);
  osmium::apply(reader, inspector);
  reader.close();
  inspector.check_stops();
  return out;
}

}  // namespace drivelog::synth::test
