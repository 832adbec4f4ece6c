// drivelog-analyze end to end: the real binary on a scenario map, batch and --serve.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario.hpp"
#include "tools/analyze/serve_protocol.hpp"

namespace drivelog::tools {
namespace {

namespace fs = std::filesystem;
using scenario::Drive;
using scenario::Scenario;
using scenario::way;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs a shell command line, returns its exit code.
int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class AnalyzeTool : public ::testing::Test {
 protected:
  AnalyzeTool()
      : scenario_("A--------------------B--------------------C", 10,
                  {way("AB", 1, "Main"), way("BC", 2, "One Way").oneway()}),
        dir_(fs::temp_directory_path() / ("drivelog-analyze-test-" + std::to_string(::getpid()))) {
    fs::create_directories(dir_);
    Drive d(scenario_, 1, 1);
    d.noise(3).start_at('C').to("BA", 30);
    trace_ = TraceFile{};
    std::ofstream csv(dir_ / "wrong.csv");
    csv << "time,lat,lon,speed,heading,accuracy\n";
    csv.precision(10);
    for (const match::TracePoint& p : d.points()) {
      csv << p.time_s << "," << p.lat << "," << p.lon << "," << p.speed_mps << ",,\n";
      trace_.time_s.push_back(p.time_s);
      trace_.lat.push_back(p.lat);
      trace_.lon.push_back(p.lon);
      trace_.speed_mps.push_back(p.speed_mps);
      trace_.heading_deg.push_back(std::numeric_limits<float>::quiet_NaN());
      trace_.accuracy_m.push_back(std::numeric_limits<float>::quiet_NaN());
    }
  }
  ~AnalyzeTool() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string tool() const { return DRIVELOG_ANALYZE_TOOL; }

  Scenario scenario_;
  fs::path dir_;
  TraceFile trace_;
};

}  // namespace

TEST_F(AnalyzeTool, batchWritesOneResultPerTripAndStats) {
  const std::string cmd = tool() + " --map " + scenario_.path() + " --threads 2 --stats --matched --out " +
                          (dir_ / "out").string() + " " + (dir_ / "wrong.csv").string() + " > " +
                          (dir_ / "stdout").string() + " 2> " + (dir_ / "stderr").string();
  ASSERT_EQ(run(cmd), 0) << read_file(dir_ / "stderr");
  const std::string result = read_file(dir_ / "out" / "wrong.json");
  EXPECT_NE(result.find(R"("trip_id":"wrong")"), std::string::npos) << result;
  EXPECT_NE(result.find(R"("type":"wrong_way")"), std::string::npos) << result;
  EXPECT_NE(result.find(R"("matched":[)"), std::string::npos) << result;
  EXPECT_NE(read_file(dir_ / "stdout").find("wrong: points="), std::string::npos);
  const std::string stats = read_file(dir_ / "stderr");
  EXPECT_NE(stats.find(R"("points_per_second":)"), std::string::npos) << stats;
  EXPECT_NE(stats.find(R"("threads":1)"), std::string::npos) << stats;  // one file: one thread used
}

TEST_F(AnalyzeTool, unknownConfigKeyFailsNamingTheKey) {
  const std::string cmd = tool() + " --map " + scenario_.path() + " --set speeding.nope=1 " +
                          (dir_ / "wrong.csv").string() + " > /dev/null 2> " + (dir_ / "stderr").string();
  EXPECT_EQ(run(cmd), 2);
  EXPECT_NE(read_file(dir_ / "stderr").find("analysis.speeding.nope"), std::string::npos);
}

TEST_F(AnalyzeTool, badCsvFailsThatFileNamingTheLine) {
  std::ofstream(dir_ / "bad.csv") << "time,lat,lon\n1,52.5,13.4\n2,x,13.4\n";
  const std::string cmd = tool() + " --map " + scenario_.path() + " --out " + (dir_ / "out").string() + " " +
                          (dir_ / "bad.csv").string() + " " + (dir_ / "wrong.csv").string() + " > /dev/null 2> " +
                          (dir_ / "stderr").string();
  EXPECT_EQ(run(cmd), 1);
  EXPECT_NE(read_file(dir_ / "stderr").find("bad.csv:3"), std::string::npos) << read_file(dir_ / "stderr");
  EXPECT_TRUE(fs::exists(dir_ / "out" / "wrong.json"));  // the good file is still analysed
}

TEST_F(AnalyzeTool, serveAnswersEachRequestInOrder) {
  {
    std::ofstream req(dir_ / "requests", std::ios::binary);
    req << encode_request("first", trace_) << encode_request("empty", TraceFile{}) << encode_request("third", trace_);
  }
  const std::string cmd = tool() + " --serve --map " + scenario_.path() + " < " + (dir_ / "requests").string() +
                          " > " + (dir_ / "responses").string();
  ASSERT_EQ(run(cmd), 0);
  const std::string bytes = read_file(dir_ / "responses");
  std::size_t pos = 0;
  std::vector<std::pair<int32_t, std::string>> frames;
  while (pos + 12 <= bytes.size()) {
    ASSERT_EQ(bytes.substr(pos, 4), "DLRS");
    int32_t status = 0;
    uint32_t length = 0;
    std::memcpy(&status, bytes.data() + pos + 4, 4);
    std::memcpy(&length, bytes.data() + pos + 8, 4);
    frames.emplace_back(status, bytes.substr(pos + 12, length));
    pos += 12 + length;
  }
  EXPECT_EQ(pos, bytes.size());
  ASSERT_EQ(frames.size(), 4u);  // hello + 3 responses
  EXPECT_EQ(frames[0].first, 0);
  EXPECT_NE(frames[0].second.find(R"("abi":)"), std::string::npos) << frames[0].second;
  EXPECT_NE(frames[1].second.find(R"("trip_id":"first")"), std::string::npos);
  EXPECT_NE(frames[1].second.find(R"("type":"wrong_way")"), std::string::npos);
  EXPECT_NE(frames[2].second.find(R"("points":0)"), std::string::npos);
  // Same trip, same process: the same text (the in-process result is tested equal in test_capi).
  EXPECT_EQ(frames[3].second.substr(frames[3].second.find("\"engine_version\"")),
            frames[1].second.substr(frames[1].second.find("\"engine_version\"")));
}

TEST_F(AnalyzeTool, serveWithMissingMapSaysSoInTheHelloFrame) {
  const std::string cmd = tool() + " --serve --map /nonexistent.dlmap < /dev/null > " + (dir_ / "responses").string();
  EXPECT_EQ(run(cmd), 2);
  const std::string bytes = read_file(dir_ / "responses");
  ASSERT_GE(bytes.size(), 12u);
  int32_t status = 0;
  std::memcpy(&status, bytes.data() + 4, 4);
  EXPECT_EQ(status, 2);
  EXPECT_NE(bytes.find("/nonexistent.dlmap"), std::string::npos);
}

TEST_F(AnalyzeTool, serveBrokenStreamEndsWithAnErrorFrame) {
  std::ofstream(dir_ / "requests", std::ios::binary) << "GARBAGE!";
  const std::string cmd = tool() + " --serve --map " + scenario_.path() + " < " + (dir_ / "requests").string() +
                          " > " + (dir_ / "responses").string() + " 2> /dev/null";
  EXPECT_EQ(run(cmd), 3);
  EXPECT_NE(read_file(dir_ / "responses").find("magic"), std::string::npos);
}

}  // namespace drivelog::tools
