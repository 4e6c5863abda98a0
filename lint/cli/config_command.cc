// `hublint config show`: the effective configuration and where each value
// comes from.

#include <ostream>

#include "lint/cli/command.h"
#include "lint/cli/policy_options.h"
#include "lint/config/config_show.h"
#include "lint/util/exit_code.h"
#include "lint/util/spelling.h"
#include "lint/util/strings.h"

namespace hublint::cli {
namespace {

int RunConfig(const ParsedArgs& args, CommandContext& ctx) {
  const std::vector<std::string>& words = args.positional();
  if (words.empty()) {
    return UsageError("config", "expected a subcommand: show", ctx);
  }
  if (words[0] != "show") {
    return UsageError("config",
                      Cat("unknown subcommand `", words[0], "`",
                          DidYouMean(words[0], {"show"})),
                      ctx);
  }
  if (words.size() > 1) {
    return UsageError("config", Cat("unexpected argument `", words[1], "`"),
                      ctx);
  }
  absl::StatusOr<Config> config = LoadEffectiveConfig(args, ctx.env);
  if (!config.ok()) return ConfigError("config", config.status(), ctx);
  ctx.out << ShowConfig(*config);
  return static_cast<int>(ExitCode::kClean);
}

std::vector<FlagSpec> ConfigFlags() {
  std::vector<FlagSpec> flags = PolicyFlagSpecs();
  for (FlagSpec& spec : ConfigOverrideFlagSpecs()) {
    flags.push_back(std::move(spec));
  }
  return flags;
}

}  // namespace

Command ConfigCommand() {
  return Command{
      .name = "config",
      .summary = "show the effective configuration and where it comes from",
      .usage = "hublint config show [--config FILE] [--no-config] [options]",
      .description =
          "Prints the effective configuration as TOML: the config file\n"
          "(.hublint.toml in the working directory or a parent, or --config),\n"
          "overridden by HUBLINT_* environment variables, overridden by the\n"
          "flags. Each value is followed by where it comes from. The flags\n"
          "are those of `hublint check`, so you can see what a run would "
          "use.\n",
      .flags = ConfigFlags(),
      .run = RunConfig,
  };
}

}  // namespace hublint::cli
