#ifndef HUBLINT_TESTS_TFPLAN_RUN_HUBLINT_H_
#define HUBLINT_TESTS_TFPLAN_RUN_HUBLINT_H_

// Runs the real hublint binary of this build, as CI would.

#include <string>
#include <vector>

namespace hublint::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `hublint args...` in directory `cwd` (relative to the repository
// root, where tests run) with no standard input.
RunResult RunHublint(const std::vector<std::string>& args,
                     const std::string& cwd = ".");

}  // namespace hublint::testing

#endif  // HUBLINT_TESTS_TFPLAN_RUN_HUBLINT_H_
