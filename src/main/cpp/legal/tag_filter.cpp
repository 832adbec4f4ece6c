#include "legal/tag_filter.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "legal/number_with_unit.hpp"

namespace drivelog::legal {

RegexOrSet::RegexOrSet(const std::string& pattern) {
  static constexpr std::string_view kRegexSyntax = ".[]{}()<>*+-=!?^$";
  if (pattern.find_first_of(kRegexSyntax) == std::string::npos) {
    std::size_t begin = 0;
    while (true) {
      const std::size_t bar = pattern.find('|', begin);
      set_.emplace(pattern.substr(begin, bar == std::string::npos ? std::string::npos : bar - begin));
      if (bar == std::string::npos) break;
      begin = bar + 1;
    }
  } else {
    try {
      regex_ = std::make_unique<std::regex>(pattern, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error& e) {
      throw TagFilterError("invalid regular expression '" + pattern + "': " + e.what());
    }
  }
}

bool RegexOrSet::matches(std::string_view value) const {
  if (!regex_) return set_.find(value) != set_.end();
  return std::regex_match(value.begin(), value.end(), *regex_);
}

struct TagFilter::Node {
  enum class Kind { all_of, any_of, tag, placeholder, not_placeholder };
  enum class Op { has_key, not_has_key, equals, not_equals, like, not_like, key_like, not_key_like, tag_like, lt, le, gt, ge };

  Kind kind = Kind::tag;
  std::vector<std::unique_ptr<Node>> children;  // all_of, any_of
  Op op = Op::has_key;
  std::string key;    // tag ops; the placeholder's name
  std::string value;  // equals, not_equals
  std::unique_ptr<RegexOrSet> key_pattern;    // key_like, not_key_like, tag_like
  std::unique_ptr<RegexOrSet> value_pattern;  // like, not_like, tag_like
  float number = 0;   // lt, le, gt, ge

  [[nodiscard]] bool matches(const TagMap& tags, const std::function<bool(const std::string&)>& placeholder) const {
    switch (kind) {
      case Kind::all_of:
        return std::all_of(children.begin(), children.end(), [&](const auto& c) { return c->matches(tags, placeholder); });
      case Kind::any_of:
        return std::any_of(children.begin(), children.end(), [&](const auto& c) { return c->matches(tags, placeholder); });
      case Kind::placeholder: return placeholder(key);
      case Kind::not_placeholder: return !placeholder(key);
      case Kind::tag: return tag_matches(tags);
    }
    return false;
  }

  [[nodiscard]] bool tag_matches(const TagMap& tags) const {
    const auto it = tags.find(key);
    const bool present = it != tags.end();
    switch (op) {
      case Op::has_key: return present;
      case Op::not_has_key: return !present;
      case Op::equals: return present && it->second == value;
      case Op::not_equals: return !present || it->second != value;
      case Op::like: return present && value_pattern->matches(it->second);
      case Op::not_like: return !present || !value_pattern->matches(it->second);
      case Op::key_like:
        return std::any_of(tags.begin(), tags.end(), [&](const auto& t) { return key_pattern->matches(t.first); });
      case Op::not_key_like:
        return std::none_of(tags.begin(), tags.end(), [&](const auto& t) { return key_pattern->matches(t.first); });
      case Op::tag_like:
        return std::any_of(tags.begin(), tags.end(), [&](const auto& t) {
          return key_pattern->matches(t.first) && value_pattern->matches(t.second);
        });
      case Op::lt: case Op::le: case Op::gt: case Op::ge: {
        if (!present) return false;
        const auto parsed = number_with_optional_unit(it->second);
        if (!parsed) return false;
        // The library compares as 32-bit floats; so do we, for the same answer at the edges.
        const auto v = static_cast<float>(*parsed);
        if (op == Op::lt) return v < number;
        if (op == Op::le) return v <= number;
        if (op == Op::gt) return v > number;
        return v >= number;
      }
    }
    return false;
  }
};

namespace {

using Node = TagFilter::Node;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\x0B' || c == '\f' || c == '\r'; }

// Longest first, so that ">=" is not read as ">".
constexpr std::array<std::string_view, 8> kOperators = {">=", "<=", ">", "<", "!=", "=", "!~", "~"};

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  std::unique_ptr<Node> parse() {
    auto root = parse_or();
    skip_spaces();
    if (pos_ != s_.size()) fail("expected end of expression, 'and' or 'or'");
    return root;
  }

 private:
  std::unique_ptr<Node> parse_or() { return parse_joined("or", Node::Kind::any_of, [this] { return parse_and(); }); }
  std::unique_ptr<Node> parse_and() { return parse_joined("and", Node::Kind::all_of, [this] { return parse_primary(); }); }

  // `operand (keyword operand)*`: the one operand, or a node of `kind` over all of them.
  template <typename ParseOperand>
  std::unique_ptr<Node> parse_joined(std::string_view keyword, Node::Kind kind, ParseOperand parse_operand) {
    auto first = parse_operand();
    if (!next_keyword(keyword)) return first;
    auto joined = std::make_unique<Node>();
    joined->kind = kind;
    joined->children.push_back(std::move(first));
    while (next_keyword(keyword)) {
      pos_ += keyword.size();
      joined->children.push_back(parse_operand());
    }
    return joined;
  }

  // After a term: spaces, then `word` followed by a space or an opening bracket.
  bool next_keyword(std::string_view word) {
    skip_spaces();
    if (s_.substr(pos_, word.size()) != word) return false;
    const std::size_t after = pos_ + word.size();
    return after < s_.size() && (is_space(s_[after]) || s_[after] == '(');
  }

  std::unique_ptr<Node> parse_primary() {
    skip_spaces();
    if (pos_ >= s_.size()) fail("expected a tag, a placeholder or a bracket");
    if (s_[pos_] == '(') {
      ++pos_;
      auto inner = parse_or();
      skip_spaces();
      if (pos_ >= s_.size() || s_[pos_] != ')') fail("expected ')'");
      ++pos_;
      return inner;
    }
    if (s_.substr(pos_, 2) == "!{") {
      pos_ += 2;
      return placeholder(Node::Kind::not_placeholder);
    }
    if (s_[pos_] == '{') {
      ++pos_;
      return placeholder(Node::Kind::placeholder);
    }
    return tag();
  }

  std::unique_ptr<Node> placeholder(Node::Kind kind) {
    const std::size_t end = s_.find('}', pos_);
    if (end == std::string_view::npos) fail("missing '}' of a placeholder");
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->key = std::string(s_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return node;
  }

  std::unique_ptr<Node> tag() {
    auto node = std::make_unique<Node>();
    if (consume("!")) {
      const bool like = consume("~");
      skip_spaces();
      const std::string k = key();
      if (like) {
        node->op = Node::Op::not_key_like;
        node->key_pattern = std::make_unique<RegexOrSet>(k);
      } else {
        node->op = Node::Op::not_has_key;
      }
      node->key = k;
      return node;
    }
    if (consume("~")) {
      skip_spaces();
      node->key = key();
      node->key_pattern = std::make_unique<RegexOrSet>(node->key);
      const auto op = operator_with_spaces();
      if (!op) {
        node->op = Node::Op::key_like;
        return node;
      }
      if (*op != "~") fail("the key prefix operator '~' must be used together with the binary operator '~'");
      node->op = Node::Op::tag_like;
      node->value_pattern = std::make_unique<RegexOrSet>(quotable_word());
      return node;
    }
    node->key = key();
    const auto op = operator_with_spaces();
    if (!op) {
      node->op = Node::Op::has_key;
      return node;
    }
    if (*op == "=" || *op == "!=") {
      node->op = *op == "=" ? Node::Op::equals : Node::Op::not_equals;
      node->value = quotable_word();
    } else if (*op == "~" || *op == "!~") {
      node->op = *op == "~" ? Node::Op::like : Node::Op::not_like;
      node->value_pattern = std::make_unique<RegexOrSet>(quotable_word());
    } else {
      const auto number = number_with_optional_unit(word());
      if (!number) fail("expected a number (e.g. 3.5) or a number with a known unit (e.g. 3.5st)");
      node->number = static_cast<float>(*number);
      node->op = *op == "<" ? Node::Op::lt : *op == "<=" ? Node::Op::le : *op == ">" ? Node::Op::gt : Node::Op::ge;
    }
    return node;
  }

  std::string key() {
    const std::size_t word_length = word_length_here();
    for (std::string_view reserved : {"or", "and"}) {
      if (s_.substr(pos_, word_length) == reserved) fail("a key cannot be named like the reserved word '" + std::string(reserved) + "'");
    }
    std::size_t length = 0;
    if (const auto quoted = quoted_length()) {
      length = *quoted;
    } else {
      length = word_length;
      for (std::string_view op : kOperators) length = std::min(length, distance_to(op));
    }
    if (length == 0) fail("missing key");
    const std::string_view raw = s_.substr(pos_, length);
    pos_ += length;
    return unquote(raw);
  }

  std::optional<std::string_view> operator_with_spaces() {
    const std::size_t before = pos_;
    skip_spaces();
    for (std::string_view op : kOperators) {
      if (s_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        skip_spaces();
        return op;
      }
    }
    pos_ = before;
    return std::nullopt;
  }

  std::string quotable_word() {
    const std::size_t length = quoted_length().value_or(word_length_here());
    if (length == 0) fail("missing value");
    const std::string_view raw = s_.substr(pos_, length);
    pos_ += length;
    return unquote(raw);
  }

  std::string word() {
    const std::size_t length = word_length_here();
    if (length == 0) fail("missing value");
    const std::string_view raw = s_.substr(pos_, length);
    pos_ += length;
    return std::string(raw);
  }

  // Up to the next whitespace or ')'.
  std::size_t word_length_here() const {
    std::size_t i = pos_;
    while (i < s_.size() && !is_space(s_[i]) && s_[i] != ')') ++i;
    return i - pos_;
  }

  std::size_t distance_to(std::string_view what) const {
    const std::size_t at = s_.find(what, pos_);
    return at == std::string_view::npos ? s_.size() - pos_ : at - pos_;
  }

  // Length including both quotation marks, if the next character opens a quotation.
  std::optional<std::size_t> quoted_length() const {
    if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) return std::nullopt;
    const char quote = s_[pos_];
    std::size_t i = pos_ + 1;
    while (true) {
      i = s_.find(quote, i);
      if (i == std::string_view::npos) fail("quotation marks not closed");
      if (s_[i - 1] != '\\') return i + 1 - pos_;
      ++i;
    }
  }

  static std::string unquote(std::string_view raw) {
    if (!raw.empty() && (raw.front() == '"' || raw.front() == '\'')) raw = raw.substr(1, raw.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\\' && i + 1 < raw.size() && (raw[i + 1] == '"' || raw[i + 1] == '\'')) continue;
      out.push_back(raw[i]);
    }
    return out;
  }

  bool consume(std::string_view what) {
    if (s_.substr(pos_, what.size()) != what) return false;
    pos_ += what.size();
    return true;
  }

  void skip_spaces() {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw TagFilterError("at position " + std::to_string(pos_) + " of '" + std::string(s_) + "': " + what);
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

void collect_placeholders(const Node& n, std::vector<std::string>& out) {
  if (n.kind == Node::Kind::placeholder || n.kind == Node::Kind::not_placeholder) out.push_back(n.key);
  for (const auto& c : n.children) collect_placeholders(*c, out);
}

void collect_uses(const Node& n, KeyUses& uses) {
  for (const auto& c : n.children) collect_uses(*c, uses);
  if (n.kind != Node::Kind::tag) return;
  using Op = Node::Op;
  if (n.op == Op::key_like || n.op == Op::not_key_like || n.op == Op::tag_like) {
    uses.any_key = true;
    return;
  }
  KeyUse& use = uses.by_key[n.key];
  if (n.op == Op::equals || n.op == Op::not_equals) use.equal_values.push_back(n.value);
  if (n.op == Op::like || n.op == Op::not_like) use.patterns.push_back(n.value_pattern.get());
  if (n.op == Op::lt || n.op == Op::le || n.op == Op::gt || n.op == Op::ge) use.compared_as_number = true;
}

}  // namespace

TagFilter::TagFilter(std::string_view expression) : root_(Parser(expression).parse()) {}
TagFilter::~TagFilter() = default;
TagFilter::TagFilter(TagFilter&&) noexcept = default;
TagFilter& TagFilter::operator=(TagFilter&&) noexcept = default;

bool TagFilter::matches(const TagMap& tags, const std::function<bool(const std::string&)>& placeholder) const {
  return root_->matches(tags, placeholder);
}

std::vector<std::string> TagFilter::placeholders() const {
  std::vector<std::string> out;
  collect_placeholders(*root_, out);
  return out;
}

void TagFilter::collect_key_uses(KeyUses& uses) const { collect_uses(*root_, uses); }

}  // namespace drivelog::legal
