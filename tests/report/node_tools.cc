#include "tests/report/node_tools.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint::testing {

std::string ShellQuote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out.append("'\\''");
    } else {
      out.push_back(c);
    }
  }
  out.push_back('\'');
  return out;
}

std::string Node() { return ShellQuote(HUBLINT_NODE_EXECUTABLE); }

CommandResult RunInNodeDir(const std::string& command) {
  // Output goes to a file, not a pipe: node's process.exit() drops what is
  // still queued for a pipe, and the validator prints a line per note.
  static int counter = 0;
  std::filesystem::path log =
      std::filesystem::path(HUBLINT_BINARY_DIR) / "tests" / "report" /
      Cat("node-output-", ::getpid(), "-", counter++, ".txt");
  std::filesystem::create_directories(log.parent_path());
  std::string full = Cat("cd ", ShellQuote(HUBLINT_NODE_DIR), " && ", command,
                         " >", ShellQuote(log.string()), " 2>&1");
  CommandResult result;
  int status = std::system(full.c_str());
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  absl::StatusOr<std::string> output = ReadFile(log.string());
  result.output = output.ok() ? *output : output.status().ToString();
  std::filesystem::remove(log);
  return result;
}

std::string MissingNodePackage(std::string_view package) {
  std::filesystem::path dir = std::filesystem::path(HUBLINT_NODE_DIR) /
                              "node_modules" / std::string(package);
  if (std::filesystem::exists(dir / "package.json")) return "";
  return Cat("the npm package ", package, " is not installed in ",
             HUBLINT_NODE_DIR,
             "/node_modules: run `cd tests/node && npm ci` (the pinned "
             "versions are in tests/node/package-lock.json)");
}

std::string TestOutputDir(std::string_view name) {
  std::filesystem::path dir = std::filesystem::path(HUBLINT_BINARY_DIR) /
                              "tests" / "report" / std::string(name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace hublint::testing
