// The subcommands of drivelog-map. Each takes its arguments (after the subcommand name) and
// returns the process exit code: 0 success, 1 failure while working, 2 bad usage or bad input.
#pragma once

#include <string>
#include <vector>

namespace drivelog::tools::map {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitBadInput = 2;

int run_build(const std::vector<std::string>& args);
int run_info(const std::vector<std::string>& args);
int run_pages(const std::vector<std::string>& args);
int run_open_time(const std::vector<std::string>& args);
int run_legal(const std::vector<std::string>& args);
int run_bbox(const std::vector<std::string>& args);

}  // namespace drivelog::tools::map
