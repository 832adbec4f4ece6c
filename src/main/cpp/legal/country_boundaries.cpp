#include "legal/country_boundaries.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace drivelog::legal {
namespace {

// Big-endian, as java.io.DataOutput and kotlinx-io write.
class Reader {
 public:
  Reader(std::string_view bytes, const std::string& source) : bytes_(bytes), source_(source) {}

  uint8_t u8() { return static_cast<uint8_t>(take(1)[0]); }
  uint16_t u16() {
    const auto b = take(2);
    return static_cast<uint16_t>(static_cast<uint8_t>(b[0]) << 8 | static_cast<uint8_t>(b[1]));
  }
  uint32_t u32() {
    const auto b = take(4);
    uint32_t v = 0;
    for (char c : b) v = v << 8 | static_cast<uint8_t>(c);
    return v;
  }
  int32_t i32() { return static_cast<int32_t>(u32()); }
  double f64() {
    const auto b = take(8);
    uint64_t v = 0;
    for (char c : b) v = v << 8 | static_cast<uint8_t>(c);
    return std::bit_cast<double>(v);
  }
  std::string utf() {
    const uint16_t n = u16();
    return std::string(take(n));
  }
  int32_t count(const char* what) {
    const int32_t n = i32();
    if (n < 0) fail(std::string("negative ") + what);
    return n;
  }
  [[nodiscard]] bool at_end() const { return pos_ == bytes_.size(); }
  [[noreturn]] void fail(const std::string& what) const {
    throw BoundariesError("country boundaries file " + source_ + ": " + what + " at byte " + std::to_string(pos_));
  }

 private:
  std::string_view take(std::size_t n) {
    if (bytes_.size() - pos_ < n) fail("unexpected end of data");
    const std::string_view out = bytes_.substr(pos_, n);
    pos_ += n;
    return out;
  }

  std::string_view bytes_;
  const std::string& source_;
  std::size_t pos_ = 0;
};

// Is the point left of the line through a and b (> 0), on it (0) or right of it (< 0)?
int64_t is_left_of(uint16_t px, uint16_t py, uint16_t ax, uint16_t ay, uint16_t bx, uint16_t by) {
  return (int64_t{bx} - ax) * (int64_t{py} - ay) - (int64_t{px} - ax) * (int64_t{by} - ay);
}

double normalize_longitude(double lon) {
  lon = std::fmod(lon, 360.0);
  if (lon < -180.0) lon += 360.0;
  else if (lon >= 180.0) lon -= 360.0;
  return lon;
}

}  // namespace

// Winding number (Dan Sunday's algorithm, as the library uses): inside any outer ring more often
// than inside a hole.
bool CountryBoundaries::Area::covers(Point p) const {
  const auto inside = [&](const Ring& ring) {
    if (ring.empty()) return false;
    int wn = 0;
    Point a = ring.back();
    for (const Point b : ring) {
      if (a.y <= p.y) {
        if (b.y > p.y && is_left_of(p.x, p.y, a.x, a.y, b.x, b.y) > 0) ++wn;
      } else if (b.y <= p.y && is_left_of(p.x, p.y, a.x, a.y, b.x, b.y) < 0) {
        --wn;
      }
      a = b;
    }
    return wn != 0;
  };
  const auto outer_count = std::count_if(outer.begin(), outer.end(), inside);
  const auto inner_count = std::count_if(inner.begin(), inner.end(), inside);
  return outer_count - inner_count > 0;
}

uint32_t CountryBoundaries::intern(std::string name) {
  const auto [it, inserted] = name_index_.try_emplace(name, static_cast<uint32_t>(names_.size()));
  if (inserted) {
    names_.push_back(std::move(name));
    sizes_.push_back(0.0);
  }
  return it->second;
}

CountryBoundaries CountryBoundaries::from_bytes(std::string_view bytes, const std::string& source) {
  CountryBoundaries out;
  Reader in(bytes, source);
  const uint16_t version = in.u16();
  if (version != 2) in.fail("serialisation version " + std::to_string(version) + ", expected 2");
  const int32_t size_count = in.count("geometry size count");
  for (int32_t i = 0; i < size_count; ++i) {
    const uint32_t id = out.intern(in.utf());
    out.sizes_[id] = in.f64();
  }
  const int32_t width = in.count("raster width");
  const int32_t cells = in.count("raster size");
  if (width == 0 || cells % width != 0) in.fail("raster size " + std::to_string(cells) + " is not a multiple of its width");
  out.width_ = static_cast<uint32_t>(width);
  out.height_ = static_cast<uint32_t>(cells / width);
  out.raster_.resize(static_cast<std::size_t>(cells));
  const auto read_ring = [&] {
    Ring ring(static_cast<std::size_t>(in.count("ring size")));
    for (Point& p : ring) {
      p.x = in.u16();
      p.y = in.u16();
    }
    return ring;
  };
  for (Cell& cell : out.raster_) {
    const uint8_t containing = in.u8();
    for (uint8_t i = 0; i < containing; ++i) cell.containing.push_back(out.intern(in.utf()));
    const uint8_t areas = in.u8();
    for (uint8_t i = 0; i < areas; ++i) {
      Area area;
      area.id = out.intern(in.utf());
      const uint8_t outer = in.u8();
      for (uint8_t k = 0; k < outer; ++k) area.outer.push_back(read_ring());
      const uint8_t inner = in.u8();
      for (uint8_t k = 0; k < inner; ++k) area.inner.push_back(read_ring());
      cell.intersecting.push_back(std::move(area));
    }
  }
  if (!in.at_end()) in.fail("trailing bytes");
  return out;
}

std::vector<std::string_view> CountryBoundaries::ids(double lon, double lat) const {
  if (!std::isfinite(lon) || !std::isfinite(lat) || lat < -90 || lat > 90) return {};
  lon = normalize_longitude(lon);
  const auto w = static_cast<double>(width_);
  const auto h = static_cast<double>(height_);
  const auto cell_x = std::min(static_cast<int64_t>(std::floor(w * (180 + lon) / 360.0)), int64_t{width_} - 1);
  const auto cell_y = std::max(static_cast<int64_t>(std::ceil(h * (90 - lat) / 180.0) - 1), int64_t{0});
  // Position within the cell in 1/65535 of its size; truncated to 16 bits as the library does.
  const double cell_lon = -180.0 + 360.0 * static_cast<double>(cell_x) / w;
  const double cell_lat = 90.0 - 180.0 * static_cast<double>(cell_y + 1) / h;
  const auto local_x = static_cast<uint16_t>(static_cast<int32_t>((lon - cell_lon) * w * 0xffff / 360.0));
  const auto local_y = static_cast<uint16_t>(static_cast<int32_t>((lat - cell_lat) * h * 0xffff / 180.0));
  const Cell& cell = raster_[static_cast<std::size_t>(cell_y) * width_ + static_cast<std::size_t>(cell_x)];

  std::vector<uint32_t> found = cell.containing;
  for (const Area& area : cell.intersecting) {
    if (area.covers(Point{local_x, local_y})) found.push_back(area.id);
  }
  std::stable_sort(found.begin(), found.end(), [&](uint32_t a, uint32_t b) { return sizes_[a] < sizes_[b]; });
  std::vector<std::string_view> out;
  out.reserve(found.size());
  for (uint32_t id : found) out.emplace_back(names_[id]);
  return out;
}

}  // namespace drivelog::legal
