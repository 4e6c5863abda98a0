#include "lint/rules/rule_loader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "lint/util/strings.h"

namespace hublint {
namespace {

constexpr char kGoodRule[] = R"toml(id = "DH-MFA-001"
title = "Members have two-factor authentication"
level = "error"
security_severity = "8.0"
tags = ["security", "cis-ssc-1.0:1.3.5", "nist-800-53:IA-2(1)"]
resource = "member"
when = "!member.is_guest"
check = "member.two_factor_enabled == true"
message = "{{member.username}} has no two-factor authentication"
help = """
## What it flags
Members without 2FA.
"""

[params]
max_editors = 2
allowlist = ["carol"]
ratio = 0.5
strict = true
domain = "contoso.com"

[variables]
editors = "org.members.filter(m, m.role == 'editor').size()"

[[test]]
name = "flags a member without 2FA"
state = "fixtures/orgs/mfa-missing.json"
expect = ["member:bob", "member:erin"]

[[test]]
name = "silent on a compliant org"
state = "fixtures/orgs/compliant.json"
expect = []
params = { max_editors = 5 }

[[test]]
name = "a plan on a snapshot"
tfplan = "fixtures/tfplan/escalation/plan.json"
tf_dir = "fixtures/tfplan/escalation"
state = "fixtures/tfplan/acme-snapshot.json"
expect = ["member:bob"]
)toml";

TEST_CASE("Parses every field of a rule") {
  absl::StatusOr<Rule> rule =
      ParseRule(kGoodRule, "rules/dockerhub/DH-MFA-001.toml");
  INFO(ToStd(rule.status().message()));
  REQUIRE(rule.ok());
  CHECK(rule->info.id == "DH-MFA-001");
  CHECK(rule->info.name == "members-have-two-factor-authentication");
  CHECK(rule->info.level == Level::kError);
  CHECK(rule->info.security_severity == "8.0");
  CHECK(rule->info.tags.size() == 3);
  CHECK(rule->info.pack == "dockerhub");
  CHECK(rule->info.help_markdown == "## What it flags\nMembers without 2FA.\n");
  CHECK(rule->resource == ResourceKind::kMember);
  CHECK(rule->when.text == "!member.is_guest");
  CHECK(rule->check.text == "member.two_factor_enabled == true");
  // The check's first character is at line 8, column 10 of the file.
  CHECK(std::string_view(kGoodRule).substr(rule->check.FileOffset(0), 6) ==
        "member");
  CHECK(std::get<int64_t>(rule->params.at("max_editors")) == 2);
  CHECK(std::get<std::vector<std::string>>(rule->params.at("allowlist")) ==
        std::vector<std::string>{"carol"});
  CHECK(std::get<double>(rule->params.at("ratio")) == 0.5);
  CHECK(std::get<bool>(rule->params.at("strict")));
  CHECK(std::get<std::string>(rule->params.at("domain")) == "contoso.com");
  REQUIRE(rule->variables.size() == 1);
  CHECK(rule->variables[0].first == "editors");
  REQUIRE(rule->tests.size() == 3);
  CHECK(rule->tests[0].expect ==
        std::vector<std::string>{"member:bob", "member:erin"});
  CHECK(rule->tests[0].state == "fixtures/orgs/mfa-missing.json");
  CHECK(rule->tests[0].tfplan.empty());
  CHECK(rule->tests[1].expect.empty());
  CHECK(std::get<int64_t>(rule->tests[1].params.at("max_editors")) == 5);
  CHECK(rule->tests[2].tfplan == "fixtures/tfplan/escalation/plan.json");
  CHECK(rule->tests[2].tf_dir == "fixtures/tfplan/escalation");
  CHECK(rule->tests[2].state == "fixtures/tfplan/acme-snapshot.json");
  CHECK(rule->tests[2].expect == std::vector<std::string>{"member:bob"});
}

std::string Replace(std::string text, std::string_view from,
                    std::string_view to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

TEST_CASE("Every rejection, word for word") {
  struct {
    std::string name;
    std::string text;
    std::string error;
  } cases[] = {
      {"unknown key",
       Replace(kGoodRule, "level = \"error\"", "levl = \"error\""),
       "r/DH-MFA-001.toml:1:1: missing required key `level`\n"
       "id = \"DH-MFA-001\"\n^\n"
       "r/DH-MFA-001.toml:3:1: unknown key `levl`; did you mean `level`?\n"
       "levl = \"error\"\n^"},
      {"unknown level",
       Replace(kGoodRule, "level = \"error\"", "level = \"eror\""),
       "r/DH-MFA-001.toml:3:9: unknown level \"eror\": expected \"error\", "
       "\"warning\" or \"note\"; did you mean `error`?\n"
       "level = \"eror\"\n        ^"},
      {"id and file name", kGoodRule,
       "r/DH-MFA-002.toml:1:6: id `DH-MFA-001` does not match the file name "
       "`DH-MFA-002.toml`\n"
       "id = \"DH-MFA-001\"\n     ^"},
      {"severity", Replace(kGoodRule, "\"8.0\"", "\"high\""),
       "r/DH-MFA-001.toml:4:21: `security_severity` must be a number from 0.0 "
       "to 10.0 written as a string, like \"7.5\"; got \"high\"\n"
       "security_severity = \"high\"\n                    ^"},
      {"resource kind",
       Replace(kGoodRule, "resource = \"member\"", "resource = \"members\""),
       "r/DH-MFA-001.toml:6:12: unknown resource kind \"members\"; did you "
       "mean "
       "`member`? (one of org, member, team, repository, token, invite, "
       "integration)\n"
       "resource = \"members\"\n           ^"},
      {"wrong type",
       Replace(kGoodRule, "check = \"member.two_factor_enabled == true\"",
               "check = true"),
       "r/DH-MFA-001.toml:8:9: `check` must be a string\ncheck = true\n        "
       "^"},
      {"bad tag", Replace(kGoodRule, "\"security\",", "\"Security Tag\","),
       "r/DH-MFA-001.toml:5:9: tag \"Security Tag\" must be a word "
       "(\"security\") "
       "or framework:control (\"cis-ssc-1.0:1.3.5\")\n"
       "tags = [\"Security Tag\", \"cis-ssc-1.0:1.3.5\", "
       "\"nist-800-53:IA-2(1)\"]\n"
       "        ^"},
      {"two-line message",
       Replace(kGoodRule, "message = \"{{member.username}} has",
               "message = \"\"\"{{member.username}}\nhas"),
       ""},
      {"unknown test param",
       Replace(kGoodRule, "{ max_editors = 5 }", "{ max_editor = 5 }"),
       "r/DH-MFA-001.toml:34:12: unknown parameter `max_editor`; did you mean "
       "`max_editors`?\n"
       "params = { max_editor = 5 }\n           ^"},
      {"test param type",
       Replace(kGoodRule, "{ max_editors = 5 }", "{ max_editors = \"5\" }"),
       "r/DH-MFA-001.toml:34:26: parameter `max_editors` is int, not string\n"
       "params = { max_editors = \"5\" }\n                         ^"},
      {"bad expect", Replace(kGoodRule, "\"member:bob\", ", "\"bob\", "),
       "r/DH-MFA-001.toml:28:11: expected resource \"bob\" must be kind:key, "
       "like "
       "\"member:bob\"\n"
       "expect = [\"bob\", \"member:erin\"]\n          ^"},
      {"test without a state",
       Replace(kGoodRule, "state = \"fixtures/orgs/compliant.json\"\n", ""),
       "r/DH-MFA-001.toml:30:1: missing required key `state` (or `tfplan`) in "
       "[[test]]\n[[test]]\n^"},
      {"tf_dir without tfplan",
       Replace(kGoodRule, "state = \"fixtures/orgs/compliant.json\"",
               "state = \"fixtures/orgs/compliant.json\"\ntf_dir = \"tf\""),
       "r/DH-MFA-001.toml:33:10: `tf_dir` in [[test]] needs `tfplan`\n"
       "tf_dir = \"tf\"\n         ^"},
      {"misspelled test key", Replace(kGoodRule, "tfplan = ", "tfplna = "),
       "r/DH-MFA-001.toml:38:1: unknown key `tfplna` in [[test]]; did you mean "
       "`tfplan`?\n"
       "tfplna = \"fixtures/tfplan/escalation/plan.json\"\n^\n"
       "r/DH-MFA-001.toml:39:10: `tf_dir` in [[test]] needs `tfplan`\n"
       "tf_dir = \"fixtures/tfplan/escalation\"\n         ^"},
      {"TOML syntax",
       Replace(kGoodRule, "level = \"error\"", "level = = \"error\""),
       "r/DH-MFA-001.toml:3:9: Error while parsing value: could not determine "
       "value type\n"
       "level = = \"error\"\n        ^"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    std::string path = c.name == "id and file name" ? "r/DH-MFA-002.toml"
                                                    : "r/DH-MFA-001.toml";
    absl::StatusOr<Rule> rule = ParseRule(c.text, path);
    REQUIRE_FALSE(rule.ok());
    CHECK(rule.status().code() == absl::StatusCode::kInvalidArgument);
    if (!c.error.empty()) CHECK(ToStd(rule.status().message()) == c.error);
  }
}

TEST_CASE("LoadRules reads folders in order and refuses duplicate ids") {
  std::string dir =
      std::filesystem::temp_directory_path() / "hublint-rules-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/a");
  std::filesystem::create_directories(dir + "/b");
  std::ofstream(dir + "/a/DH-MFA-001.toml") << kGoodRule;
  std::ofstream(dir + "/b/DH-MFA-001.toml") << kGoodRule;
  absl::StatusOr<std::vector<Rule>> both = LoadRules({dir});
  REQUIRE_FALSE(both.ok());
  CHECK(ToStd(both.status().message()) ==
        Cat(dir,
            "/b/DH-MFA-001.toml: duplicate rule id `DH-MFA-001`, also defined "
            "in ",
            dir, "/a/DH-MFA-001.toml"));
  absl::StatusOr<std::vector<Rule>> one = LoadRules({dir + "/a"});
  REQUIRE(one.ok());
  CHECK(one->size() == 1);
  CHECK((*one)[0].info.pack == "a");
  CHECK(LoadRules({dir + "/missing"}).status().code() ==
        absl::StatusCode::kNotFound);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hublint
