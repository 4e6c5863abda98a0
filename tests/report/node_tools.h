#ifndef HUBLINT_TESTS_REPORT_NODE_TOOLS_H_
#define HUBLINT_TESTS_REPORT_NODE_TOOLS_H_

// Running the pinned JavaScript tools of tests/node (the SARIF validator,
// real SARIF consumers) from C++ tests. A missing node_modules is a test
// failure that says how to install it, never a skip.

#include <string>
#include <string_view>

namespace hublint::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs `command` with /bin/sh in tests/node (so `require` finds its
// node_modules first, as validate-sarif.mjs expects).
CommandResult RunInNodeDir(const std::string& command);

// `text` in single quotes for /bin/sh.
std::string ShellQuote(std::string_view text);

// The node executable, quoted.
std::string Node();

// "" when tests/node/node_modules has `package`, else the failure message
// ("... run `cd tests/node && npm ci`").
std::string MissingNodePackage(std::string_view package);

// A directory for this test's files under the build tree, created empty.
std::string TestOutputDir(std::string_view name);

}  // namespace hublint::testing

#endif  // HUBLINT_TESTS_REPORT_NODE_TOOLS_H_
