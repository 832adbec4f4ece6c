#include "json_check.hpp"

#include <cctype>

namespace drivelog::test {
namespace {

struct Checker {
  std::string_view s;
  std::size_t i = 0;
  std::string error;
  std::vector<std::string>* null_paths = nullptr;
  std::string path;  // of the value being read

  bool fail(const std::string& what) {
    if (error.empty()) error = "at " + std::to_string(i) + ": " + what;
    return false;
  }
  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  }
  bool literal(std::string_view word) {
    if (s.substr(i, word.size()) != word) return fail("expected " + std::string(word));
    i += word.size();
    return true;
  }
  bool string() {
    if (i >= s.size() || s[i] != '"') return fail("expected string");
    ++i;
    while (i < s.size() && s[i] != '"') {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20) return fail("control character in string");
      if (s[i] == '\\') {
        ++i;
        if (i >= s.size()) return fail("unterminated escape");
        if (s[i] == 'u') {
          for (int k = 1; k <= 4; ++k) {
            if (i + k >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + k]))) return fail("bad \\u escape");
          }
          i += 4;
        } else if (std::string_view("\"\\/bfnrt").find(s[i]) == std::string_view::npos) {
          return fail("bad escape");
        }
      }
      ++i;
    }
    if (i >= s.size()) return fail("unterminated string");
    ++i;
    return true;
  }
  bool number() {
    const std::size_t start = i;
    if (i < s.size() && s[i] == '-') ++i;
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return fail("bad number");
    if (s[i] == '0' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) return fail("leading zero");
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i < s.size() && s[i] == '.') {
      ++i;
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return fail("bad fraction");
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return fail("bad exponent");
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
    return i > start;
  }
  bool value(int depth) {
    if (depth > 64) return fail("too deep");
    ws();
    if (i >= s.size()) return fail("unexpected end");
    const char c = s[i];
    if (c == '{') {
      ++i;
      ws();
      if (i < s.size() && s[i] == '}') return ++i, true;
      while (true) {
        ws();
        const std::size_t name_start = i + 1;
        if (!string()) return false;
        const std::size_t outer = path.size();
        if (!path.empty()) path += '.';
        path.append(s.substr(name_start, i - 1 - name_start));
        ws();
        if (i >= s.size() || s[i] != ':') return fail("expected ':'");
        ++i;
        if (!value(depth + 1)) return false;
        path.resize(outer);
        ws();
        if (i < s.size() && s[i] == ',') {
          ++i;
          continue;
        }
        if (i < s.size() && s[i] == '}') return ++i, true;
        return fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      ++i;
      ws();
      if (i < s.size() && s[i] == ']') return ++i, true;
      const std::size_t outer = path.size();
      path += "[]";
      while (true) {
        if (!value(depth + 1)) return false;
        ws();
        if (i < s.size() && s[i] == ',') {
          ++i;
          continue;
        }
        path.resize(outer);
        if (i < s.size() && s[i] == ']') return ++i, true;
        return fail("expected ',' or ']'");
      }
    }
    if (c == '"') return string();
    if (c == 't') return literal("true");
    if (c == 'f') return literal("false");
    if (c == 'n') {
      if (null_paths != nullptr) null_paths->push_back(path);
      return literal("null");
    }
    return number();
  }
};

}  // namespace

std::string json_syntax_error(std::string_view text, std::vector<std::string>* null_paths) {
  Checker c;
  c.s = text;
  c.null_paths = null_paths;
  if (!c.value(0)) return c.error;
  c.ws();
  if (c.i != text.size()) return "trailing characters at " + std::to_string(c.i);
  return {};
}

}  // namespace drivelog::test
