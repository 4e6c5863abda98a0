#include "tests/tfplan/run_hublint.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint::testing {
namespace {

// Single-quotes `word` for sh.
std::string ShellQuote(const std::string& word) {
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

}  // namespace

RunResult RunHublint(const std::vector<std::string>& args,
                     const std::string& cwd) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              Cat("hublint-tfplan-test-", ::getpid());
  std::filesystem::create_directories(dir);
  std::string out_path = (dir / "out").string();
  std::string err_path = (dir / "err").string();
  std::string command = Cat("cd ", ShellQuote(cwd), " && ",
                            ShellQuote(HUBLINT_BINARY_DIR "/lint/cli/hublint"));
  for (const std::string& arg : args) Append(&command, " ", ShellQuote(arg));
  Append(&command, " </dev/null >", ShellQuote(out_path), " 2>",
         ShellQuote(err_path));
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(out_path).value_or("");
  result.err = ReadFile(err_path).value_or("");
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace hublint::testing
