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

int RunFetch(const ParsedArgs&, CommandContext& ctx) {
  return NotYet("fetch", ctx);
}
int RunScan(const ParsedArgs&, CommandContext& ctx) {
  return NotYet("scan", ctx);
}

}  // namespace

Command FetchCommand() {
  return Command{
      .name = "fetch",
      .summary = "collect an organization's state from the Docker Hub API",
      .usage = "hublint fetch --org NAME [--api-url URL] [--output FILE]",
      .description =
          "Collects the organization's live state into a snapshot.\n",
      .flags = {{"org", "NAME", "the organization"},
                {"api-url", "URL",
                 "the Docker Hub API (default https://hub.docker.com)"},
                {"output", "FILE",
                 "where to write the snapshot (default stdout)"}},
      .run = RunFetch,
  };
}

Command ScanCommand() {
  return Command{
      .name = "scan",
      .summary = "fetch, keep the snapshot, and check it",
      .usage = "hublint scan --org NAME [check options]",
      .description =
          "Fetches the organization's state, keeps the snapshot, and checks "
          "it.\n",
      .flags = {{"org", "NAME", "the organization"}},
      .run = RunScan,
  };
}

}  // namespace hublint::cli
