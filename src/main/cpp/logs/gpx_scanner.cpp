// scan_gpx (gpx_scanner.hpp): XML's well-formedness rules as far as the scanner takes them, each
// check conservative: whatever is not plainly accepted is refused, and a refusal only ends the scan
// at the last safe point, so Aalto reads that construct and says what it always said.
#include "logs/gpx_scanner.hpp"

#include <array>
#include <cmath>
#include <cstring>

#include "logs/java_decimal.hpp"
#include "logs/java_timestamp.hpp"

namespace drivelog::logs {
namespace {

enum class Step { ok, more, refuse };

#define GPX_TRY(expression)                    \
  do {                                         \
    const Step step_ = (expression);           \
    if (step_ != Step::ok) return step_;       \
  } while (false)

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The ASCII name characters the scanner takes: bit 1 may start a name, bit 0 may continue one.
constexpr std::array<std::uint8_t, 256> kNameChars = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool more = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
    table[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>((start ? 2 : 0) | (more ? 1 : 0));
  }
  return table;
}();
bool is_name_start(char c) noexcept { return (kNameChars[static_cast<unsigned char>(c)] & 2) != 0; }
bool is_name_char(char c) noexcept { return (kNameChars[static_cast<unsigned char>(c)] & 1) != 0; }
// Printable ASCII without DEL: the common byte of text and values, taken without a call.
bool is_plain(char c) noexcept { return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F; }

// s == word with the word's length known here, so that the compare is inlined (a memcmp call per
// name was a tenth of the scan).
template <std::size_t N>
bool is(std::string_view s, const char (&word)[N]) noexcept {
  return s.size() == N - 1 && std::memcmp(s.data(), word, N - 1) == 0;
}

// A character Aalto accepts in XML 1.0 text; C1 controls and DEL are refused too, to stay clear of
// any parser's opinion on them.
bool is_taken_char(std::uint32_t c) noexcept {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Over one character of text at p ('<' and '&' are the caller's): valid UTF-8 (no overlong form, no
// surrogate) of a character is_taken_char accepts; Japanese names and the like are fine.
Step one_char(const char*& p, const char* end) noexcept {
  const auto c = static_cast<unsigned char>(*p);
  if (c < 0x80) {
    if (!is_taken_char(c)) return Step::refuse;
    ++p;
    return Step::ok;
  }
  int n = 0;
  std::uint32_t value = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    value = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    value = c & 0x0Fu;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    value = c & 0x07u;
  } else {
    return Step::refuse;
  }
  for (int i = 1; i < n; ++i) {
    if (p + i == end) return Step::more;
    const auto next = static_cast<unsigned char>(p[i]);
    if ((next & 0xC0u) != 0x80u) return Step::refuse;
    value = (value << 6) | (next & 0x3Fu);
  }
  if ((n == 3 && value < 0x800) || (n == 4 && value < 0x10000) || !is_taken_char(value)) return Step::refuse;
  p += n;
  return Step::ok;
}

bool equals(const char* begin, const char* end, std::string_view word) noexcept {
  return static_cast<std::size_t>(end - begin) == word.size() && std::memcmp(begin, word.data(), word.size()) == 0;
}

// After the '&' at p: one of XML's five entities or a reference to a character is_taken_char takes.
Step reference(const char*& p, const char* end) noexcept {
  constexpr int kLongest = 10;  // "&#x10FFFF;" and "&#1114111;" fit
  const char* q = p + 1;
  const char* semicolon = q;
  while (semicolon < end && *semicolon != ';' && semicolon - q < kLongest) ++semicolon;
  if (semicolon == end) return Step::more;
  if (*semicolon != ';') return Step::refuse;
  if (equals(q, semicolon, "amp") || equals(q, semicolon, "lt") || equals(q, semicolon, "gt") ||
      equals(q, semicolon, "quot") || equals(q, semicolon, "apos")) {
    p = semicolon + 1;
    return Step::ok;
  }
  if (semicolon - q < 2 || *q != '#') return Step::refuse;
  const bool hex = q[1] == 'x';
  const char* digit = q + (hex ? 2 : 1);
  if (digit == semicolon) return Step::refuse;
  std::uint32_t value = 0;
  for (; digit < semicolon; ++digit) {
    const char c = *digit;
    std::uint32_t d = 0;
    if (c >= '0' && c <= '9') {
      d = static_cast<std::uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      d = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (hex && c >= 'A' && c <= 'F') {
      d = static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return Step::refuse;
    }
    value = value * (hex ? 16 : 10) + d;
    if (value > 0x10FFFF) return Step::refuse;
  }
  if (!is_taken_char(value)) return Step::refuse;
  p = semicolon + 1;
  return Step::ok;
}

// A qualified name: ASCII name characters, at most one colon, with a name on both sides of it.
// Filled by name(); no initializers, so that a StartTag's attributes cost nothing until used.
struct Name {
  const char* begin;
  const char* colon;
  const char* end;
  std::string_view local() const noexcept {
    const char* from = colon != nullptr ? colon + 1 : begin;
    return {from, static_cast<std::size_t>(end - from)};
  }
  std::string_view prefix() const noexcept {
    return colon == nullptr ? std::string_view{} : std::string_view{begin, static_cast<std::size_t>(colon - begin)};
  }
  std::string_view qualified() const noexcept { return {begin, static_cast<std::size_t>(end - begin)}; }
};

Step name(const char*& p, const char* end, Name& out) noexcept {
  if (p == end) return Step::more;
  if (!is_name_start(*p)) return Step::refuse;
  out.begin = p;
  out.colon = nullptr;
  ++p;
  for (; p < end; ++p) {
    if (is_name_char(*p)) continue;
    if (*p != ':') break;
    if (out.colon != nullptr) return Step::refuse;
    out.colon = p;
    if (p + 1 == end) return Step::more;
    if (!is_name_start(p[1])) return Step::refuse;
  }
  if (p == end) return Step::more;
  out.end = p;
  return Step::ok;
}

// Prefixes beginning with "xml" in any case are reserved; the scanner leaves them all to Aalto.
bool is_reserved(std::string_view prefix) noexcept {
  return prefix.size() >= 3 && (prefix[0] | 0x20) == 'x' && (prefix[1] | 0x20) == 'm' && (prefix[2] | 0x20) == 'l';
}

struct Attribute {
  Name name;
  const char* value;
  const char* value_end;
  bool reference;  // the value holds an '&' (checked, not decoded)
};

constexpr int kMaxAttributes = 16;

struct StartTag {
  const char* begin;
  const char* end;
  Name name;
  bool empty;  // <name/>
  bool declares;  // an attribute is xmlns or xmlns:*
  int count;
  Attribute attributes[kMaxAttributes];
};

void skip_spaces(const char*& p, const char* end) noexcept {
  while (p < end && is_space(*p)) ++p;
}

// A start tag from its '<' at p: names, '=', quoted values of checked characters and references,
// white space between the attributes, '>' or '/>'.
Step start_tag(const char*& p, const char* end, StartTag& tag) noexcept {
  tag.begin = p;
  tag.count = 0;
  tag.declares = false;
  ++p;
  GPX_TRY(name(p, end, tag.name));
  for (;;) {
    const char* before = p;
    skip_spaces(p, end);
    if (p == end) return Step::more;
    if (*p == '>') {
      ++p;
      tag.empty = false;
      break;
    }
    if (*p == '/') {
      if (p + 1 == end) return Step::more;
      if (p[1] != '>') return Step::refuse;
      p += 2;
      tag.empty = true;
      break;
    }
    if (p == before || tag.count == kMaxAttributes) return Step::refuse;
    Attribute& a = tag.attributes[tag.count++];
    GPX_TRY(name(p, end, a.name));
    skip_spaces(p, end);
    if (p == end) return Step::more;
    if (*p != '=') return Step::refuse;
    ++p;
    skip_spaces(p, end);
    if (p == end) return Step::more;
    const char quote = *p;
    if (quote != '"' && quote != '\'') return Step::refuse;
    a.value = ++p;
    a.reference = false;
    for (;;) {
      if (p == end) return Step::more;
      const char c = *p;
      if (c == quote) break;
      if (is_plain(c) && c != '<' && c != '&') {
        ++p;
        continue;
      }
      if (c == '<') return Step::refuse;
      if (c == '&') {
        a.reference = true;
        GPX_TRY(reference(p, end));
      } else {
        GPX_TRY(one_char(p, end));
      }
    }
    a.value_end = p++;
    const std::string_view qualified = a.name.qualified();
    tag.declares |= is(qualified, "xmlns") || (a.name.colon != nullptr && is(a.name.prefix(), "xmlns"));
  }
  tag.end = p;
  return Step::ok;
}

// The end tag from its "</" at p, which must close the innermost open element.
Step end_tag(const char*& p, const char* end, const GpxScanState& state, Name& out) noexcept {
  p += 2;
  GPX_TRY(name(p, end, out));
  skip_spaces(p, end);
  if (p == end) return Step::more;
  if (*p != '>') return Step::refuse;
  ++p;
  if (state.depth == 0) return Step::refuse;
  const int top = state.depth - 1;
  const char* open = state.tags + (top == 0 ? 0 : state.tag_end[top - 1]) + 1;
  const auto length = static_cast<std::size_t>(state.name_length[top]);
  const std::string_view closing = out.qualified();
  return closing.size() == length && std::memcmp(open, closing.data(), length) == 0 ? Step::ok : Step::refuse;
}

// The end tag at p ("</") when it is exactly the innermost element's name and '>' (the common case,
// without parsing a name); else end_tag decides.
Step close_tag(const char*& p, const char* end, const GpxScanState& state) noexcept {
  if (state.depth > 0) {
    const int top = state.depth - 1;
    const char* open = state.tags + (top == 0 ? 0 : state.tag_end[top - 1]) + 1;
    const auto length = static_cast<std::size_t>(state.name_length[top]);
    if (static_cast<std::size_t>(end - p) > length + 2 && std::memcmp(p + 2, open, length) == 0 && p[2 + length] == '>') {
      p += length + 3;
      return Step::ok;
    }
  }
  Name closing;
  return end_tag(p, end, state, closing);
}

// A comment from its "<!--" at p: checked characters, no "--" before its end.
Step comment(const char*& p, const char* end) noexcept {
  if (end - p < 4) return Step::more;
  if (std::memcmp(p, "<!--", 4) != 0) return Step::refuse;  // CDATA, DOCTYPE: Aalto's
  p += 4;
  for (;;) {
    if (p == end) return Step::more;
    if (*p == '-') {
      if (p + 1 == end) return Step::more;
      if (p[1] == '-') {
        if (p + 2 == end) return Step::more;
        if (p[2] != '>') return Step::refuse;
        p += 3;
        return Step::ok;
      }
      ++p;
    } else {
      GPX_TRY(one_char(p, end));
    }
  }
}

// Character data up to the next '<': checked characters and references, no "]]>".
Step text_run(const char*& p, const char* end) noexcept {
  while (p < end) {
    const char c = *p;
    if (c == '<') return Step::ok;
    if (c == '&') {
      GPX_TRY(reference(p, end));
    } else if (c == ']') {
      if (end - p < 3) return Step::more;
      if (p[1] == ']' && p[2] == '>') return Step::refuse;
      ++p;
    } else if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F) {
      ++p;  // the common ASCII byte, without a call
    } else {
      GPX_TRY(one_char(p, end));
    }
  }
  return Step::more;
}

std::int32_t find_prefix(const GpxScanState& state, std::string_view prefix) noexcept {
  for (std::int32_t i = state.prefix_count - 1; i >= 0; --i) {
    if (static_cast<std::size_t>(state.prefix_length[i]) == prefix.size() &&
        std::memcmp(state.tags + state.prefix_at[i], prefix.data(), prefix.size()) == 0) {
      return i;
    }
  }
  return -1;
}

constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view kXmlnsNamespace = "http://www.w3.org/2000/xmlns/";

// Opens the element of `tag`: its start tag is kept for the replay (line ends as spaces) and the
// prefixes it declares are registered; refused where Aalto's namespace rules might object (an
// undeclared or reserved prefix, an empty or reserved binding, an attribute's name given twice, or
// two attributes of one local name, which could be one name in two spellings).
//
// Inside a trkpt, where the scan never stops, only '<' and the name are kept (the end tag's check
// needs no more) unless the tag declares prefixes, whose bytes the table points into.
Step open_element(const StartTag& tag, GpxScanState& state, bool for_replay = true) noexcept {
  const auto length = static_cast<std::int32_t>(
      for_replay || tag.declares ? tag.end - tag.begin : tag.name.end - tag.begin);
  if (state.depth == kGpxMaxDepth || kGpxMaxTagBytes - state.replay_bytes < length) return Step::refuse;
  char* copy = state.tags + state.replay_bytes;
  for (std::int32_t i = 0; i < length; ++i) {
    const char c = tag.begin[i];
    copy[i] = c == '\n' || c == '\r' ? ' ' : c;
  }
  if (tag.count == 0 && tag.name.colon == nullptr) {  // <time>, <speed>: nothing to check
    state.tag_end[state.depth] = state.replay_bytes + length;
    state.name_length[state.depth] = static_cast<std::int32_t>(tag.name.end - tag.name.begin);
    ++state.depth;
    state.replay_bytes += length;
    return Step::ok;
  }
  const std::int32_t at = state.replay_bytes;
  const std::int32_t depth = state.depth + 1;
  for (int i = 0; i < tag.count; ++i) {
    const Attribute& a = tag.attributes[i];
    const std::string_view value{a.value, static_cast<std::size_t>(a.value_end - a.value)};
    const bool declaration = is(a.name.prefix(), "xmlns") || (a.name.colon == nullptr && is(a.name.local(), "xmlns"));
    if (declaration && (a.reference || value == kXmlNamespace || value == kXmlnsNamespace)) return Step::refuse;
    for (int j = 0; j < i; ++j) {
      const Name& other = tag.attributes[j].name;
      if (other.qualified() == a.name.qualified() || (!declaration && other.local() == a.name.local())) {
        return Step::refuse;
      }
    }
    if (!is(a.name.prefix(), "xmlns")) continue;
    if (is_reserved(a.name.local()) || value.empty() || state.prefix_count == kGpxMaxPrefixes) return Step::refuse;
    const std::int32_t n = state.prefix_count++;
    state.prefix_depth[n] = depth;
    state.prefix_at[n] = at + static_cast<std::int32_t>(a.name.colon + 1 - tag.begin);
    state.prefix_length[n] = static_cast<std::int32_t>(a.name.end - a.name.colon - 1);
  }
  const auto declared = [&state](std::string_view prefix) {
    return prefix.empty() || (!is_reserved(prefix) && find_prefix(state, prefix) >= 0);
  };
  if (!declared(tag.name.prefix())) return Step::refuse;
  for (int i = 0; i < tag.count; ++i) {
    const std::string_view prefix = tag.attributes[i].name.prefix();
    if (!is(prefix, "xmlns") && !declared(prefix)) return Step::refuse;
  }
  state.tag_end[state.depth] = at + length;
  state.name_length[state.depth] = static_cast<std::int32_t>(tag.name.end - tag.name.begin);
  state.depth = depth;
  state.replay_bytes = at + length;
  return Step::ok;
}

void close_element(GpxScanState& state) noexcept {
  --state.depth;
  state.replay_bytes = state.depth == 0 ? 0 : state.tag_end[state.depth - 1];
  while (state.prefix_count > 0 && state.prefix_depth[state.prefix_count - 1] > state.depth) --state.prefix_count;
}

// What a scan puts back when a unit is not taken: the stack above these counts is dead bytes.
struct Mark {
  std::int32_t depth;
  std::int32_t replay_bytes;
  std::int32_t prefix_count;
};

Mark mark(const GpxScanState& state) noexcept { return {state.depth, state.replay_bytes, state.prefix_count}; }

void restore(GpxScanState& state, const Mark& m) noexcept {
  state.depth = m.depth;
  state.replay_bytes = m.replay_bytes;
  state.prefix_count = m.prefix_count;
}

std::int64_t line_breaks(const char* from, const char* to) noexcept {
  const auto length = static_cast<std::size_t>(to - from);
  std::int64_t n = 0;
  for (std::size_t i = 0; i < length; ++i) n += from[i] == '\n' ? 1 : 0;  // vectorised
  if (std::memchr(from, '\r', length) == nullptr) return n;
  for (const char* p = from; p < to; ++p) {
    // A lone CR ends a line too; a unit never ends between CR and LF (it ends at '>' or before '<').
    if (*p == '\r' && (p + 1 == to || p[1] != '\n')) ++n;
  }
  return n;
}

// The XML declaration from its "<?xml" at p: version 1.0, then optionally encoding UTF-8 (any case)
// and standalone, as Aalto reads them; any other encoding is Aalto's to decode.
Step declaration(const char*& p, const char* end) noexcept {
  const auto word = [&p, end](std::string_view w) {
    if (static_cast<std::size_t>(end - p) < w.size()) return Step::more;
    if (std::memcmp(p, w.data(), w.size()) != 0) return Step::refuse;
    p += w.size();
    return Step::ok;
  };
  const auto pseudo_attribute = [&](std::string_view key, const char*& value, const char*& value_end) {
    GPX_TRY(word(key));
    skip_spaces(p, end);
    GPX_TRY(word("="));
    skip_spaces(p, end);
    if (p == end) return Step::more;
    const char quote = *p;
    if (quote != '"' && quote != '\'') return Step::refuse;
    value = ++p;
    while (p < end && *p != quote && p - value < 32) ++p;
    if (p == end) return Step::more;
    if (*p != quote) return Step::refuse;
    value_end = p++;
    return Step::ok;
  };
  p += 5;
  if (p == end) return Step::more;
  if (!is_space(*p)) return Step::refuse;
  skip_spaces(p, end);
  const char* value = nullptr;
  const char* value_end = nullptr;
  GPX_TRY(pseudo_attribute("version", value, value_end));
  if (!equals(value, value_end, "1.0")) return Step::refuse;
  bool encoding_seen = false;
  bool standalone_seen = false;
  for (;;) {
    const char* before = p;
    skip_spaces(p, end);
    if (p == end) return Step::more;
    if (*p == '?') return word("?>");
    if (p == before) return Step::refuse;
    if (!encoding_seen && !standalone_seen && *p == 'e') {
      GPX_TRY(pseudo_attribute("encoding", value, value_end));
      if (value_end - value != 5) return Step::refuse;
      const char u[5] = {static_cast<char>(value[0] | 0x20), static_cast<char>(value[1] | 0x20),
                         static_cast<char>(value[2] | 0x20), value[3], value[4]};
      if (std::memcmp(u, "utf-8", 5) != 0) return Step::refuse;
      encoding_seen = true;
    } else if (!standalone_seen && *p == 's') {
      GPX_TRY(pseudo_attribute("standalone", value, value_end));
      if (!equals(value, value_end, "yes") && !equals(value, value_end, "no")) return Step::refuse;
      standalone_seen = true;
    } else {
      return Step::refuse;
    }
  }
}

// From the input's start to the root element's start tag included: a UTF-8 byte order mark, the
// declaration, white space and comments; the root must be <gpx> (any prefix) and not empty.
Step prolog(const char*& p, const char* end, GpxScanState& state) noexcept {
  if (end - p < 6) return Step::more;
  if (static_cast<unsigned char>(p[0]) == 0xEF) {
    if (static_cast<unsigned char>(p[1]) != 0xBB || static_cast<unsigned char>(p[2]) != 0xBF) return Step::refuse;
    p += 3;
  }
  if (end - p < 6) return Step::more;
  if (std::memcmp(p, "<?xml", 5) == 0) GPX_TRY(declaration(p, end));
  for (;;) {
    skip_spaces(p, end);
    if (end - p < 2) return Step::more;
    if (*p != '<') return Step::refuse;
    if (p[1] == '!') {
      GPX_TRY(comment(p, end));
      continue;
    }
    if (p[1] == '?') return Step::refuse;  // processing instructions are Aalto's
    StartTag tag;
    GPX_TRY(start_tag(p, end, tag));
    if (!is(tag.name.local(), "gpx") || tag.empty) return Step::refuse;
    return open_element(tag, state);
  }
}

// The values of one trkpt as GpxLogParser and PointRecord keep them.
struct Point {
  double lat = NAN;
  double lon = NAN;
  const char* time = nullptr;  // the last <time>'s text, in the scanned text
  const char* time_end = nullptr;
  double speed = NAN;
  double heading = NAN;
  double hdop = NAN;
};

enum class Field : std::uint8_t { none, time, speed, course, hdop };

Field field_of(std::string_view local) noexcept {
  if (is(local, "time")) return Field::time;
  if (is(local, "speed")) return Field::speed;
  if (is(local, "course")) return Field::course;
  if (is(local, "hdop")) return Field::hdop;
  return Field::none;
}

void strip(const char*& begin, const char*& end) noexcept {
  while (begin < end && is_space(*begin)) ++begin;
  while (end > begin && is_space(end[-1])) --end;
}

// PointRecord.number for lat and lon: the value must come from DecimalParser's own path.
bool coordinate(const Attribute& a, double& out) noexcept {
  if (a.reference) return false;
  const char* b = a.value;
  const char* e = a.value_end;
  strip(b, e);
  return parse_java_decimal(b, e, out);
}

// PointRecord.optionalNumber: blank is NaN (it unsets an earlier value), else DecimalParser's path.
bool optional_number(const char* b, const char* e, double& out) noexcept {
  strip(b, e);
  if (b == e) {
    out = NAN;
    return true;
  }
  return parse_java_decimal(b, e, out);
}

// A time, speed, course or hdop element after its start tag: getElementText over plain ASCII text
// (no reference, comment or child element, which the scanner leaves to Aalto), then its end tag.
Step field_text(const char*& p, const char* end, const GpxScanState& state, const char*& text,
                const char*& text_end) noexcept {
  text = p;
  for (; p < end && *p != '<'; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == '&' || c == ']' || c >= 0x7F || (c < 0x20 && !is_space(*p))) return Step::refuse;
  }
  text_end = p;
  if (end - p < 2) return Step::more;
  if (p[1] != '/') return Step::refuse;
  return close_tag(p, end, state);
}

Step set_field(Point& point, Field field, const char* b, const char* e) noexcept {
  switch (field) {
    case Field::time:
      point.time = b;
      point.time_end = e;
      return Step::ok;
    case Field::speed:
      return optional_number(b, e, point.speed) ? Step::ok : Step::refuse;
    case Field::course:
      return optional_number(b, e, point.heading) ? Step::ok : Step::refuse;
    case Field::hdop:
      return optional_number(b, e, point.hdop) ? Step::ok : Step::refuse;
    case Field::none:
      break;
  }
  return Step::ok;
}

// The common field element at p, `<time>text</time>` (or speed, course, hdop) without prefix,
// attributes, white space in its tags or anything but plain ASCII in its text: what the general path
// below would take, in one pass and without touching the element stack. False (p unchanged) for
// anything else, which the general path then reads; also where the stack is full, so that the
// general path refuses it whether the element came whole or cut by the end of the text.
template <std::size_t N>
bool plain_field(const char*& p, const char* end, const char (&word)[N], const char*& text,
                 const char*& text_end) noexcept {
  constexpr std::size_t n = N - 1;
  if (static_cast<std::size_t>(end - p) < 2 * n + 5 || std::memcmp(p + 1, word, n) != 0 || p[n + 1] != '>') {
    return false;
  }
  const char* q = p + n + 2;
  const char* const begin = q;
  for (; q < end && *q != '<'; ++q) {
    const auto c = static_cast<unsigned char>(*q);
    if (c == '&' || c == ']' || c >= 0x7F || (c < 0x20 && !is_space(*q))) return false;
  }
  if (static_cast<std::size_t>(end - q) < n + 3 || q[1] != '/' || std::memcmp(q + 2, word, n) != 0 ||
      q[n + 2] != '>') {
    return false;
  }
  text = begin;
  text_end = q;
  p = q + n + 3;
  return true;
}

bool plain_field(const char*& p, const char* end, const GpxScanState& state, Field& field, const char*& text,
                 const char*& text_end) noexcept {
  constexpr std::int32_t kLongestField = 7;  // "<course", what open_element would keep of it
  if (state.depth == kGpxMaxDepth || kGpxMaxTagBytes - state.replay_bytes < kLongestField) return false;
  switch (p[1]) {
    case 't':
      field = Field::time;
      return plain_field(p, end, "time", text, text_end);
    case 's':
      field = Field::speed;
      return plain_field(p, end, "speed", text, text_end);
    case 'c':
      field = Field::course;
      return plain_field(p, end, "course", text, text_end);
    case 'h':
      field = Field::hdop;
      return plain_field(p, end, "hdop", text, text_end);
    default:
      return false;
  }
}

// The inside of a trkpt whose start tag `tag` is open, to its end tag; `closing` is left at that
// end tag's '<'. Trip boundaries (trk, trkseg) and nested trkpts inside a point are Aalto's.
Step point_body(const char*& p, const char* end, GpxScanState& state, Point& point, const char*& closing) noexcept {
  const std::int32_t point_depth = state.depth;
  for (;;) {
    if (p == end) return Step::more;
    if (*p != '<') {
      GPX_TRY(text_run(p, end));
      continue;
    }
    if (end - p < 2) return Step::more;
    if (p[1] == '/') {
      const char* at = p;
      GPX_TRY(close_tag(p, end, state));
      close_element(state);
      if (state.depth < point_depth) {
        closing = at;
        return Step::ok;
      }
      continue;
    }
    if (p[1] == '!') {
      GPX_TRY(comment(p, end));
      continue;
    }
    if (p[1] == '?') return Step::refuse;
    Field plain = Field::none;
    const char* plain_text = nullptr;
    const char* plain_end = nullptr;
    if (plain_field(p, end, state, plain, plain_text, plain_end)) {
      GPX_TRY(set_field(point, plain, plain_text, plain_end));
      continue;
    }
    StartTag tag;
    GPX_TRY(start_tag(p, end, tag));
    const std::string_view local = tag.name.local();
    if (is(local, "trkpt") || is(local, "trk") || is(local, "trkseg")) return Step::refuse;
    GPX_TRY(open_element(tag, state, false));
    const Field field = field_of(local);
    if (tag.empty) {
      close_element(state);
      GPX_TRY(set_field(point, field, p, p));
    } else if (field != Field::none) {
      const char* text = nullptr;
      const char* text_end = nullptr;
      GPX_TRY(field_text(p, end, state, text, text_end));
      close_element(state);
      GPX_TRY(set_field(point, field, text, text_end));
    }
  }
}

// PointRecord.emit for a point GpxLogParser reads: a time that parses the Java way, then the row.
bool emit(const Point& point, const GpxLayout& layout, const GpxRows& rows, std::size_t row) noexcept {
  if (point.time == nullptr) return false;  // "no time"
  const char* b = point.time;
  const char* e = point.time_end;
  strip(b, e);
  double time = NAN;
  if (b == e || !parse_java_timestamp(b, e, layout.zone_is_utc, time) || time != time) return false;
  rows.time_s[row] = time;
  rows.lat[row] = point.lat;
  rows.lon[row] = point.lon;
  rows.speed_mps[row] = static_cast<float>(point.speed);
  rows.heading_deg[row] = static_cast<float>(point.heading);
  rows.accuracy_m[row] = point.hdop != point.hdop ? NAN : static_cast<float>(point.hdop * layout.hdop_uere_m);
  rows.entry[row] = GpxEntry::point;
  return true;
}

// A trkpt from its parsed start tag to its end tag, taken whole or not at all.
Step whole_point(const char*& p, const char* end, const StartTag& tag, GpxScanState& state, const GpxLayout& layout,
                 const GpxRows& rows, std::size_t row, const char*& closing) noexcept {
  if (tag.empty) return Step::refuse;  // no time
  Point point;
  for (int i = 0; i < tag.count; ++i) {
    const Attribute& a = tag.attributes[i];
    const std::string_view local = a.name.local();
    if (!is(local, "lat") && !is(local, "lon")) continue;
    if (a.name.colon != nullptr) return Step::refuse;
    if (!coordinate(a, is(local, "lat") ? point.lat : point.lon)) return Step::refuse;
  }
  if (point.lat != point.lat || point.lon != point.lon) return Step::refuse;  // "without lat attribute"
  GPX_TRY(open_element(tag, state, false));
  GPX_TRY(point_body(p, end, state, point, closing));
  return emit(point, layout, rows, row) ? Step::ok : Step::refuse;
}

}  // namespace

