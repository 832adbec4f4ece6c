// A read-only memory mapping of a whole file. RAII: the destructor unmaps quietly; close()
// unmaps and reports failure. Movable, not copyable.
#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace drivelog::map {

class MappedFile {
 public:
  MappedFile() = default;
  // Opens and maps `path` read-only. Throws MapError naming the file if it cannot.
  static MappedFile open_read_only(const std::string& path);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // Unmaps now; throws MapError if the system refuses. Idempotent.
  void close();

  [[nodiscard]] std::span<const std::byte> bytes() const { return {data_, size_}; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] bool is_open() const { return data_ != nullptr; }

 private:
  MappedFile(std::string path, const std::byte* data, std::size_t size)
      : path_(std::move(path)), data_(data), size_(size) {}
  void release() noexcept;

  std::string path_;
  const std::byte* data_ = nullptr;  // not owned in the C++ sense: the mapping is, and munmap frees it
  std::size_t size_ = 0;
};

}  // namespace drivelog::map
