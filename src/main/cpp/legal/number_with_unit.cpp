#include "legal/number_with_unit.hpp"

#include <cctype>
#include <cstdlib>
#include <string>

namespace drivelog::legal {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Java's \s: space, \t, \n, \x0B, \f, \r.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\x0B' || c == '\f' || c == '\r'; }

std::optional<double> unit_factor(std::string_view unit) {
  if (unit == "km/h" || unit == "kph") return 1.0;
  if (unit == "mph") return 1.609344;
  if (unit == "m") return 1.0;
  if (unit == "mm") return 0.001;
  if (unit == "cm") return 0.01;
  if (unit == "km") return 1000.0;
  if (unit == "ft" || unit == "'") return 0.3048;
  if (unit == "in" || unit == "\"") return 0.0254;
  if (unit == "yd" || unit == "yds") return 0.9144;
  if (unit == "t") return 1.0;
  if (unit == "kg") return 0.001;
  if (unit == "st") return 0.90718474;
  if (unit == "lt") return 1.0160469;
  if (unit == "lb" || unit == "lbs") return 0.00045359237;
  if (unit == "cwt") return 0.05080234544;
  return std::nullopt;
}

// Kotlin's String.toDoubleOrNull for strings that start with a digit or '.': Java's floating-point
// literal syntax, surrounding control characters and spaces allowed. strtod accepts the same
// decimal forms; hexadecimal ones are not used in OSM values.
std::optional<double> to_double(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  if (s.empty() || (s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))) return std::nullopt;
  const std::string text(s);
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return v;
}

std::size_t digits(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i - from;
}

std::size_t spaces(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size() && is_space(s[i])) ++i;
  return i - from;
}

// ([0-9]+|[0-9]*\.[0-9]+)\s*([a-z/'"]+), the whole string.
std::optional<double> with_unit(std::string_view s) {
  std::size_t i = digits(s, 0);
  if (i < s.size() && s[i] == '.') {
    const std::size_t fraction = digits(s, i + 1);
    if (fraction == 0) return std::nullopt;
    i += 1 + fraction;
  } else if (i == 0) {
    return std::nullopt;
  }
  const std::string_view number = s.substr(0, i);
  i += spaces(s, i);
  const std::size_t unit_begin = i;
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '/' || s[i] == '\'' || s[i] == '"')) ++i;
  if (i == unit_begin || i != s.size()) return std::nullopt;
  const auto factor = unit_factor(s.substr(unit_begin));
  const auto value = to_double(number);
  if (!factor || !value) return std::nullopt;
  return *value * *factor;
}

// ([0-9]+)\s*(?:'|ft)\s*([0-9]+)\s*(?:"|in), the whole string.
std::optional<double> feet_inches(std::string_view s) {
  const std::size_t feet = digits(s, 0);
  if (feet == 0) return std::nullopt;
  std::size_t i = feet + spaces(s, feet);
  if (i < s.size() && s[i] == '\'') ++i;
  else if (s.substr(i, 2) == "ft") i += 2;
  else return std::nullopt;
  i += spaces(s, i);
  const std::size_t inches = digits(s, i);
  if (inches == 0) return std::nullopt;
  const std::string_view inch_digits = s.substr(i, inches);
  i += inches;
  i += spaces(s, i);
  if (i < s.size() && s[i] == '"') ++i;
  else if (s.substr(i, 2) == "in") i += 2;
  else return std::nullopt;
  if (i != s.size()) return std::nullopt;
  return std::atoi(std::string(s.substr(0, feet)).c_str()) * 0.3048 +
         std::atoi(std::string(inch_digits).c_str()) * 0.0254;
}

}  // namespace

std::optional<double> number_with_optional_unit(std::string_view value) {
  if (value.empty()) return std::nullopt;
  if (!is_digit(value.front()) && value.front() != '.') return std::nullopt;
  const char last = value.back();
  if (!std::isalpha(static_cast<unsigned char>(last)) && last != '"' && last != '\'') return to_double(value);
  if (auto v = with_unit(value)) return v;
  return feet_inches(value);
}

}  // namespace drivelog::legal
