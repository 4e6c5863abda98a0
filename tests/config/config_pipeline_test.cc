// The configuration stages in the order the CLI runs them, on the example
// files: config -> rules -> rule settings -> state -> merge -> (the rule
// engine, stood in for by hand-made findings) -> policy -> exit code.

#include <doctest/doctest.h>

#include "lint/config/config_file.h"
#include "lint/config/policy.h"
#include "lint/config/precedence.h"
#include "lint/config/rule_settings.h"
#include "lint/config/state_merge.h"
#include "lint/rules/rule_loader.h"
#include "lint/state/snapshot_reader.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

Rule MakeRule(std::string_view id, std::string_view params) {
  absl::StatusOr<Rule> rule = ParseRule(
      Cat("id = \"", id,
          "\"\ntitle = \"t\"\nlevel = \"error\"\nsecurity_severity = "
          "\"5.0\"\nresource = \"member\"\ncheck = \"true\"\nmessage = "
          "\"m\"\nhelp = \"h\"\n[params]\n",
          params),
      Cat("rules/dockerhub/", id, ".toml"));
  REQUIRE(rule.ok());
  return *std::move(rule);
}

Finding MakeFinding(const Rule& rule, std::string resource) {
  Finding f;
  f.rule_id = rule.info.id;
  f.level = rule.info.level;
  f.resource = std::move(resource);
  return f;
}

TEST_CASE("From .hublint.toml to the exit code") {
  // 1. The effective configuration.
  FakeEnvironment env;
  env.Set("HUBLINT_FAIL_ON", "warning");
  FlagValues flags;
  flags.config = "fixtures/config/contoso.hublint.toml";
  absl::StatusOr<Config> config = ResolveConfig(flags, env, "");
  INFO(ToStd(config.status().message()));
  REQUIRE(config.ok());

  // 2. The rules (the lead loads the packs and rule_paths), then the
  // config's settings for them.
  std::vector<Rule> rules = {
      MakeRule("DH-MFA-001", ""),
      MakeRule("DH-ROLE-001", "max_editors = 1\neditor_allowlist = [\"x\"]\n")};
  REQUIRE(ApplyRuleSettings(*config, &rules).ok());
  CHECK(rules[1].info.level == Level::kWarning);
  CHECK(std::get<int64_t>(rules[1].params.at("max_editors")) == 2);

  // 3. The state, then what the config declares about it.
  absl::StatusOr<OrgState> state =
      ReadSnapshotFile("fixtures/orgs/editors-overused.json");
  REQUIRE(state.ok());
  absl::StatusOr<std::vector<Notification>> merged =
      MergeConfigIntoState(*config, &*state);
  INFO(ToStd(merged.status().message()));
  REQUIRE(merged.ok());
  CHECK(state->Finalize().empty());
  CHECK(state->FindMember("bob")->two_factor_enabled == false);  // Entra

  // 4. The engine's findings (by hand here).
  std::vector<Finding> findings = {MakeFinding(rules[0], "member:bob"),
                                   MakeFinding(rules[1], "member:carol"),
                                   MakeFinding(rules[1], "member:erin")};
  findings[1].level = findings[2].level = Level::kWarning;

  // 5. Policy, at a date before carol's waiver expires.
  absl::StatusOr<std::optional<Baseline>> baseline =
      LoadConfiguredBaseline(*config);
  REQUIRE(baseline.ok());
  absl::Time now =
      absl::FromCivil(absl::CivilDay(2026, 11, 20), absl::UTCTimeZone());
  PolicyResult policy =
      ApplyPolicy(*config, *baseline ? &**baseline : nullptr, now, &findings);
  CHECK_FALSE(findings[0].suppressed);
  CHECK(findings[1].suppressed);  // member:carol, waived
  CHECK(findings[1].justification == "release engineer until the 2027 reorg");
  std::vector<std::string> notes;
  for (const Notification& n : policy.notifications) {
    notes.push_back(FormatNotification(n));
  }
  CHECK(notes == std::vector<std::string>{
                     "hublint: warning: fixtures/config/contoso.hublint.toml:"
                     "60:1: waiver for DH-MFA-001 on member:svc-* (owner: "
                     "security) matched no finding; remove it if the finding "
                     "is fixed"});

  // 6. The exit code: bob's error and erin's warning fail at "warning".
  CHECK(ExitCodeFor(findings, FailPolicyOf(*config)) == ExitCode::kFindings);
  findings[0].suppressed = findings[2].suppressed = true;
  CHECK(ExitCodeFor(findings, FailPolicyOf(*config)) == ExitCode::kClean);
}

}  // namespace
}  // namespace hublint
