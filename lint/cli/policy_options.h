#ifndef HUBLINT_CLI_POLICY_OPTIONS_H_
#define HUBLINT_CLI_POLICY_OPTIONS_H_

// The command-line side of the configuration: the flags of the policy stage
// for `check` and `scan`, and the one call that turns a command's parsed
// flags, the environment and the working directory into the effective
// Config (lint/config/precedence.h has the rules of precedence).
//
// Wiring a command:
//
//   .flags = {..., PolicyFlagSpecs()...},
//   ...
//   absl::StatusOr<Config> config = LoadEffectiveConfig(args, ctx.env, "");
//   if (!config.ok()) return ConfigError("check", config.status(), ctx);

#include <filesystem>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/cli/command.h"
#include "lint/cli/flags.h"
#include "lint/config/config.h"
#include "lint/config/precedence.h"
#include "lint/util/environment.h"

namespace hublint::cli {

// --config FILE, --no-config, --fail-on LEVEL, --fail-on-review,
// --fail-on-new, --baseline FILE.
std::vector<FlagSpec> PolicyFlagSpecs();

// --org NAME, --api-url URL, --rules PATH (repeatable), --format FMT and
// --output FILE (repeatable, paired in order): the other flags the
// configuration reads, for commands that do not declare them already.
std::vector<FlagSpec> ConfigOverrideFlagSpecs();

// The flags of `args` that the configuration reads; flags the command did
// not declare are simply absent.
FlagValues PolicyFlagValues(const ParsedArgs& args);

// ResolveConfig(PolicyFlagValues(args), env, working_directory): "" means
// the process's working directory. Errors are kInvalidArgument statuses
// whose message names file:line:col (with the line and a caret), the
// environment variable or the flag.
absl::StatusOr<Config> LoadEffectiveConfig(
    const ParsedArgs& args, const Environment& env,
    const std::filesystem::path& working_directory = "");

// Prints "hublint COMMAND: " and the error's message on ctx.err, and returns
// the usage exit code (2): a configuration error gives no verdict.
int ConfigError(std::string_view command, const absl::Status& status,
                CommandContext& ctx);

}  // namespace hublint::cli

#endif  // HUBLINT_CLI_POLICY_OPTIONS_H_
