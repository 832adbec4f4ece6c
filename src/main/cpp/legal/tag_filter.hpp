// Tag filter expressions of the legal-default-speeds dataset, e.g.
// `{urban} and highway~primary|secondary and (!lanes or lanes<4)`: the syntax of the
// osm-legal-default-speeds library (BSD 3-Clause), which defines what the dataset's filters mean.
//   key / !key                 has / lacks the key
//   key = v / key != v         value is / is not v (a missing key counts as "is not")
//   key ~ re / key !~ re       value matches / does not match the regular expression (whole value)
//   ~re / !~re / ~re ~ re      some key matches / no key matches / some key and its value match
//   key < 3.5 (<=, >, >=)      value is a number (units allowed: 3.5t, 12 mph) compared to 3.5
//   {name} / !{name}           another road type's filter matches / does not (evaluated by the caller)
//   and, or, brackets          `and` binds tighter than `or`
// Values and keys may be quoted ("..." or '...'). A regex made only of words and `|` is a set.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace drivelog::legal {

using TagMap = std::map<std::string, std::string, std::less<>>;

class TagFilterError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A regular expression that is a plain set of alternatives when it has no other regex syntax
// (the library does the same, and it keeps std::regex off the common path).
class RegexOrSet {
 public:
  explicit RegexOrSet(const std::string& pattern);
  [[nodiscard]] bool matches(std::string_view value) const;

 private:
  std::set<std::string, std::less<>> set_;
  std::unique_ptr<std::regex> regex_;
};

// How filters read one key, for telling which of a way's tags can change a result.
struct KeyUse {
  bool compared_as_number = false;            // <, <=, >, >=: the exact value matters
  std::vector<std::string> equal_values;      // = and != against these
  std::vector<const RegexOrSet*> patterns;    // ~ and !~ against these (owned by the filter)
};

struct KeyUses {
  std::map<std::string, KeyUse, std::less<>> by_key;
  bool any_key = false;  // a key regex (~re) reads every key: no tag may be left out
};

class TagFilter {
 public:
  // Throws TagFilterError naming the position of the problem.
  explicit TagFilter(std::string_view expression);
  ~TagFilter();
  TagFilter(TagFilter&&) noexcept;
  TagFilter& operator=(TagFilter&&) noexcept;

  // `placeholder(name)` answers {name}; it is called only where the expression needs it.
  [[nodiscard]] bool matches(const TagMap& tags, const std::function<bool(const std::string&)>& placeholder) const;
  // Names used as {name} or !{name}.
  [[nodiscard]] std::vector<std::string> placeholders() const;
  // Every key the expression reads, with how (patterns stay valid while this filter lives).
  void collect_key_uses(KeyUses& uses) const;

  struct Node;

 private:
  std::unique_ptr<Node> root_;
};

}  // namespace drivelog::legal
