#include <ostream>
#include <variant>

#include "lint/cli/check_pipeline.h"
#include "lint/cli/command.h"
#include "lint/cli/malloc_tuning.h"
#include "lint/cli/state_loading.h"
#include "lint/util/exit_code.h"
#include "lint/util/strings.h"

namespace hublint::cli {

namespace {

int RunCheck(const ParsedArgs& args, CommandContext& ctx) {
  if (!args.positional().empty()) {
    return UsageError("check",
                      Cat("unexpected argument `", args.positional()[0],
                          "`; give the state with --state FILE"),
                      ctx);
  }
  RestartWithMallocTuningIfWorthwhile(args, ctx);
  // Configuration and rules first: a mistake there is found before any
  // state is read.
  std::variant<CheckSetup, int> setup = PrepareCheck("check", args, ctx);
  if (int* code = std::get_if<int>(&setup)) return *code;
  std::variant<OrgState, int> state = LoadStateForCheck("check", args, ctx);
  if (int* code = std::get_if<int>(&state)) return *code;
  return RunChecks("check", std::get<OrgState>(std::move(state)),
                   std::get<CheckSetup>(setup), ctx);
}

}  // namespace

Command CheckCommand() {
  std::vector<FlagSpec> flags = {
      {"state", "FILE",
       "the snapshot or declared state to check ('-' for stdin)"},
      {"tfplan", "FILE",
       "a Terraform plan as JSON, checked as the organization will be (on "
       "--state, if given)"},
      {"tf-dir", "DIR",
       "where the plan's .tf files are, for locations (default: .)"},
  };
  for (FlagSpec& f : CheckFlags()) flags.push_back(std::move(f));
  return Command{
      .name = "check",
      .summary = "check an organization's state against the rules",
      .usage =
          "hublint check [--state FILE] [--tfplan FILE [--tf-dir DIR]] "
          "[options]",
      .description =
          "Reads the organization's state (a snapshot from `hublint fetch` or "
          "a\n"
          "hand-written declared state, format hublint/state/v1), or a "
          "Terraform\n"
          "plan of the docker/docker provider (`terraform show -json`), or "
          "the\n"
          "plan applied on a snapshot; checks it against the rules (the "
          "built-in\n"
          "packs, plus --rules), and reports the findings in every --format.\n",
      .flags = std::move(flags),
      .run = RunCheck,
  };
}

}  // namespace hublint::cli
