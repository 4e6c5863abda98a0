#include "lint/rules/rule_set.h"

#include <doctest/doctest.h>

#include "lint/rules/rule_loader.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

std::string RuleText(std::string_view resource, std::string_view when,
                     std::string_view check, std::string_view message,
                     std::string_view extra = "") {
  return Cat(
      "id = \"T-RULE-001\"\ntitle = \"A test rule\"\nlevel = \"error\"\n",
      "security_severity = \"5.0\"\nresource = \"", resource, "\"\n",
      when.empty() ? std::string() : Cat("when = \"", when, "\"\n"),
      "check = \"", check, "\"\nmessage = \"", message, "\"\nhelp = \"h\"\n",
      extra);
}

absl::StatusOr<RuleSet> CompileOne(const std::string& text) {
  absl::StatusOr<Rule> rule = ParseRule(text, "rules/t/T-RULE-001.toml");
  if (!rule.ok()) return rule.status();
  std::vector<Rule> rules;
  rules.push_back(*std::move(rule));
  return RuleSet::Compile(std::move(rules));
}

TEST_CASE("Compiles when, check, message parts, params and variables") {
  absl::StatusOr<RuleSet> set = CompileOne(RuleText(
      "member", "!member.is_guest", "member.two_factor_enabled == true",
      "{{member.username}} ({{member.role}}) has no 2FA",
      "[params]\nmax = 2\nallow = [\"a\"]\n[variables]\n"
      "owners = \"org.members.filter(m, m.role == 'owner').size()\"\n"
      "too_many = \"variables.owners > params.max\"\n"));
  INFO(ToStd(set.status().message()));
  REQUIRE(set.ok());
  const CompiledRule& rule = set->rules()[0];
  CHECK(rule.when.has_value());
  CHECK(rule.message.size() == 4);  // part, text, part, text
  CHECK(rule.variables.size() == 2);
  CHECK(rule.param_vars.size() == 2);
}

TEST_CASE("CEL mistakes point at the rule file, word for word") {
  struct {
    std::string name;
    std::string text;
    std::string error;
  } cases[] = {
      {"unknown field",
       RuleText("member", "", "member.two_factor == true", "m"),
       "rules/t/T-RULE-001.toml:6:17: unknown field `two_factor` on member; "
       "did "
       "you mean `two_factor_enabled`?\n"
       "check = \"member.two_factor == true\"\n"
       "                ^"},
      {"not boolean", RuleText("member", "", "member.username", "m"),
       "rules/t/T-RULE-001.toml:6:10: expression must be of type `bool`, but "
       "is `string`\n"
       "check = \"member.username\"\n"
       "         ^"},
      {"resource not in scope",
       RuleText("token", "", "member.role == 'owner'", "m"),
       "rules/t/T-RULE-001.toml:6:10: undeclared reference to `member`\n"
       "check = \"member.role == 'owner'\"\n"
       "         ^"},
      {"unknown param",
       RuleText("org", "", "org.members.size() < params.maxx", "m",
                "[params]\nmax = 3\n"),
       ""},
      {"bad regex", RuleText("member", "", "member.username.matches('(')", "m"),
       ""},
      {"message expression", RuleText("member", "", "true", "{{member.nme}} x"),
       "rules/t/T-RULE-001.toml:7:21: unknown field `nme` on member\n"
       "message = \"{{member.nme}} x\"\n"
       "                    ^"},
      {"unclosed template",
       RuleText("member", "", "true", "{{member.username x"),
       "rules/t/T-RULE-001.toml:7:12: `{{` without a closing `}}`\n"
       "message = \"{{member.username x\"\n"
       "           ^"},
      {"variable sees no resource",
       RuleText("member", "", "variables.n > 0", "m",
                "[variables]\nn = \"member.teams.size()\"\n"),
       ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    absl::StatusOr<RuleSet> set = CompileOne(c.text);
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().code() == absl::StatusCode::kInvalidArgument);
    if (!c.error.empty()) CHECK(ToStd(set.status().message()) == c.error);
    CHECK(
        ToStd(set.status().message()).starts_with("rules/t/T-RULE-001.toml:"));
  }
}

TEST_CASE("SplitTemplate") {
  size_t error_offset = 0;
  absl::StatusOr<std::vector<TemplatePiece>> pieces =
      SplitTemplate("a {{x}} b{{ y.z }}", &error_offset);
  REQUIRE(pieces.ok());
  REQUIRE(pieces->size() == 4);
  CHECK((*pieces)[0].text == "a ");
  CHECK((*pieces)[1].is_expression);
  CHECK((*pieces)[1].text == "x");
  CHECK((*pieces)[1].offset == 4);
  CHECK((*pieces)[3].text == " y.z ");
  CHECK_FALSE(SplitTemplate("x {{ y", &error_offset).ok());
  CHECK(error_offset == 2);
}

}  // namespace
}  // namespace hublint
