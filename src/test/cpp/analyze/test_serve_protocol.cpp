#include "tools/analyze/serve_protocol.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <memory>

namespace drivelog::tools {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File stream_of(const std::string& bytes) {
  File f(std::tmpfile());
  std::fwrite(bytes.data(), 1, bytes.size(), f.get());
  std::rewind(f.get());
  return f;
}

TraceFile two_points() {
  TraceFile t;
  t.time_s = {1, 2};
  t.lat = {52.5, 52.6};
  t.lon = {13.4, 13.5};
  t.speed_mps = {3, 4};
  t.heading_deg = {90, 91};
  t.accuracy_m = {5, 6};
  return t;
}

}  // namespace

TEST(ServeProtocol, requestRoundTripsAndEndsAtEof) {
  const std::string bytes = encode_request("trip-1", two_points()) + encode_request("trip-2", TraceFile{});
  EXPECT_EQ(bytes.substr(0, 4), "DLRQ");
  const File in = stream_of(bytes);
  ServeRequest r;
  std::string error;
  ASSERT_EQ(read_request(in.get(), r, error), ReadOutcome::request) << error;
  EXPECT_EQ(r.trip_id, "trip-1");
  EXPECT_EQ(r.columns.lat, two_points().lat);
  EXPECT_EQ(r.columns.accuracy_m, two_points().accuracy_m);
  ASSERT_EQ(read_request(in.get(), r, error), ReadOutcome::request) << error;
  EXPECT_EQ(r.trip_id, "trip-2");
  EXPECT_TRUE(r.columns.time_s.empty());
  EXPECT_EQ(read_request(in.get(), r, error), ReadOutcome::end);
}

TEST(ServeProtocol, badMagicOrTruncatedFrameIsBroken) {
  ServeRequest r;
  std::string error;
  EXPECT_EQ(read_request(stream_of("XXXX\0\0\0\0").get(), r, error), ReadOutcome::broken);
  EXPECT_NE(error.find("magic"), std::string::npos);
  const std::string full = encode_request("t", two_points());
  EXPECT_EQ(read_request(stream_of(full.substr(0, full.size() - 3)).get(), r, error), ReadOutcome::broken);
  EXPECT_NE(error.find("'t'"), std::string::npos) << error;
  EXPECT_EQ(read_request(stream_of("DL").get(), r, error), ReadOutcome::broken);
}

TEST(ServeProtocol, overLimitLengthsAreBroken) {
  std::string bytes = "DLRQ";
  const uint32_t huge = kMaxTripIdBytes + 1;
  bytes.append(reinterpret_cast<const char*>(&huge), 4);
  ServeRequest r;
  std::string error;
  EXPECT_EQ(read_request(stream_of(bytes).get(), r, error), ReadOutcome::broken);
  EXPECT_NE(error.find("trip id length"), std::string::npos) << error;
}

TEST(ServeProtocol, responseFrameLayout) {
  File out(std::tmpfile());
  ASSERT_TRUE(write_frame(out.get(), 1, "bad"));
  std::rewind(out.get());
  char buf[32] = {};
  ASSERT_EQ(std::fread(buf, 1, 15, out.get()), 15u);
  EXPECT_EQ(std::string(buf, 4), "DLRS");
  int32_t status = 0;
  uint32_t length = 0;
  std::memcpy(&status, buf + 4, 4);
  std::memcpy(&length, buf + 8, 4);
  EXPECT_EQ(status, 1);
  EXPECT_EQ(length, 3u);
  EXPECT_EQ(std::string(buf + 12, 3), "bad");
}

}  // namespace drivelog::tools
