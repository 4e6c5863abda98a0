#ifndef HUBLINT_TESTS_TESTING_RUN_HUBLINT_H_
#define HUBLINT_TESTS_TESTING_RUN_HUBLINT_H_

// Runs the real hublint binary (or any program) the way a user or CI would,
// capturing its exit code, standard output and standard error.

#include <map>
#include <string>
#include <vector>

namespace hublint::testing {

struct RunResult {
  int exit_code = -1;  // -1 when the program did not exit normally
  std::string out;
  std::string err;
};

// The path of the built hublint binary.
std::string HublintPath();

// Runs `program` with `args` in `working_directory` (the source root when
// empty), with the current environment plus `env` (a value of "" unsets
// the variable), feeding `stdin_text` on standard input.
RunResult RunProgram(const std::string& program,
                     const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env = {},
                     const std::string& working_directory = "",
                     const std::string& stdin_text = "");

// RunProgram(HublintPath(), args, env, working_directory).
RunResult RunHublint(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env = {},
                     const std::string& working_directory = "");

// RunHublint in `working_directory` (relative to the source root, where
// tests run), with the current environment.
inline RunResult RunHublint(const std::vector<std::string>& args,
                            const std::string& working_directory) {
  return RunHublint(args, {}, working_directory);
}

}  // namespace hublint::testing

#endif  // HUBLINT_TESTS_TESTING_RUN_HUBLINT_H_
