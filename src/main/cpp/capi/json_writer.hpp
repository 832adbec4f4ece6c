// A small streaming JSON writer into a reused std::string: commas, escaping, rounded numbers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace drivelog::capi {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(&out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // Starts a member of the current object; follow with a value or a begin_*. `name` is written as
  // it is: a plain ASCII word without quotes, backslashes or control characters (a literal).
  void key(std::string_view name);

  void string(std::string_view value);
  // Rounded to `decimals` places, shortest form ("64.8", "50"); NaN and infinities become null
  // (JSON has no such numbers). Never prints anything but a JSON number or null.
  void number(double value, int decimals);
  void integer(int64_t value);
  void boolean(bool value);
  void null();

 private:
  void separate();
  void quoted(std::string_view value);

  std::string* out_;
  // Per open container: nothing written in it yet (bytes, not std::vector<bool>: asked before
  // every value, and a bit's read and write cost several instructions each).
  std::vector<uint8_t> first_;
  bool after_key_ = false;
};

}  // namespace drivelog::capi
