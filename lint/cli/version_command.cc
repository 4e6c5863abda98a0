#include <ostream>

#include "lint/cli/command.h"
#include "lint/util/exit_code.h"

#ifndef HUBLINT_VERSION
#define HUBLINT_VERSION "0.0.0"
#endif

namespace hublint::cli {
namespace {

int RunVersion(const ParsedArgs& args, CommandContext& ctx) {
  if (!args.positional().empty()) {
    return UsageError("version", "takes no arguments", ctx);
  }
  ctx.out << "hublint " << HUBLINT_VERSION << "\n";
  return static_cast<int>(ExitCode::kClean);
}

}  // namespace

Command VersionCommand() {
  return Command{
      .name = "version",
      .summary = "print the version",
      .usage = "hublint version",
      .description = "Prints hublint's version.\n",
      .flags = {},
      .run = RunVersion,
  };
}

}  // namespace hublint::cli
