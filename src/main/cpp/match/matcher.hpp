// HMM map matching (Newson & Krumm 2009) with Viterbi decoding over a bounded window.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "map/map_view.hpp"
#include "match/along_path_bias_smoother.hpp"
#include "match/along_path_smoother.hpp"
#include "match/candidate_search.hpp"
#include "match/course_reversals.hpp"
#include "match/course_vector.hpp"
#include "match/error_continuity.hpp"
#include "match/error_share.hpp"
#include "match/fix_sigmas.hpp"
#include "match/local_metric.hpp"
#include "match/path_geometry.hpp"
#include "match/match_config.hpp"
#include "match/matched_path.hpp"
#include "match/over_limit_prior.hpp"
#include "match/position_reversals.hpp"
#include "match/route_search.hpp"
#include "match/speed_bound.hpp"
#include "match/usable_headings.hpp"
#include "match/state_distance.hpp"
#include "match/stop_run_prior.hpp"
#include "match/trace.hpp"

namespace drivelog::match {

// Matches traces to the map. Holds only reusable scratch memory: match() is a function of its
// inputs. Not thread safe; use one Matcher per thread (the MapView is shared).
class Matcher {
 public:
  Matcher(const map::MapView& map, const MatchConfig& config);

  // Fills `out` (cleared first; its capacity is reused) for `trace`, which must be cleaned
  // (strictly increasing times). Memory is O(points) for the result plus a fixed Viterbi window.
  void match(std::span<const TracePoint> trace, MatchResult& out);
  // Which roads flagged closed are closed while the next trips are driven (nullptr: every one);
  // the caller keeps it alive and current (docs/CONDITIONAL.md).
  void set_trip_closures(const TripClosures* closures) { routes_.set_trip_closures(closures); }

  // Columns kept in the Viterbi lattice before the oldest are decided and released.
  static constexpr std::size_t kWindowColumns = 1024;
  // Columns that stay undecided after such a release, so late evidence can still change them.
  static constexpr std::size_t kLagColumns = 128;

 private:
  // A hidden state: the fix on `edge`, travelling in one direction, `offset_m` travel metres in.
  struct State {
    uint32_t edge = 0;
    uint32_t entry_node = 0;    // where travel in this direction enters the edge
    uint32_t exit_node = 0;     // where it leaves
    uint16_t back = 0;          // best predecessor: index within the previous column (the one before if skips)
    uint16_t candidate = 0;     // which candidate of its fix (an edge near a fix twice gives two)
    bool forward = true;
    bool skips = false;         // its path drops the previous column's fix as a receiver spike (connect_column)
    float offset_m = 0;         // travel metres from entry_node
    float length_m = 0;
    float entry_penalty_m = 0;  // cost of entering this edge in this direction
    float wrong_way_penalty_m = 0;
    float prior_per_m = 0;      // prior per metre driven on this edge in this direction
    bool restricted_from = false;  // the edge starts a turn restriction (map flag kRestrictedFrom)
    ErrorSample error;          // the fix's error if it was here (judged with the previous state's)
    float heading_log = 0;      // what the fix's reported heading says of this direction
    double score = 0;           // best log-probability of a path ending here (normalised per column)
  };
  struct Column {
    uint32_t point = 0;  // trace index
    uint32_t first = 0;  // index of its first state in states_
    uint32_t count = 0;
    double shift = 0;    // subtracted from its scores: its best against the previous column's best (<= 0 but rounding)
    // Reached in a step where the headings (or, without usable headings, the positions) show the
    // car turning round: the beam is widened by that step's price of turning round, for its states
    // on their roads legally (connect_column_from()).
    float turn_round_log = 0;
  };
  // The last decided state of the current piece, where the next decided one connects.
  struct Decided {
    State state;
    uint32_t point = 0;
    uint32_t traversal = 0;
    double s_m = 0;
    bool valid = false;
  };

