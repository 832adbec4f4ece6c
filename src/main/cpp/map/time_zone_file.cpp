#include "map/time_zone_file.hpp"

#include <fstream>
#include <limits>
#include <sstream>

#include "map/map_view.hpp"

namespace drivelog::map {
namespace {

class LineReader {
 public:
  explicit LineReader(const std::string& path) : path_(path), in_(path) {
    if (!in_) throw MapError("cannot read time zone file " + path);
  }
  // The next line's words; `what` names what was expected.
  std::istringstream next(const char* what) {
    std::string line;
    if (!std::getline(in_, line)) fail(std::string("ends where ") + what + " was expected");
    ++line_;
    return std::istringstream(line);
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw MapError("time zone file " + path_ + " line " + std::to_string(line_) + ": " + what);
  }

 private:
  std::string path_;
  std::ifstream in_;
  uint64_t line_ = 0;
};

template <typename T>
T word(std::istringstream& line, LineReader& reader, const char* what) {
  T value{};
  if (!(line >> value)) reader.fail(std::string("expected ") + what);
  return value;
}

void expect(std::istringstream& line, LineReader& reader, const std::string& keyword) {
  if (word<std::string>(line, reader, keyword.c_str()) != keyword) reader.fail("expected '" + keyword + "'");
}

}  // namespace

TimeZoneTable read_time_zone_file(const std::string& path) {
  LineReader reader(path);
  TimeZoneTable table;
  {
    auto line = reader.next("the header");
    expect(line, reader, "drivelog-time-zones");
    if (word<int>(line, reader, "the version") != 1) reader.fail("version other than 1");
  }
  {
    auto line = reader.next("source");
    expect(line, reader, "source");
    std::getline(line >> std::ws, table.source);
  }
  {
    auto line = reader.next("grid");
    expect(line, reader, "grid");
    table.grid.origin_lat_e7 = word<int32_t>(line, reader, "origin_lat_e7");
    table.grid.origin_lon_e7 = word<int32_t>(line, reader, "origin_lon_e7");
    table.grid.cell_lat_e7 = word<int32_t>(line, reader, "cell_lat_e7");
    table.grid.cell_lon_e7 = word<int32_t>(line, reader, "cell_lon_e7");
    table.grid.rows = word<uint32_t>(line, reader, "rows");
    table.grid.cols = word<uint32_t>(line, reader, "cols");
    if (table.grid.cell_lat_e7 <= 0 || table.grid.cell_lon_e7 <= 0 || table.grid.rows == 0 || table.grid.cols == 0 ||
        uint64_t{table.grid.rows} * table.grid.cols > 64'000'000) {
      reader.fail("grid geometry out of range");
    }
  }
  table.zones.clear();
  {
    auto line = reader.next("zones");
    expect(line, reader, "zones");
    const auto count = word<uint32_t>(line, reader, "the zone count");
    if (count == 0 || count > 0xFFFF) reader.fail("zone count out of range");
    for (uint32_t z = 0; z < count; ++z) {
      auto head = reader.next("a zone");
      expect(head, reader, "zone");
      TimeZoneInput zone;
      zone.name = word<std::string>(head, reader, "the zone's name");
      const auto n = word<uint32_t>(head, reader, "the transition count");
      if (n == 0 || n > 100'000) reader.fail("transition count out of range");
      for (uint32_t i = 0; i < n; ++i) {
        auto t = reader.next("a transition");
        const auto time = word<std::string>(t, reader, "utc_seconds");
        UtcOffsetTransition u;
        if (i == 0 && time == "min") {
          u.utc_seconds = std::numeric_limits<int64_t>::min();
        } else {
          try {
            u.utc_seconds = std::stoll(time);
          } catch (const std::exception&) {
            reader.fail("not a time: " + time);
          }
        }
        u.offset_seconds = word<int32_t>(t, reader, "offset_seconds");
        if (!zone.transitions.empty() && u.utc_seconds <= zone.transitions.back().utc_seconds) reader.fail("times not ascending");
        zone.transitions.push_back(u);
      }
      table.zones.push_back(std::move(zone));
    }
  }
  {
    auto line = reader.next("cells");
    expect(line, reader, "cells");
    const uint64_t total = uint64_t{table.grid.rows} * table.grid.cols;
    table.cells.clear();
    table.cells.reserve(total);
    std::string run;
    while (line >> run) {
      const std::size_t x = run.find('x');
      uint32_t zone = 0;
      uint64_t count = 0;
      try {
        if (x == std::string::npos) reader.fail("not a run: " + run);
        zone = static_cast<uint32_t>(std::stoul(run.substr(0, x)));
        count = std::stoull(run.substr(x + 1));
      } catch (const std::logic_error&) {
        reader.fail("not a run: " + run);
      }
      if (zone >= table.zones.size()) reader.fail("run names zone " + std::to_string(zone));
      if (count > total - table.cells.size()) reader.fail("more cells than the grid has");
      table.cells.insert(table.cells.end(), count, static_cast<uint16_t>(zone));
    }
    if (table.cells.size() != total) reader.fail(std::to_string(table.cells.size()) + " cells for a grid of " + std::to_string(total));
  }
  return table;
}

}  // namespace drivelog::map
