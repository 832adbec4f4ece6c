// Truncated, corrupted, foreign and wrong-version files are refused with a message that names
// the file and says what to do; never a crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "map/map_builder.hpp"
#include "map/map_format.hpp"
#include "map/map_info_json.hpp"
#include "map/map_view.hpp"
#include "sample_map.hpp"

namespace drivelog::map {
namespace {

std::vector<char> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const std::string& path, const std::vector<char>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string open_error(const std::string& path) {
  try {
    MapView::open(path);
  } catch (const MapError& e) {
    return e.what();
  }
  return "";
}

class DamagedMap : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = test::temp_map_path("damage");
    MapBuilder builder;
    test::add_sample_network(builder);
    builder.write(path_);
    bytes_ = read_all(path_);
  }
  void TearDown() override { std::filesystem::remove(path_); }

  format::FileHeader header() const {
    format::FileHeader h;
    std::memcpy(&h, bytes_.data(), sizeof h);
    return h;
  }

  std::string path_;
  std::vector<char> bytes_;
};

// `map info` reads a file without verifying its checksums and embedded the builder's legal summary
// (JSON kept among the file's strings) as it was: one damaged byte there made its output invalid
// JSON (found by fuzz_map_file). The output stays JSON and says what is damaged.
TEST_F(DamagedMap, DamagedLegalSummaryKeepsMapInfoJson) {
  const std::string intact = "\"regions\":";
  const auto at = std::search(bytes_.begin(), bytes_.end(), intact.begin(), intact.end());
  ASSERT_NE(at, bytes_.end());
  std::vector<char> damaged = bytes_;
  const std::string broken = "\"regions:{";
  std::copy(broken.begin(), broken.end(), damaged.begin() + (at - bytes_.begin()));
  write_all(path_, damaged);
  const std::string json = map_info_json(MapView::open(path_));
  EXPECT_TRUE(nlohmann::json::accept(json)) << json;
  EXPECT_NE(json.find("\"damaged\""), std::string::npos) << json;
}

// The header's strings are read by info(), on first use, inside std::call_once: a damaged offset
// threw out of it (and out of call_once, which ended the process in the clang build; found by
// fuzz_map_file). Info now says the string is unreadable, and verify() refuses the file.
TEST_F(DamagedMap, HeaderStringOutsideTheStringTableIsReportedByInfo) {
  format::FileHeader h = header();
  h.legal_data = 0x7fffffff;
  h.header_crc32 = format::header_checksum(h);
  std::vector<char> patched = bytes_;
  std::memcpy(patched.data(), &h, sizeof h);
  write_all(path_, patched);
  const MapView m = MapView::open(path_);  // reads the header only
  const MapInfo& info = m.info();
  EXPECT_NE(info.legal_data.find("damaged (string offset"), std::string::npos) << info.legal_data;
  EXPECT_TRUE(nlohmann::json::accept(map_info_json(m)));
  EXPECT_THROW(m.verify(), MapError);
}

TEST_F(DamagedMap, MissingFileIsRefusedNamingIt) {
  const std::string error = open_error(path_ + ".nope");
  EXPECT_NE(error.find(path_ + ".nope"), std::string::npos) << error;
  EXPECT_NE(error.find("drivelog map build"), std::string::npos) << error;
}

TEST_F(DamagedMap, TruncatedFileIsRefused) {
  for (const std::size_t keep : {bytes_.size() - 1, bytes_.size() / 2, std::size_t{600}, std::size_t{12}, std::size_t{3}}) {
    write_all(path_, std::vector<char>(bytes_.begin(), bytes_.begin() + static_cast<std::ptrdiff_t>(keep)));
    const std::string error = open_error(path_);
    EXPECT_NE(error.find("truncated"), std::string::npos) << keep << ": " << error;
    EXPECT_NE(error.find(path_), std::string::npos) << error;
  }
}

TEST_F(DamagedMap, EmptyFileIsRefused) {
  write_all(path_, {});
  EXPECT_NE(open_error(path_).find("empty"), std::string::npos);
}

TEST_F(DamagedMap, FileWithTrailingBytesIsRefused) {
  std::vector<char> longer = bytes_;
  longer.resize(bytes_.size() + 100, 'x');
  write_all(path_, longer);
  EXPECT_NE(open_error(path_).find("damaged"), std::string::npos);
}

TEST_F(DamagedMap, ForeignFileIsRefused) {
  write_all(path_, std::vector<char>(4096, 'a'));
  const std::string error = open_error(path_);
  EXPECT_NE(error.find("not a drivelog map"), std::string::npos) << error;
}

