#include "capi/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

#include "capi/decimal_chars.hpp"
#include "map/map_types.hpp"

namespace drivelog::capi {

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (first_.back() == 0) out_->push_back(',');
    first_.back() = 0;
  }
}

void JsonWriter::begin_object() {
  separate();
  out_->push_back('{');
  first_.push_back(1);
}

void JsonWriter::end_object() {
  out_->push_back('}');
  first_.pop_back();
}

void JsonWriter::begin_array() {
  separate();
  out_->push_back('[');
  first_.push_back(1);
}

void JsonWriter::end_array() {
  out_->push_back(']');
  first_.pop_back();
}

void JsonWriter::key(std::string_view name) {
  // Member names are the program's own ASCII words (`start_time`, an evidence key): appended whole,
  // with the comma before them, the quotes and the colon, in one append (not scanned for escapes
  // character by character as text is; four appends cost about twice as much).
  char buf[64];
  if (name.size() > sizeof buf - 4) {
    separate();
    out_->push_back('"');
    out_->append(name);
    out_->append("\":", 2);
    after_key_ = true;
    return;
  }
  std::size_t n = 0;
  if (after_key_) {  // as separate() does
    after_key_ = false;
  } else if (!first_.empty()) {
    if (first_.back() == 0) buf[n++] = ',';
    first_.back() = 0;
  }
  buf[n++] = '"';
  std::memcpy(buf + n, name.data(), name.size());
  n += name.size();
  buf[n++] = '"';
  buf[n++] = ':';
  out_->append(buf, n);
  after_key_ = true;
}

void JsonWriter::string(std::string_view value) {
  separate();
  quoted(value);
}

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not valid (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = b(i);
  std::size_t n = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size() || b(i + 1) < low || b(i + 1) > high) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

}  // namespace

void JsonWriter::quoted(std::string_view value) {
  out_->push_back('"');
  for (std::size_t i = 0; i < value.size(); ++i) {
    // Runs of plain ASCII (keys, ids, most names) are appended whole: one append instead of a
    // push_back per character, which was most of the result writing's cost.
    std::size_t plain = i;
    while (plain < value.size()) {
      const auto p = static_cast<unsigned char>(value[plain]);
      if (p < 0x20 || p >= 0x80 || p == '"' || p == '\\') break;
      ++plain;
    }
    if (plain > i) {
      out_->append(value.substr(i, plain - i));
      i = plain;
      if (i == value.size()) break;
    }
    const char ch = value[i];
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      // Caller text (trip ids, road names) may not be valid UTF-8; the result must be.
      const std::size_t n = utf8_sequence_length(value, i);
      if (n == 0) {
        out_->append("\\ufffd");
      } else {
        out_->append(value.substr(i, n));
        i += n - 1;
      }
      continue;
    }
    switch (ch) {
      case '"': out_->append("\\\""); break;
      case '\\': out_->append("\\\\"); break;
      case '\n': out_->append("\\n"); break;
      case '\r': out_->append("\\r"); break;
      case '\t': out_->append("\\t"); break;
      default:
        if (c < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out_->append("\\u00");
          out_->push_back(kHex[c >> 4]);
          out_->push_back(kHex[c & 15]);
        } else {
          out_->push_back(ch);
        }
    }
  }
  out_->push_back('"');
}

void JsonWriter::number(double value, int decimals) {
  if (!std::isfinite(value)) {
    null();
    return;
  }
  separate();
  // Results print up to 7 decimals (coordinates); a table spares a pow() per number.
  static constexpr double kPowersOfTen[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  const double scale = decimals >= 0 && decimals <= 9 ? kPowersOfTen[decimals] : std::pow(10.0, decimals);
  const double scaled = value * scale;
  char buf[40];
  // Nearly every number: its rounded digits printed straight (capi/decimal_chars.hpp), the same
  // text std::to_chars gives the rounded double, in a tenth of the instructions.
  if (decimals >= 0 && decimals <= 9 && std::abs(scaled) < static_cast<double>(kMaxExactScaled)) {
    const auto k = static_cast<int64_t>(map::round_half_away(scaled));  // std::round's, inline
    out_->append(buf, write_scaled_decimal(buf, k, decimals));  // k == 0 prints "0", never "-0"
    return;
  }
  // From 2^53 on a double has no fraction left to round, and scaling a huge value may overflow to
  // infinity, which would print as "inf": such values are written as they are.
  double rounded = std::abs(scaled) < 0x1p53 ? std::round(scaled) / scale : value;
  if (rounded == 0) rounded = 0;  // no "-0"
  const auto result = std::to_chars(buf, buf + sizeof buf, rounded);
  out_->append(buf, result.ptr);
}

void JsonWriter::integer(int64_t value) {
  separate();
  char buf[24];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  out_->append(buf, result.ptr);
}

void JsonWriter::boolean(bool value) {
  separate();
  out_->append(value ? "true" : "false");
}

void JsonWriter::null() {
  separate();
  out_->append("null");
}

}  // namespace drivelog::capi
