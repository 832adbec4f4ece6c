#include "capi/json_writer.hpp"

#include <charconv>
#include <cmath>

namespace drivelog::capi {

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::begin_object() {
  separate();
  out_->push_back('{');
  first_.push_back(true);
}

void JsonWriter::end_object() {
  out_->push_back('}');
  first_.pop_back();
}

void JsonWriter::begin_array() {
  separate();
  out_->push_back('[');
  first_.push_back(true);
}

void JsonWriter::end_array() {
  out_->push_back(']');
  first_.pop_back();
}

void JsonWriter::key(std::string_view name) {
  separate();
  quoted(name);
  out_->push_back(':');
  after_key_ = true;
}

void JsonWriter::string(std::string_view value) {
  separate();
  quoted(value);
}

void JsonWriter::quoted(std::string_view value) {
  out_->push_back('"');
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
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
          out_->push_back(ch);  // UTF-8 passes through unchanged
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
  const double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buf[40];
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
