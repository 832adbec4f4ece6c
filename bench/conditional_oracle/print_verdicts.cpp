// Prints, per line of a file of conditional values, OK or NO (with the reason) as drivelog's
// parser judges it; bench/conditional-oracle.sh compares that with the Java parsers.
#include <fstream>
#include <iostream>
#include <string>

#include "legal/conditional.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: print_verdicts FILE\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 1;
  }
  std::string line;
  while (std::getline(in, line)) {
    const auto parsed = drivelog::legal::parse_conditional(line);
    std::cout << (parsed.value ? "OK" : "NO") << "\t" << parsed.error << "\t" << line << "\n";
  }
  return 0;
}
