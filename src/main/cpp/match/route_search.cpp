#include "match/route_search.hpp"

#include <algorithm>
#include <string>

namespace drivelog::match {
namespace {

constexpr uint32_t kInitialTableSize = 1024;

uint32_t hash_node(uint32_t node) { return node * 2654435761U; }  // Knuth multiplicative

bool later(const auto& a, const auto& b) { return a.cost > b.cost; }

}  // namespace

RouteSearch::RouteSearch(const map::MapView& map, RouteCosts costs)
    : map_(&map), costs_(costs), table_(kInitialTableSize), mask_(kInitialTableSize - 1) {
  queue_.reserve(256);
}

double RouteSearch::entry_penalty(uint32_t edge, bool forward) const {
  return penalty_of(edge, map_->edge(edge), forward);
}

double RouteSearch::edge_cost(uint32_t edge, bool forward) const {
  const map::EdgeRecord& e = map_->edge(edge);
  return static_cast<double>(e.length_m) * (1 + prior_per_m(edge, e, forward)) + penalty_of(edge, e, forward);
}

RouteSearch::Label* RouteSearch::find(uint32_t node) {
  for (uint32_t i = hash_node(node) & mask_;; i = (i + 1) & mask_) {
    Label& l = table_[i];
    if (l.generation != generation_) return nullptr;
    if (l.node == node) return &l;
  }
}

const RouteSearch::Label* RouteSearch::find(uint32_t node) const {
  for (uint32_t i = hash_node(node) & mask_;; i = (i + 1) & mask_) {
    const Label& l = table_[i];
    if (l.generation != generation_) return nullptr;
    if (l.node == node) return &l;
  }
}

void RouteSearch::grow() {
  std::vector<Label> old;
  old.swap(table_);
  table_.assign(old.size() * 2, Label{});
  mask_ = static_cast<uint32_t>(table_.size() - 1);
  for (const Label& l : old) {
    if (l.generation != generation_) continue;
    uint32_t i = hash_node(l.node) & mask_;
    while (table_[i].generation == generation_) i = (i + 1) & mask_;
    table_[i] = l;
  }
}

RouteSearch::Label& RouteSearch::find_or_insert(uint32_t node, bool& inserted) {
  // One probe sequence for both: the first slot of another generation ends it.
  if ((used_ + 1) * 2 > table_.size()) grow();
  for (uint32_t i = hash_node(node) & mask_;; i = (i + 1) & mask_) {
    Label& l = table_[i];
    if (l.generation != generation_) {
      ++used_;
      l = Label{};
      l.node = node;
      l.generation = generation_;
      inserted = true;
      return l;
    }
    if (l.node == node) {
      inserted = false;
      return l;
    }
  }
}

void RouteSearch::run(uint32_t source, double budget_m, std::span<const uint32_t> targets,
                      std::span<double> target_costs) {
  std::fill(target_costs.begin(), target_costs.end(), kUnreachable);
  ++generation_;
  if (generation_ == 0) {  // wrapped: old stamps could collide with new ones
    std::fill(table_.begin(), table_.end(), Label{});
    generation_ = 1;
  }
  used_ = 0;
  source_ = source;
  queue_.clear();
  bool source_inserted = false;
  find_or_insert(source, source_inserted);  // a fresh generation: always a new label
  queue_.push_back({0.0F, source});
  std::size_t targets_left = targets.size();
  const auto budget = static_cast<float>(budget_m);
  while (!queue_.empty()) {
    std::pop_heap(queue_.begin(), queue_.end(), later<QueueEntry, QueueEntry>);
    const QueueEntry top = queue_.back();
    queue_.pop_back();
    if (top.cost > budget) break;
    Label* label = find(top.node);
    if (label->settled || top.cost > label->cost) continue;
    label->settled = true;
    bool all_found = false;
    for (std::size_t t = 0; t < targets.size(); ++t) {
      if (targets[t] != top.node) continue;
      target_costs[t] = top.cost;
      all_found = --targets_left == 0;  // targets are distinct
    }
    if (all_found) break;
    // Copied out of the label: find_or_insert() below may grow (move) the table.
    const uint32_t label_first_edge = label->first_edge;
    const float label_penalty = label->penalty_m;
    // A turn out of this node is checked only if the edge it was reached by starts a restriction.
    uint32_t restricted_from = kNoEdge;
    if (label->via != kNoVia && costs_.restricted_turn_penalty_m > 0) {
      const uint32_t arrived_by = map::AdjacentEdge{label->via}.edge();
      if (map_->edge(arrived_by).has(map::edge_flags::kRestrictedFrom)) restricted_from = arrived_by;
    }
    for (const map::AdjacentEdge adj : map_->adjacent(top.node)) {
      const map::EdgeRecord& e = map_->edge(adj.edge());
      const uint32_t next = adj.reversed() ? e.from_node : e.to_node;
      double prior = penalty_of(adj.edge(), e, !adj.reversed()) + e.length_m * prior_per_m(adj.edge(), e, !adj.reversed());
      if (restricted_from != kNoEdge && map::forbidding_restriction(*map_, restricted_from, top.node, adj.edge()) != nullptr) {
        prior += costs_.restricted_turn_penalty_m;
      }
      const auto cost = static_cast<float>(top.cost + e.length_m + prior);
      if (cost > budget) continue;
      const uint32_t first_edge = top.node == source ? adj.edge() : label_first_edge;
      const auto penalty = static_cast<float>(label_penalty + prior);
      bool inserted = false;
      Label& n = find_or_insert(next, inserted);
      // find_or_insert() may have grown the table; `label` is not used after this point.
      if (!inserted && (n.settled || n.cost <= cost)) continue;
      n.cost = cost;
      n.via = adj.value;
      n.first_edge = first_edge;
      n.penalty_m = penalty;
      queue_.push_back({cost, next});
      std::push_heap(queue_.begin(), queue_.end(), later<QueueEntry, QueueEntry>);
    }
  }
}

double RouteSearch::distance_to(uint32_t node) const {
  const Label* l = find(node);
  return (l != nullptr && l->settled) ? static_cast<double>(l->cost) : kUnreachable;
}

uint32_t RouteSearch::first_edge_to(uint32_t node) const {
  const Label* l = find(node);
  return l != nullptr ? l->first_edge : kNoEdge;
}

double RouteSearch::penalty_to(uint32_t node) const {
  const Label* l = find(node);
  return l != nullptr ? static_cast<double>(l->penalty_m) : 0.0;
}

uint32_t RouteSearch::last_edge_to(uint32_t node) const {
  const Label* l = find(node);
  return (l != nullptr && l->via != kNoVia) ? map::AdjacentEdge{l->via}.edge() : kNoEdge;
}

RouteSearch::RouteEnds RouteSearch::ends_to(uint32_t node) const {
  const Label* l = find(node);
  if (l == nullptr) return RouteEnds{};
  return RouteEnds{l->first_edge, l->via != kNoVia ? map::AdjacentEdge{l->via}.edge() : kNoEdge,
                   static_cast<double>(l->penalty_m)};
}

void RouteSearch::path_to(uint32_t node, std::vector<map::AdjacentEdge>& out) const {
  out.clear();
  uint32_t current = node;
  while (current != source_) {
    const Label* l = find(current);
    if (l == nullptr || l->via == kNoVia) break;
    // A path visits a node at most once. More steps than labels: the predecessor taken from an
    // edge record is not the node the adjacency list led from (a damaged map), and the walk loops.
    const map::AdjacentEdge adj{l->via};
    if (out.size() >= used_) map_->damaged("an adjacency list disagrees with edge " + std::to_string(adj.edge()));
    out.push_back(adj);
    const map::EdgeRecord& e = map_->edge(adj.edge());
    current = adj.reversed() ? e.to_node : e.from_node;
  }
  std::reverse(out.begin(), out.end());
}

}  // namespace drivelog::match