  // The states of fix `p`, each scored on its own (the first of a piece; connect_column() judges
  // the position again with the previous fix's error).
  void build_states(const TracePoint& p);
  // `great_circle_m`: the distance between the two fixes (fix_distance_m), known to the caller.
  // Scores the pending states from the last column or, where that costs more than dropping its fix
  // (MatchConfig::outlier_log), from the column before it; leaves the best in pending_shift_.
  bool connect_column(uint32_t point_index, double great_circle_m);
  // The best unnormalised score (-infinity if no state is reached) of the pending states extended
  // from column `from_column`, whose scores count `reach_offset` more: those at least `score_floor`
  // (`legal_floor` for a state on its road legally) or, where none is reached so, all of them.
  double connect_column_from(uint32_t point_index, std::size_t from_column, double great_circle_m, double score_floor,
                             double legal_floor, double reach_offset);
  double connect_column_from(uint32_t point_index, std::size_t from_column, double great_circle_m, double reach_offset);
  // Prefix sums for reported_between_m().
  void index_reported_distances(std::span<const TracePoint> trace);
  // The distance the trusted reported speeds give from fix `from` to fix `to`, or kNoReport.
  static constexpr double kNoReport = -1;
  [[nodiscard]] double reported_between_m(uint32_t from, uint32_t to) const;
  // Whether fix `i` stands where the last kept fix was (see the definition). Inlined into match(),
  // which asks for most fixes within a few metres of the last one used.
  [[nodiscard, gnu::always_inline]] bool standing_since(uint32_t last_kept, uint32_t stand_from, uint32_t i,
                                                       double gap_m) const;
  // Inlined into match(), which calls it once per kept fix.
  [[gnu::always_inline]] void push_column(uint32_t point, bool initial);
  // Scores the pending states as a piece's first fix, plus `offset`; returns the best.
  double score_as_first(double offset);
  // Inlined: asked for every fix (its distance from the last one used) and up to three more times
  // by the spike test; a call cost about as much as the flat metric itself.
  [[gnu::always_inline]] double fix_distance_m(const TracePoint& a, const TracePoint& b);
  // The offset between two fixes in fix_distance_m()'s frame (what StepPlaces starts from).
  // Inlined: a call per Viterbi step cost about as much as its body.
  [[gnu::always_inline]] FixStep fix_step(const TracePoint& a, const TracePoint& b);
  bool headings_agree_with_motion(std::span<const TracePoint> trace);
  [[nodiscard]] double backward_cost(double moved_m) const;
  [[nodiscard]] double sigma_of(const TracePoint& p) const;
  // Inlined into match(), its one caller (once per fix that is not collapsed).
  [[gnu::always_inline]] void find_candidates(const TracePoint& p);
  // The roads the car is likely on and those it can turn onto next, added to found_ where the
  // candidate search left them out for want of places.
  void add_roads_ahead();
  void collect_roads_ahead();
  [[nodiscard]] double inverse_beta(const TracePoint& a, const TracePoint& b) const;
  [[nodiscard]] double transition_score(double driven_m, double priors_m, double great_circle_m, double inverse_beta,
                                        double odometer_m) const;
  // The distance the moving car's trusted speeds say it drove from fix `from` to fix `to`, plus
  // what the states' placement along their roads allows; kNoOdometer where they cannot say.
  [[nodiscard]] double odometer_m(uint32_t from, uint32_t to) const;
  static constexpr double kNoOdometer = std::numeric_limits<double>::infinity();
  [[nodiscard]] double cost_limit_m(const TracePoint& a, const TracePoint& b, double great_circle_m) const;
  // The priors of the turns at the two ends of a route from `from` to `to` (first and last edge of
  // the route between, kNoEdge for none): turning round, turning where a restriction forbids it.
  // Inlined into the Viterbi step, which asks for every pair joined by a route (GCC kept it a call
  // there, 2.5 % of the town's instructions, though it is short in the common case).
  [[nodiscard, gnu::always_inline]] double node_turn_prior(const State& from, const State& to, uint32_t first_edge,
                                                           uint32_t last_edge, double uturn) const {
    // Turning round at a node costs what turning round mid-road does (else a fix past a corner would
    // be explained by driving into the cross road and back for free); a turn a restriction forbids
    // costs its penalty. An empty route (`first_edge` kNoEdge: the exit node is the entry node)
    // turns there from one edge straight into the other. The state's flag spares the route's first
    // turn a map lookup; the last turn's from edge is the route's. Without restrictions the terms
    // they add are 0 and skipped: adding 0.0 to a sum changes nothing, so the sums are the same.
    // `uturn` is this step's price of turning round (uturn_price_m()).
    const bool restricted = config_.restricted_turn_penalty_m > 0;
    if (first_edge == RouteSearch::kNoEdge) {
      const double turns = from.edge == to.edge ? uturn : 0.0;
      return from.restricted_from && restricted ? turns + routes_.turn_penalty(from.edge, from.exit_node, to.edge) : turns;
    }
    double turns = (first_edge == from.edge ? uturn : 0.0) + (last_edge == to.edge ? uturn : 0.0);
    if (restricted) {
      if (from.restricted_from) turns += routes_.turn_penalty(from.edge, from.exit_node, first_edge);
      turns += routes_.turn_penalty(last_edge, to.entry_node, to.edge);
    }
    return turns;
  }
  // The price, in metres, of turning round between fixes `from` and `to`, mid-road or at a node.
  [[nodiscard]] double uturn_price_m(uint32_t from, uint32_t to) const;
  // The lowest speed the car can have had between two fixes, if it is worth checking turns at (else 0).
  // Inline, left to GCC: forced into the Viterbi step it cost the town 3 instructions per fix more
  // once the pair's distance was computed only where scored.
  [[nodiscard]] double turn_check_speed_mps(const TracePoint& a, const TracePoint& b) const;
  // The prior, in metres, against turning from one direction into another at `speed_mps`.
  [[nodiscard]] double turn_speed_prior_m(Direction out, Direction in, double speed_mps) const;
  // The turn-speed priors at both ends of the transition from previous state `i` (of the column
  // starting at `first_state`) to pending state `j` through route `cell`.
  double turn_speed_prior_at_ends_m(uint32_t first_state, uint32_t i, std::size_t j, std::size_t cell, double speed_mps);
  static constexpr Direction kUnknownDirection{9, 9};
  // The hardest braking (and accelerating) assumed between two fixes when asking how slow the car
  // can have been between them (turn and stop checks).
  static constexpr double kBrakeForChecksMps2 = 5;
  // The direction of travel at an end of an edge (over kTurnSpanM).
  [[nodiscard]] Direction direction_at(uint32_t edge, bool forward, bool at_start) const;
  // How far along an edge from a junction its direction is measured.
  static constexpr double kTurnSpanM = 10;
  bool speeds_agree_with_motion(std::span<const TracePoint> trace);
  // Whether fix `i` is a gross error: further off the line from the fix `before` it to one of the
  // next two than the car can have gone out and back in the time. `known_leg_m`: fix_distance_m()
  // from `before` to `i` where the caller has it already, else NaN. Inlined into match(), its one
  // caller: asked for nearly every fix, and most return at the first leg's test (the call, with
  // its registers saved and restored, cost about 20 instructions a fix on the grid city).
  // Whether the last column's fix lies further from the fix before it (the column before; none
  // for a piece's first) or from fix `next` than the car can have driven between them, beyond the
  // noise: a fix the path may drop (connect_column()).
  [[nodiscard]] bool beyond_reach(uint32_t next);
  // Whether fix `b` lies further from fix `a` than the car can have driven between them, beyond
  // the noise; without trusted speeds at `progress_mps`.
  [[nodiscard]] bool out_of_reach(const TracePoint& a, const TracePoint& b, double progress_mps);
  // How fast the fixes from `from` to `to` show the car went (at least kSlowestProgressMps); with
  // trusted speeds (which out_of_reach() reads instead) max_speed_kmh.
  [[nodiscard]] double progress_mps(uint32_t from, uint32_t to);
  static constexpr double kSlowestProgressMps = 5;
  // Whether the log shows the car turning round between fixes `from` and `to`: its usable headings
  // (CourseReversals) or, where its headings say nothing, its fixes' own course (PositionReversals).
  [[nodiscard]] bool turn_round_seen(uint32_t from, uint32_t to) const {
    return course_reversals_.reversed(from, to) || position_reversals_.reversed(from, to);
  }
  // Drops the last column where its fix is a stray one (out of reach of the fix before, and
  // costlier than outlier_log): the piece ends at the fix before (finish_piece()).
  void drop_stray_last_fix();
  [[nodiscard, gnu::always_inline]] bool is_spike(std::span<const TracePoint> trace, uint32_t before, uint32_t i,
                                                 double known_leg_m);
  void decide(std::size_t columns, bool finish);
  // Inlined into decide(), its one caller (once per decided fix).
  [[gnu::always_inline]] void emit(uint32_t point, const State& state);
  // Fills reported_m_ with the distance the reported speeds give from fix `from` to each fix up to `to`.
  bool reported_distances(uint32_t from, uint32_t to);
  // Inlined into emit(), its one caller: at 1 Hz most decided fixes stay on the edge of the one
  // before and return at its first test.
  [[gnu::always_inline]] bool join(const State& from, uint32_t from_point, const State& to, uint32_t to_point);
  void start_piece(const State& state);
  // Decides the open lattice and places the collapsed fixes after it, up to trace index `end`.
  void finish_piece(uint32_t end);
  // Re-estimates every matched fix's distance along its piece of the path (AlongPathSmoother).
  void smooth_positions();
  // Replaces each kept fix's along-path observation (its projection onto its own edge) by its
  // nearest point on the piece's path (polyline_, in `frame`) within kProjectionWindowSigmas of it.
  void project_onto_path(const map::geo::LocalProjection& frame, double lo, double hi);
  static constexpr double kProjectionWindowSigmas = 2;
  // Then again with the receiver's wandering error as part of the state (AlongPathBiasSmoother),
  // for the piece spanning path distances [lo, hi] (its polyline in polyline_, in `frame`); rewrites smoothed_s_.
  void smooth_with_wandering_error(const map::geo::LocalProjection& frame, double lo, double hi);

