// Commands whose stage has not landed yet. Each answers --help and says
// plainly that it is not available, with the usage exit code.

#include <ostream>

#include "lint/cli/command.h"
#include "lint/util/exit_code.h"

namespace hublint::cli {
namespace {

int NotYet(const char* name, CommandContext& ctx) {
  ctx.err << "hublint " << name << ": not available in this build yet\n";
  return static_cast<int>(ExitCode::kUsage);
}

int RunRules(const ParsedArgs&, CommandContext& ctx) {
  return NotYet("rules", ctx);
}
int RunEval(const ParsedArgs&, CommandContext& ctx) {
  return NotYet("eval", ctx);
}

}  // namespace

Command RulesCommand() {
  return Command{
      .name = "rules",
      .summary = "list, show, test and document the rules",
      .usage =
          "hublint rules list | show ID | test [PATH...] | docs [--output DIR]",
      .description = "Works with the rule packs.\n",
      .flags = {},
      .run = RunRules,
  };
}

Command EvalCommand() {
  return Command{
      .name = "eval",
      .summary = "evaluate a CEL expression against a state",
      .usage = "hublint eval [--state FILE] EXPR",
      .description =
          "Prints the value of a CEL expression, for rule authors.\n",
      .flags = {{"state", "FILE", "the state the expression sees"}},
      .run = RunEval,
  };
}

}  // namespace hublint::cli
