// Writes a simulated trip as files: the drive log `<trip>.csv` and the truth `<trip>.truth.json`
// (schema drivelog.truth/1, docs/RESULT_FORMAT.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/gps_sampler.hpp"
#include "sim/truth.hpp"

namespace drivelog::sim {

// `text` as a JSON string literal, quotes included (UTF-8 passes through; control characters escaped).
std::string json_quoted(const std::string& text);

// ISO-8601 UTC with milliseconds, e.g. 2026-11-21T08:00:00.000Z.
std::string iso8601_utc(int64_t epoch_ms);

// Which optional values the receiver reports (an empty field where it does not).
struct LogColumns {
  bool speed = true;
  bool heading = true;
  bool accuracy = true;
};

// Writes the log with header `time,lat,lon,speed,heading,accuracy`. Throws std::runtime_error
// naming the file when it cannot be written.
void write_log_csv(const std::filesystem::path& path, int64_t start_ms, const std::vector<GpsFix>& fixes,
                   LogColumns columns = {});

// Describes how the trip was made, stored in the truth file for reproducibility.
struct TruthHeader {
  std::string trip_id;
  int64_t start_ms = 0;
  uint64_t seed = 0;
  double hz = 0;
  double noise_m = 0;
};

// `gaps`: where the receiver recorded nothing, so that an evaluation can tell violations the log
// cannot show from violations the engine missed. `fixes`: their times go into `fix_times`, so that
// an evaluation can ask where each fix really was.
void write_truth_json(const std::filesystem::path& path, const TruthHeader& header, const Truth& truth,
                      const std::vector<ReceiverGap>& gaps, const std::vector<GpsFix>& fixes);

}  // namespace drivelog::sim