GpxScanResult scan_gpx(std::string_view text, const GpxLayout& layout, GpxScanState& state,
                       const GpxRows& rows) noexcept {
  GpxScanResult result;
  const char* const base = text.data();
  const char* const end = base + text.size();
  const char* p = base;
  if (state.phase == 2) {
    result.stop = GpxStop::hand_back;
    return result;
  }
  if (state.phase == 0) {
    const Mark before = mark(state);
    const Step step = prolog(p, end, state);
    if (step != Step::ok) {
      restore(state, before);
      if (step == Step::refuse) {
        state.phase = 2;
        result.stop = GpxStop::hand_back;
      }
      return result;
    }
    state.line_breaks += line_breaks(base, p);
    state.phase = 1;
  }
  for (;;) {
    const char* const unit = p;
    if (p == end) {
      result.stop = GpxStop::more;
      break;
    }
    const Mark before = mark(state);
    Step step = Step::ok;
    bool full = false;
    std::int64_t breaks = -1;  // the unit's line ends, when already counted
    if (*p != '<') {
      step = text_run(p, end);
    } else if (end - p < 2) {
      step = Step::more;
    } else if (p[1] == '/') {
      Name name;
      if (state.depth <= 1) {
        step = Step::refuse;  // the root's end and what follows: Aalto's
      } else if ((step = end_tag(p, end, state, name)) == Step::ok) {
        const std::string_view local = name.local();
        if (layout.split_segments && (is(local, "trkseg") || is(local, "trk"))) {
          if (result.entries == rows.capacity) {
            full = true;
          } else {
            rows.entry[result.entries++] = GpxEntry::boundary;
          }
        }
        if (!full) close_element(state);
      }
    } else if (p[1] == '!') {
      step = comment(p, end);
    } else if (p[1] == '?') {
      step = Step::refuse;
    } else {
      StartTag tag;
      step = start_tag(p, end, tag);
      if (step == Step::ok && is(tag.name.local(), "trkpt")) {
        if (result.entries == rows.capacity) {
          full = true;
        } else {
          const char* closing = nullptr;
          step = whole_point(p, end, tag, state, layout, rows, result.entries, closing);
          if (step == Step::ok) {
            const std::int64_t start_line = state.line_breaks + 1;
            const std::int64_t before_end_tag = line_breaks(unit, closing);
            rows.line[result.entries++] = start_line;
            result.last_point_end_line = start_line + before_end_tag;
            breaks = before_end_tag + line_breaks(closing, p);  // each byte counted once
          }
        }
      } else if (step == Step::ok) {
        step = open_element(tag, state);
        if (step == Step::ok && tag.empty) {
          // <trkseg/> is a start and an end to Aalto: a boundary too
          const std::string_view local = tag.name.local();
          if (layout.split_segments && (is(local, "trkseg") || is(local, "trk"))) {
            if (result.entries == rows.capacity) {
              full = true;
            } else {
              rows.entry[result.entries++] = GpxEntry::boundary;
            }
          }
          close_element(state);
        }
      }
    }
    if (full) {
      restore(state, before);
      p = unit;
      result.stop = GpxStop::full;
      break;
    }
    if (step != Step::ok) {
      restore(state, before);
      p = unit;
      if (step == Step::refuse) {
        state.phase = 2;
        result.stop = GpxStop::hand_back;
      } else {
        result.stop = GpxStop::more;
      }
      break;
    }
    state.line_breaks += breaks >= 0 ? breaks : line_breaks(unit, p);
  }
  result.bytes = static_cast<std::size_t>(p - base);
  return result;
}

}  // namespace drivelog::logs