  const map::MapView* map_;
  MatchConfig config_;
  CandidateSearch candidates_;
  RouteSearch routes_;
  LocalMetric metric_;

  // Per-call context (set by match(), cleared on return).
  std::span<const TracePoint> trace_;
  MatchResult* out_ = nullptr;

  std::vector<Candidate> found_;
  std::vector<uint32_t> roads_ahead_;  // candidates beyond max_candidates (add_roads_ahead)
  // The lattice's states, column after column, in states_[0, states_end_); the states of the fix
  // being added (build_states()) follow the last column from pending_first_ on, so that adding it
  // copies nothing. Entries from states_end_ on are storage kept between fixes and trips (stale
  // values): build_states() writes every member of a state there instead of constructing it.
  std::vector<State> states_;
  std::size_t states_end_ = 0;
  uint32_t pending_first_ = 0;
  std::span<State> pending() { return {states_.data() + pending_first_, states_end_ - pending_first_}; }
  std::vector<Column> columns_;
  std::vector<uint16_t> chosen_;
  std::vector<uint8_t> dropped_;       // decide(): columns whose fix the chosen path drops
  std::vector<double> direct_scores_;  // connect_column(): the pending states' scores from the last column
  std::vector<uint16_t> direct_backs_;
  double pending_shift_ = 0;           // connect_column()'s best, for push_column()
  Decided decided_;
  bool headings_trusted_ = true;
  bool speeds_trusted_ = false;
  bool speeds_contradicted_ = false;
  double independent_share_ = 0;  // the share of the receiver's error new from fix to fix (ErrorShare)
  double margin_sigmas_ = 4;      // candidates kept within the nearest + this x sigma, for this trip
  ErrorShare error_share_;
  FixSigmas sigmas_;  // each fix's sigma, the reported accuracy steadied (sigma_of())
  RhoMemo rho_memo_;  // the error's correlation for the time between two fixes
  CourseReversals course_reversals_;  // where the headings show the car turning round (uturn_price_m)
  PositionReversals position_reversals_;  // where, without trusted headings, the positions show it (uturn_price_m)
  CourseVector course_;  // the reported course as a vector (build_states)

