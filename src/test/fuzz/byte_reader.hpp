// Reads a fuzz input front to back as fixed-size values; past the end every value is zero. Simple
// on purpose: seeds can be written by hand (make_trip_seeds.py) from the layout a target documents.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace drivelog::fuzz {

class ByteReader {
 public:
  ByteReader(const uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  [[nodiscard]] bool empty() const { return pos_ >= size_; }

  // The next sizeof(T) bytes as a T (little-endian bit pattern, so any double or float, NaN
  // payloads and infinities included, can be spelt out).
  template <typename T>
  T next() {
    static_assert(std::is_trivially_copyable_v<T>);
    unsigned char bytes[sizeof(T)] = {};
    const std::size_t take = pos_ < size_ ? std::min(sizeof(T), size_ - pos_) : 0;
    if (take > 0) std::memcpy(bytes, data_ + pos_, take);
    pos_ += sizeof(T);
    T value;
    std::memcpy(&value, bytes, sizeof(T));
    return value;
  }

  // The next `length` bytes (fewer at the end) as text.
  std::string_view text(std::size_t length) {
    const std::size_t start = std::min(pos_, size_);
    const std::size_t take = std::min(length, size_ - start);
    pos_ = start + length;
    return {reinterpret_cast<const char*>(data_ + start), take};
  }

 private:
  const uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

}  // namespace drivelog::fuzz
