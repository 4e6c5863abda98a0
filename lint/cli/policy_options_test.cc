#include "lint/cli/policy_options.h"

#include <doctest/doctest.h>

#include <sstream>

#include "lint/util/strings.h"

namespace hublint::cli {
namespace {

std::vector<FlagSpec> AllSpecs() {
  std::vector<FlagSpec> specs = PolicyFlagSpecs();
  for (FlagSpec& s : ConfigOverrideFlagSpecs()) specs.push_back(s);
  return specs;
}

TEST_CASE("Every policy flag reaches the configuration") {
  absl::StatusOr<ParsedArgs> args = ParseArgs({"--no-config",
                                               "--fail-on",
                                               "warning",
                                               "--fail-on-review",
                                               "--fail-on-new",
                                               "--baseline",
                                               "old.sarif",
                                               "--org",
                                               "fabrikam",
                                               "--api-url",
                                               "http://127.0.0.1:8080",
                                               "--rules",
                                               "a",
                                               "--rules",
                                               "b",
                                               "--format",
                                               "sarif",
                                               "--output",
                                               "out.sarif",
                                               "--format",
                                               "text"},
                                              AllSpecs());
  REQUIRE(args.ok());
  FlagValues flags = PolicyFlagValues(*args);
  CHECK(flags.no_config);
  CHECK_FALSE(flags.config.has_value());
  CHECK(flags.fail_on == "warning");
  CHECK(flags.fail_on_review);
  CHECK(flags.fail_on_new);
  CHECK(flags.baseline == "old.sarif");
  CHECK(flags.org == "fabrikam");
  CHECK(flags.api_url == "http://127.0.0.1:8080");
  CHECK(flags.rules == std::vector<std::string>{"a", "b"});
  CHECK(flags.formats == std::vector<std::string>{"sarif", "text"});
  CHECK(flags.outputs == std::vector<std::string>{"out.sarif"});

  FakeEnvironment env;
  absl::StatusOr<Config> config = LoadEffectiveConfig(*args, env);
  INFO(ToStd(config.status().message()));
  REQUIRE(config.ok());
  CHECK(config->fail_on.value == FailOn{Level::kWarning});
  CHECK(config->fail_on.from.ToString() == "flag --fail-on");
  CHECK(config->fail_on_new.value);
  CHECK(config->baseline.value == "old.sarif");
  CHECK(config->outputs.value ==
        std::vector<OutputSpec>{{Format::kSarif, "out.sarif"},
                                {Format::kText, "-"}});
}

TEST_CASE("A command without the override flags leaves them unset") {
  absl::StatusOr<ParsedArgs> args =
      ParseArgs({"--fail-on", "never"}, PolicyFlagSpecs());
  REQUIRE(args.ok());
  FlagValues flags = PolicyFlagValues(*args);
  CHECK_FALSE(flags.org.has_value());
  CHECK(flags.rules.empty());
  CHECK(flags.formats.empty());
  CHECK(flags.fail_on == "never");
}

TEST_CASE("A misspelled policy flag gets a suggestion") {
  absl::StatusOr<ParsedArgs> args =
      ParseArgs({"--fail-on-nwe"}, PolicyFlagSpecs());
  REQUIRE_FALSE(args.ok());
  CHECK(ToStd(args.status().message()) ==
        "unknown flag `--fail-on-nwe`; did you mean `--fail-on-new`?");
}

TEST_CASE("A configuration error prints the message and exits 2") {
  absl::StatusOr<ParsedArgs> args =
      ParseArgs({"--config", "x.toml", "--no-config"}, PolicyFlagSpecs());
  REQUIRE(args.ok());
  FakeEnvironment env;
  absl::StatusOr<Config> config = LoadEffectiveConfig(*args, env);
  REQUIRE_FALSE(config.ok());
  std::ostringstream out, err;
  FakeClock clock(absl::UnixEpoch());
  CommandContext ctx{out, err, env, clock};
  CHECK(ConfigError("check", config.status(), ctx) == 2);
  CHECK(err.str() ==
        "hublint check: flag --config: cannot be used with --no-config\n");
  CHECK(out.str().empty());
}

}  // namespace
}  // namespace hublint::cli
