#include "lint/cli/policy_options.h"

#include <ostream>

#include "lint/util/exit_code.h"
#include "lint/util/strings.h"

namespace hublint::cli {

std::vector<FlagSpec> PolicyFlagSpecs() {
  return {
      {"config", "FILE",
       "the config file (default: .hublint.toml here or in a parent)"},
      {"no-config", "", "read no config file"},
      {"fail-on", "LEVEL",
       "fail (exit 1) on findings at or above: error (default), warning, "
       "note, never"},
      {"fail-on-review", "",
       "review results (undecidable checks) fail the run too"},
      {"fail-on-new", "", "only findings not in the baseline fail the run"},
      {"baseline", "FILE",
       "a SARIF log of an earlier run: mark results new, unchanged, absent"},
  };
}

std::vector<FlagSpec> ConfigOverrideFlagSpecs() {
  return {
      {"org", "NAME", "the organization"},
      {"api-url", "URL", "the Docker Hub API (default https://hub.docker.com)"},
      {"rules", "PATH", "extra rule files or folders", /*repeatable=*/true},
      {"format", "FMT", "text, sarif, json, markdown, junit or github",
       /*repeatable=*/true},
      {"output", "FILE", "where the matching --format goes ('-': stdout)",
       /*repeatable=*/true},
  };
}

FlagValues PolicyFlagValues(const ParsedArgs& args) {
  FlagValues flags;
  flags.config = args.Value("config");
  flags.no_config = args.Has("no-config");
  flags.org = args.Value("org");
  flags.api_url = args.Value("api-url");
  flags.rules = args.Values("rules");
  flags.formats = args.Values("format");
  flags.outputs = args.Values("output");
  flags.fail_on = args.Value("fail-on");
  flags.fail_on_review = args.Has("fail-on-review");
  flags.fail_on_new = args.Has("fail-on-new");
  flags.baseline = args.Value("baseline");
  return flags;
}

absl::StatusOr<Config> LoadEffectiveConfig(
    const ParsedArgs& args, const Environment& env,
    const std::filesystem::path& working_directory) {
  return ResolveConfig(PolicyFlagValues(args), env, working_directory);
}

int ConfigError(std::string_view command, const absl::Status& status,
                CommandContext& ctx) {
  ctx.err << "hublint " << command << ": " << ToStd(status.message()) << "\n";
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace hublint::cli
