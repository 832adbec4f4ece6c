#include "map/file_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "map/checksum.hpp"
#include "map/map_view.hpp"

namespace drivelog::map {
namespace {
constexpr std::size_t kBufferBytes = std::size_t{4} << 20;
}

FileWriter::FileWriter(std::string path)
    : path_(std::move(path)), temp_path_(path_ + ".tmp." + std::to_string(::getpid())), buffer_(kBufferBytes) {
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (file_ == nullptr) {
    throw MapError("cannot create map file " + path_ + " (temporary " + temp_path_ + "): " + std::strerror(errno));
  }
}

FileWriter::~FileWriter() {
  if (file_ != nullptr) std::fclose(file_);
  if (!finished_) std::remove(temp_path_.c_str());
}

void FileWriter::fail(const std::string& what) const {
  throw MapError("cannot write map file " + path_ + ": " + what + ": " + std::strerror(errno));
}

void FileWriter::flush_buffer() {
  if (buffered_ == 0) return;
  if (std::fwrite(buffer_.data(), 1, buffered_, file_) != buffered_) fail("write failed");
  buffered_ = 0;
}

void FileWriter::write(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const std::byte*>(data);
  if (in_section_) crc_ = crc32_update(crc_, {bytes, size});
  position_ += size;
  while (size > 0) {
    const std::size_t n = std::min(size, buffer_.size() - buffered_);
    std::memcpy(buffer_.data() + buffered_, bytes, n);
    buffered_ += n;
    bytes += n;
    size -= n;
    if (buffered_ == buffer_.size()) flush_buffer();
  }
}

void FileWriter::begin_section(format::SectionId id) {
  static constexpr std::byte kZeros[format::kSectionAlignment] = {};
  const uint64_t aligned = format::align_up(position_);
  write(kZeros, aligned - position_);
  in_section_ = true;
  crc_ = 0;
  section_ = format::SectionEntry{static_cast<uint32_t>(id), 0, position_, 0};
}

format::SectionEntry FileWriter::end_section() {
  in_section_ = false;
  section_.size = position_ - section_.offset;
  section_.crc32 = crc_;
  return section_;
}

void FileWriter::finish(const format::FileHeader& header) {
  flush_buffer();
  if (std::fseek(file_, 0, SEEK_SET) != 0) fail("seek failed");
  if (std::fwrite(&header, sizeof header, 1, file_) != 1) fail("header write failed");
  if (std::fflush(file_) != 0) fail("flush failed");
  if (::fsync(::fileno(file_)) != 0) fail("fsync failed");
  const int rc = std::fclose(file_);
  file_ = nullptr;
  if (rc != 0) fail("close failed");
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) fail("rename from " + temp_path_ + " failed");
  finished_ = true;
}

}  // namespace drivelog::map