TEST_F(DamagedMap, WrongVersionSaysWhichAndWhatToDo) {
  std::vector<char> patched = bytes_;
  const uint32_t version = 99;
  std::memcpy(patched.data() + offsetof(format::FileHeader, format_version), &version, sizeof version);
  write_all(path_, patched);
  const std::string error = open_error(path_);
  EXPECT_NE(error.find("format version 99"), std::string::npos) << error;
  EXPECT_NE(error.find("reads version " + std::to_string(format::kFormatVersion)), std::string::npos) << error;
  EXPECT_NE(error.find("drivelog map build"), std::string::npos) << error;
}

TEST_F(DamagedMap, FlippedHeaderByteFailsTheHeaderChecksumAtOpen) {
  std::vector<char> patched = bytes_;
  patched[offsetof(format::FileHeader, edge_count)] ^= 0x01;
  write_all(path_, patched);
  EXPECT_NE(open_error(path_).find("header checksum"), std::string::npos);
}

TEST_F(DamagedMap, FlippedByteInEverySectionIsFoundByVerify) {
  const format::FileHeader h = header();
  for (uint32_t i = 0; i < h.section_count; ++i) {
    const format::SectionEntry& s = h.sections[i];
    if (s.size == 0) continue;
    std::vector<char> patched = bytes_;
    // The middle of the section: a bit flip that open() cannot see, since it reads no data.
    patched[s.offset + s.size / 2] ^= 0x10;
    write_all(path_, patched);
    std::string error;
    try {
      const MapView m = MapView::open(path_);
      m.verify();
    } catch (const MapError& e) {
      error = e.what();
    }
    EXPECT_NE(error.find("checksum mismatch in section " + std::to_string(s.id)), std::string::npos)
        << "section " << s.id << ": " << error;
  }
}

TEST_F(DamagedMap, FlippedPaddingByteIsFoundByVerify) {
  const format::FileHeader h = header();
  uint64_t end = sizeof(format::FileHeader);
  uint64_t padding = 0;
  for (uint32_t i = 0; i < h.section_count && padding == 0; ++i) {
    if (h.sections[i].offset > end) padding = end;
    end = h.sections[i].offset + h.sections[i].size;
  }
  ASSERT_NE(padding, 0u) << "the sample map has no padding between sections";
  std::vector<char> patched = bytes_;
  patched[padding] = 0x55;
  write_all(path_, patched);
  const MapView m = MapView::open(path_);
  EXPECT_THROW(m.verify(), MapError);
}

TEST_F(DamagedMap, SectionPastTheEndIsRefusedAtOpen) {
  format::FileHeader h = header();
  h.sections[4].size += 4096;
  h.header_crc32 = format::header_checksum(h);
  std::vector<char> patched = bytes_;
  std::memcpy(patched.data(), &h, sizeof h);
  write_all(path_, patched);
  EXPECT_NE(open_error(path_).find("damaged"), std::string::npos);
}

TEST_F(DamagedMap, InconsistentIndexIsNeverReadOutsideItsSection) {
  // Open reads no section, so a wrong last adjacency offset surfaces where it is read: the accessor
  // refuses instead of reading past the adjacency, and verify() names the damage.
  const format::FileHeader h = header();
  const format::SectionEntry& offsets = h.sections[static_cast<uint32_t>(format::SectionId::adjacency_offsets) - 1];
  std::vector<char> patched = bytes_;
  uint32_t too_far = 0;
  std::memcpy(&too_far, patched.data() + offsets.offset + offsets.size - 4, sizeof too_far);
  too_far += 1000;
  std::memcpy(patched.data() + offsets.offset + offsets.size - 4, &too_far, sizeof too_far);
  write_all(path_, patched);
  const MapView m = MapView::open(path_);
  EXPECT_THROW((void)m.adjacent(m.node_count() - 1), MapError);
  EXPECT_THROW(m.verify(), MapError);
}

TEST_F(DamagedMap, UnterminatedNameIsRefusedNotOverrun) {
  const format::FileHeader h = header();
  const format::SectionEntry& strings = h.sections[static_cast<uint32_t>(format::SectionId::strings) - 1];
  std::vector<char> patched = bytes_;
  patched[strings.offset + strings.size - 1] = 'x';  // the last string (the legal summary) loses its terminator
  write_all(path_, patched);
  const MapView m = MapView::open(path_);
  // info() reads it, refuses to read past the table, and says so in place of the strings.
  EXPECT_NE(m.info().legal_data.find("not terminated"), std::string::npos) << m.info().legal_data;
  EXPECT_TRUE(m.info().legal_summary.empty());
  EXPECT_THROW(m.verify(), MapError);
}

}  // namespace
}  // namespace drivelog::map
