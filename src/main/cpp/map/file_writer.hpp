// Sequential writer of a map file: buffered appends, 64-byte-aligned sections with running
// checksums, and an atomic finish (temporary file, fsync, rename). An unfinished file is removed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "map/map_format.hpp"

namespace drivelog::map {

class FileWriter {
 public:
  // Creates a temporary file next to `path`; throws MapError naming `path` if it cannot.
  explicit FileWriter(std::string path);
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;
  ~FileWriter();  // removes the temporary file unless finish() succeeded

  void write(const void* data, std::size_t size);
  template <typename T>
  void write_value(const T& value) { write(&value, sizeof(T)); }
  template <typename T>
  void write_span(std::span<const T> values) { write(values.data(), values.size_bytes()); }

  // Starts a section at the next aligned offset; its bytes are counted and checksummed until end_section().
  void begin_section(format::SectionId id);
  format::SectionEntry end_section();

  [[nodiscard]] uint64_t position() const { return position_; }

  // Writes `header` at offset 0, flushes, fsyncs and renames the file into place.
  void finish(const format::FileHeader& header);

 private:
  void flush_buffer();
  void fail(const std::string& what) const;

  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  std::vector<std::byte> buffer_;
  std::size_t buffered_ = 0;
  uint64_t position_ = 0;
  bool in_section_ = false;
  format::SectionEntry section_{};
  uint32_t crc_ = 0;
  bool finished_ = false;
};

}  // namespace drivelog::map
