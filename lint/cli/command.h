#ifndef HUBLINT_CLI_COMMAND_H_
#define HUBLINT_CLI_COMMAND_H_

// The subcommands of the hublint binary, one file each (check_command.cc,
// fetch_command.cc, ...), listed in one table (commands.cc) after ninja's
// kTools[].

#include <iosfwd>
#include <string>
#include <vector>

#include "lint/cli/flags.h"
#include "lint/model/org_state.h"
#include "lint/util/clock.h"
#include "lint/util/environment.h"

namespace hublint::cli {

// What a command may touch besides files: its streams, the environment and
// the clock. Tests run commands in-process with string streams and fakes.
struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  const Environment& env;
  Clock& clock;
  // Whether stdout / stderr are terminals (colour and progress lines are
  // only for terminals).
  bool out_is_terminal = false;
  bool err_is_terminal = false;
  // The process's own arguments (argv, null-terminated), for a command that
  // restarts the process (malloc_tuning.h); null in tests: no restart.
  char** argv = nullptr;
};

struct Command {
  std::string name;         // "check"
  std::string summary;      // one line, for `hublint --help`
  std::string usage;        // "hublint check [--state FILE] ..."
  std::string description;  // paragraphs for `hublint check --help`
  std::vector<FlagSpec> flags;
  // Runs the command; returns the process exit code (util/exit_code.h).
  int (*run)(const ParsedArgs& args, CommandContext& ctx);
};

// Every command, in the order `hublint --help` lists them.
const std::vector<Command>& AllCommands();

// Runs `hublint` with `args` (without the program name): dispatches to the
// command, handles --help, unknown commands and flag errors (exit 2).
int RunCli(const std::vector<std::string>& args, CommandContext& ctx);

// One constructor per command file.
Command CheckCommand();
Command FetchCommand();
Command ScanCommand();
Command RulesCommand();
Command EvalCommand();
Command VersionCommand();
Command ConfigCommand();

// The text of `hublint COMMAND --help`.
std::string CommandHelp(const Command& command);

// Prints "hublint COMMAND: message" and a pointer to --help on ctx.err;
// returns the usage exit code (2), for flag and argument errors.
int UsageError(std::string_view command, std::string_view message,
               CommandContext& ctx);

}  // namespace hublint::cli

#endif  // HUBLINT_CLI_COMMAND_H_
