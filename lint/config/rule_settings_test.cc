#include "lint/config/rule_settings.h"

#include <doctest/doctest.h>

#include "lint/config/config_file.h"
#include "lint/config/config_test_util.h"
#include "lint/rules/rule_loader.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

// A loaded rule with `params` (TOML lines) as its defaults.
Rule MakeRule(std::string_view id, std::string_view params) {
  std::string text = Cat("id = \"", id, R"("
title = "A rule"
level = "error"
security_severity = "5.0"
resource = "member"
check = "true"
message = "m"
help = "h"
[params]
)",
                         params);
  absl::StatusOr<Rule> rule =
      ParseRule(text, Cat("rules/dockerhub/", id, ".toml"));
  INFO(ToStd(rule.status().message()));
  REQUIRE(rule.ok());
  return *std::move(rule);
}

std::vector<Rule> Rules() {
  return {MakeRule("DH-MFA-001", ""),
          MakeRule("DH-ROLE-001",
                   "max_editors = 2\neditor_allowlist = []\nratio = 0.5\n"
                   "strict = false\ndomain = \"contoso.com\"\n"),
          MakeRule("DH-TOK-001", "")};
}

TEST_CASE("Enable, disable, levels and params are applied") {
  Config config = ParseTestConfig(R"toml([rules.DH-ROLE-001]
level = "warning"
params = { max_editors = 3, editor_allowlist = ["carol"], ratio = 1, strict = true, domain = "fabrikam.com" }

[rules.DH-TOK-001]
enabled = false

[rules.DH-MFA-001]
enabled = true
level = "note"
)toml");
  std::vector<Rule> rules = Rules();
  absl::Status status = ApplyRuleSettings(config, &rules);
  INFO(ToStd(status.message()));
  REQUIRE(status.ok());
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].info.id == "DH-MFA-001");
  CHECK(rules[0].info.level == Level::kNote);
  const Rule& role = rules[1];
  CHECK(role.info.level == Level::kWarning);
  CHECK(std::get<int64_t>(role.params.at("max_editors")) == 3);
  CHECK(std::get<std::vector<std::string>>(role.params.at(
            "editor_allowlist")) == std::vector<std::string>{"carol"});
  // An integer is accepted for a double parameter.
  CHECK(std::get<double>(role.params.at("ratio")) == 1.0);
  CHECK(std::get<bool>(role.params.at("strict")));
  CHECK(std::get<std::string>(role.params.at("domain")) == "fabrikam.com");
}

TEST_CASE("Every rule-settings error, word for word; nothing is applied") {
  struct {
    const char* name;
    const char* config;
    const char* error;
  } cases[] = {
      {"unknown rule", "[rules.DH-ROLE-01]\nlevel = \"note\"\n",
       ".hublint.toml:1:8: unknown rule `DH-ROLE-01`; did you mean "
       "`DH-ROLE-001`?\n"
       "[rules.DH-ROLE-01]\n"
       "       ^"},
      {"unknown parameter", "[rules.DH-ROLE-001]\nparams.max_editor = 3\n",
       ".hublint.toml:2:8: rule DH-ROLE-001 has no parameter `max_editor`; "
       "did you mean `max_editors`? (parameters: domain, editor_allowlist, "
       "max_editors, ratio, strict)\n"
       "params.max_editor = 3\n"
       "       ^"},
      {"a rule without parameters", "[rules.DH-MFA-001]\nparams.x = 1\n",
       ".hublint.toml:2:8: rule DH-MFA-001 has no parameters; `x` cannot be "
       "set\n"
       "params.x = 1\n"
       "       ^"},
      {"wrong type", "[rules.DH-ROLE-001]\nparams.max_editors = \"3\"\n",
       ".hublint.toml:2:22: parameter `max_editors` of DH-ROLE-001 is int, "
       "not string\n"
       "params.max_editors = \"3\"\n"
       "                     ^"},
      {"a double for an int", "[rules.DH-ROLE-001]\nparams.max_editors = 2.5\n",
       ".hublint.toml:2:22: parameter `max_editors` of DH-ROLE-001 is int, "
       "not double\n"
       "params.max_editors = 2.5\n"
       "                     ^"},
      {"a list for a string", "[rules.DH-ROLE-001]\nparams.domain = [\"a\"]\n",
       ".hublint.toml:2:17: parameter `domain` of DH-ROLE-001 is string, not "
       "list(string)\n"
       "params.domain = [\"a\"]\n"
       "                ^"},
      {"a waiver for an unknown rule, with a settings error",
       "[rules.DH-TOK-01]\nenabled = false\n\n[[waiver]]\nrule = "
       "\"DH-TOK-01\"\nresource = \"token:x\"\njustification = \"x\"\n",
       ".hublint.toml:1:8: unknown rule `DH-TOK-01`; did you mean "
       "`DH-TOK-001`?\n"
       "[rules.DH-TOK-01]\n"
       "       ^\n"
       ".hublint.toml:5:8: waiver names unknown rule `DH-TOK-01`; did you "
       "mean `DH-TOK-001`?\n"
       "rule = \"DH-TOK-01\"\n"
       "       ^"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    Config config = ParseTestConfig(c.config);
    std::vector<Rule> rules = Rules();
    absl::Status status = ApplyRuleSettings(config, &rules);
    CHECK(status.code() == absl::StatusCode::kInvalidArgument);
    CHECK(ToStd(status.message()) == c.error);
    CHECK(rules.size() == 3);
  }
}

TEST_CASE("Without a config file, nothing changes") {
  std::vector<Rule> rules = Rules();
  CHECK(ApplyRuleSettings(Config{}, &rules).ok());
  CHECK(rules.size() == 3);
  CHECK(std::get<int64_t>(rules[1].params.at("max_editors")) == 2);
}

}  // namespace
}  // namespace hublint
