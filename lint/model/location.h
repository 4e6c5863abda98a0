#ifndef HUBLINT_MODEL_LOCATION_H_
#define HUBLINT_MODEL_LOCATION_H_

#include <cstdint>

namespace hublint {

// Where a resource was declared: a file of OrgState::source_files and a
// 1-based line and column in it. Every finding points here, so SARIF viewers
// and pull-request annotations land on the right line. line == 0 means the
// resource has no position (it was built in memory).
struct Location {
  uint32_t file = 0;  // index into OrgState::source_files
  uint32_t line = 0;
  uint32_t column = 0;

  bool known() const { return line != 0; }
  bool operator==(const Location&) const = default;
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_LOCATION_H_
