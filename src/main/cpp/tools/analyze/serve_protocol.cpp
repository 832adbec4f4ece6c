#include "tools/analyze/serve_protocol.hpp"

#include <bit>
#include <cstring>
#include <vector>

namespace drivelog::tools {
namespace {

static_assert(std::endian::native == std::endian::little, "the --serve protocol is little-endian, like this host");

constexpr char kRequestMagic[4] = {'D', 'L', 'R', 'Q'};
constexpr char kResponseMagic[4] = {'D', 'L', 'R', 'S'};

bool read_exact(std::FILE* in, void* data, std::size_t bytes) {
  return bytes == 0 || std::fread(data, 1, bytes, in) == bytes;
}

template <typename T>
bool read_column(std::FILE* in, std::vector<T>& column, uint32_t count) {
  column.resize(count);
  return read_exact(in, column.data(), sizeof(T) * count);
}

template <typename T>
void append_raw(std::string& out, const T* data, std::size_t count) {
  out.append(reinterpret_cast<const char*>(data), sizeof(T) * count);
}

}  // namespace

ReadOutcome read_request(std::FILE* in, ServeRequest& out, std::string& error) {
  char magic[4];
  const std::size_t got = std::fread(magic, 1, 4, in);
  if (got == 0 && std::feof(in)) return ReadOutcome::end;
  if (got != 4) {
    error = "end of input inside a request header";
    return ReadOutcome::broken;
  }
  if (std::memcmp(magic, kRequestMagic, 4) != 0) {
    error = "bad request magic (expected DLRQ)";
    return ReadOutcome::broken;
  }
  uint32_t id_len = 0;
  if (!read_exact(in, &id_len, 4)) {
    error = "end of input inside a request header";
    return ReadOutcome::broken;
  }
  if (id_len > kMaxTripIdBytes) {
    error = "trip id length " + std::to_string(id_len) + " exceeds " + std::to_string(kMaxTripIdBytes);
    return ReadOutcome::broken;
  }
  out.trip_id.resize(id_len);
  uint32_t count = 0;
  if (!read_exact(in, out.trip_id.data(), id_len) || !read_exact(in, &count, 4)) {
    error = "end of input inside a request header";
    return ReadOutcome::broken;
  }
  if (count > kMaxRequestPoints) {
    error = "point count " + std::to_string(count) + " exceeds " + std::to_string(kMaxRequestPoints);
    return ReadOutcome::broken;
  }
  TraceFile& c = out.columns;
  if (!read_column(in, c.time_s, count) || !read_column(in, c.lat, count) || !read_column(in, c.lon, count) ||
      !read_column(in, c.speed_mps, count) || !read_column(in, c.heading_deg, count) ||
      !read_column(in, c.accuracy_m, count)) {
    error = "end of input inside the columns of trip '" + out.trip_id + "'";
    return ReadOutcome::broken;
  }
  return ReadOutcome::request;
}

bool write_frame(std::FILE* out, int32_t status, std::string_view payload) {
  const auto length = static_cast<uint32_t>(payload.size());
  return std::fwrite(kResponseMagic, 1, 4, out) == 4 && std::fwrite(&status, 4, 1, out) == 1 &&
         std::fwrite(&length, 4, 1, out) == 1 &&
         (payload.empty() || std::fwrite(payload.data(), 1, payload.size(), out) == payload.size()) &&
         std::fflush(out) == 0;
}

std::string encode_request(std::string_view trip_id, const TraceFile& columns) {
  std::string out(kRequestMagic, 4);
  const auto id_len = static_cast<uint32_t>(trip_id.size());
  const auto count = static_cast<uint32_t>(columns.time_s.size());
  append_raw(out, &id_len, 1);
  out.append(trip_id);
  append_raw(out, &count, 1);
  append_raw(out, columns.time_s.data(), count);
  append_raw(out, columns.lat.data(), count);
  append_raw(out, columns.lon.data(), count);
  append_raw(out, columns.speed_mps.data(), count);
  append_raw(out, columns.heading_deg.data(), count);
  append_raw(out, columns.accuracy_m.data(), count);
  return out;
}

}  // namespace drivelog::tools
