#ifndef HUBLINT_CLI_CHECK_PIPELINE_H_
#define HUBLINT_CLI_CHECK_PIPELINE_H_

// The pipeline of `hublint check` (and of `scan` after it fetched the state):
//
//   config ──► rules ──► state ──► merge ──► engine ──► policy ──► reports
//   (.hublint   (packs,    (--state,  (config    (CEL)     (waivers,  (every
//    .toml,      --rules,   --tfplan,  integra-             baseline, --format/
//    env,        [rules.*]  or fetch)  tions,               fail-on) --output)
//    flags)      settings)             MFA, SSO)
//
// Everything that can be checked before the state is read is checked first
// (config, rules, baseline, output flags: exit 2), so a scheduled scan does
// not fetch an organization only to fail on a typo.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/cli/command.h"
#include "lint/cli/output_options.h"
#include "lint/config/baseline.h"
#include "lint/config/config.h"
#include "lint/rules/rule_set.h"

namespace hublint::cli {

// The flags every command that checks a state takes besides where the state
// comes from: --rules, --allow-partial, the output flags and the policy
// flags.
std::vector<FlagSpec> CheckFlags();

// What is known before the state is read.
struct CheckSetup {
  Config config;
  RuleSet rules;
  OutputOptions outputs;
  std::optional<Baseline> baseline;
  bool allow_partial = false;
  absl::Time start_time;
};

// Reads the configuration, loads and compiles the rules, reads the baseline
// and the output flags. On failure prints the error and returns the exit
// code (2) instead.
std::variant<CheckSetup, int> PrepareCheck(std::string_view command,
                                           const ParsedArgs& args,
                                           CommandContext& ctx);

// Checks `state` and writes the reports; returns the exit code.
int RunChecks(std::string_view command, OrgState state, const CheckSetup& setup,
              CommandContext& ctx);

// Where the built-in rule packs are: $HUBLINT_RULES_DIR, else
// <prefix>/share/hublint/rules beside the installed binary, else the source
// tree's rules/ folder (a build that was not installed).
std::string BuiltinRulesDir(const Environment& env);

// Loads the built-in packs `packs` and the extra `paths`.
absl::StatusOr<std::vector<Rule>> LoadRulePacks(
    const std::string& builtin_dir, const std::vector<std::string>& packs,
    const std::vector<std::string>& paths);

}  // namespace hublint::cli

#endif  // HUBLINT_CLI_CHECK_PIPELINE_H_
