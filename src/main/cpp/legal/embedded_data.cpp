#include "legal/embedded_data.hpp"

// The files are pulled in by the assembler (.incbin); CMake passes their absolute paths and
// rebuilds this file when one changes (OBJECT_DEPENDS).
#define DRIVELOG_EMBED(symbol, path)                                   \
  __asm__(".section .rodata\n"                                         \
          ".balign 16\n"                                               \
          ".global " #symbol "_begin\n"                                \
          ".hidden " #symbol "_begin\n" #symbol "_begin:\n"            \
          ".incbin \"" path "\"\n"                                     \
          ".global " #symbol "_end\n"                                  \
          ".hidden " #symbol "_end\n" #symbol "_end:\n"                \
          ".byte 0\n"                                                  \
          ".previous\n");                                              \
  extern "C" const char symbol##_begin[];                              \
  extern "C" const char symbol##_end[];

DRIVELOG_EMBED(drivelog_legal_default_speeds, DRIVELOG_LEGAL_DEFAULT_SPEEDS_JSON)
DRIVELOG_EMBED(drivelog_country_boundaries, DRIVELOG_COUNTRY_BOUNDARIES_SER)
DRIVELOG_EMBED(drivelog_date_effective_rules, DRIVELOG_DATE_EFFECTIVE_RULES_JSON)

namespace drivelog::legal::embedded {

std::string_view legal_default_speeds_json() {
  return {drivelog_legal_default_speeds_begin, static_cast<std::size_t>(drivelog_legal_default_speeds_end - drivelog_legal_default_speeds_begin)};
}
std::string_view country_boundaries_ser() {
  return {drivelog_country_boundaries_begin, static_cast<std::size_t>(drivelog_country_boundaries_end - drivelog_country_boundaries_begin)};
}
std::string_view date_effective_rules_json() {
  return {drivelog_date_effective_rules_begin,
          static_cast<std::size_t>(drivelog_date_effective_rules_end - drivelog_date_effective_rules_begin)};
}

}  // namespace drivelog::legal::embedded
