#include "json_check.hpp"

#include <cctype>
#include <cstring>

namespace drivelog::sim::test {
namespace {

struct Parser {
  std::string_view s;
  size_t i = 0;
  int depth = 0;

  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  }
  bool literal(const char* word) {
    const size_t n = std::strlen(word);
    if (s.substr(i, n) != word) return false;
    i += n;
    return true;
  }
  bool string() {
    if (i >= s.size() || s[i] != '"') return false;
    for (++i; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == '"') {
        ++i;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++i >= s.size()) return false;
        if (s[i] == 'u') {
          for (int k = 0; k < 4; ++k) {
            if (++i >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
          }
        } else if (std::strchr("\"\\/bfnrt", s[i]) == nullptr) {
          return false;
        }
      }
    }
    return false;
  }
  bool digits() {
    const size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i > start;
  }
  bool number() {
    if (i < s.size() && s[i] == '-') ++i;
    if (i < s.size() && s[i] == '0') {
      ++i;
    } else if (!digits()) {
      return false;
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      if (!digits()) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      if (!digits()) return false;
    }
    return true;
  }
  bool value() {
    if (++depth > 64) return false;
    ws();
    bool ok = false;
    if (i >= s.size()) {
      ok = false;
    } else if (s[i] == '{') {
      ok = container('}', true);
    } else if (s[i] == '[') {
      ok = container(']', false);
    } else if (s[i] == '"') {
      ok = string();
    } else if (s[i] == 't') {
      ok = literal("true");
    } else if (s[i] == 'f') {
      ok = literal("false");
    } else if (s[i] == 'n') {
      ok = literal("null");
    } else {
      ok = number();
    }
    --depth;
    ws();
    return ok;
  }
  bool container(char close, bool object) {
    ++i;
    ws();
    if (i < s.size() && s[i] == close) {
      ++i;
      return true;
    }
    while (true) {
      if (object) {
        ws();
        if (!string()) return false;
        ws();
        if (i >= s.size() || s[i++] != ':') return false;
      }
      if (!value()) return false;
      if (i >= s.size()) return false;
      if (s[i] == ',') {
        ++i;
        continue;
      }
      if (s[i] == close) {
        ++i;
        return true;
      }
      return false;
    }
  }
};

}  // namespace

bool is_valid_json(std::string_view text) {
  Parser p{text};
  return p.value() && p.i == text.size();
}

}  // namespace drivelog::sim::test