  // Transition scratch: distinct exit nodes of the previous column and entry nodes of the next.
  std::vector<uint32_t> sources_;
  std::vector<float> source_budget_;
  std::vector<uint32_t> targets_;
  std::vector<double> target_cost_;  // cheapest new state behind each target node
  std::vector<double> target_lat_, target_lon_;
  std::vector<uint32_t> reachable_targets_;
  std::vector<std::size_t> reachable_index_;
  std::vector<double> reachable_costs_;
  std::vector<double> source_target_m_;
  std::vector<uint32_t> source_target_first_edge_, source_target_last_edge_;  // of each route in the matrix
  std::vector<double> source_target_penalty_m_;  // the entry penalties within each route's cost
  std::vector<double> pair_position_;  // the position term from each previous state to the pending one
  // A previous state in the running this step, with what every pair it is part of needs of it.
  struct Predecessor {
    uint32_t index = 0;            // within the previous column
    int32_t source = -1;           // its exit node in sources_ (-1: it cannot leave its edge within the limit)
    double remaining_m = 0;        // metres to the end of its edge
    double remaining_prior_m = 0;  // remaining_m x its prior per metre
    double exit_stop_m = 0;        // the stop prior at its exit (0: none or not checked)
    Place place;                   // its place on its road, from the step's StepPlaces
  };
  std::vector<Predecessor> predecessors_;
  std::vector<int32_t> state_target_;
  std::vector<map::AdjacentEdge> path_;
  std::vector<double> reported_m_;  // see reported_distances()
  std::vector<Direction> exit_direction_, entry_direction_;  // of the previous / pending states (turn checks)
  std::vector<Direction> first_direction_, last_direction_;  // of each route's first / last edge (turn checks)
  SpeedBound speed_bound_;                 // in a log without speeds: the over-limit prior, usable headings
  std::vector<uint8_t> heading_usable_;    // per fix: a heading reported while the car moved (usable_headings.hpp)
  OverLimitPrior::LocalDay local_day_;  // of the fixes being matched (over-limit prior)
  OverLimitPrior::LimitCache limits_;   // the map's limits (kept across trips: the map does not change)
  double turn_cos_lat_ = 1;  // the trip's latitude's cosine, for directions near junctions
  std::vector<double> reported_prefix_m_;   // see index_reported_distances()
  std::vector<uint32_t> unreported_steps_;
  AlongPathSmoother smoother_;
  std::vector<AlongPathObservation> along_;
  std::vector<uint32_t> along_points_;
  std::vector<double> smoothed_s_;
  AlongPathBiasSmoother bias_smoother_;
  std::vector<BiasObservation> bias_observations_;
  std::vector<PathVertex> polyline_;
};

}  // namespace drivelog::match
