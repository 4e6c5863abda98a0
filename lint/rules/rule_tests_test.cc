#include "lint/rules/rule_tests.h"

#include <doctest/doctest.h>

#include "lint/rules/rule_loader.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

RuleSet Compile(std::string_view tests) {
  absl::StatusOr<Rule> rule = ParseRule(
      Cat("id = \"T-RULE-001\"\ntitle = \"t\"\nlevel = \"warning\"\n"
          "security_severity = \"5.0\"\nresource = \"member\"\n"
          "check = \"member.role != 'owner'\"\n"
          "message = \"{{member.username}} is an owner\"\nhelp = \"h\"\n",
          tests),
      "rules/t/T-RULE-001.toml");
  INFO(ToStd(rule.status().message()));
  REQUIRE(rule.ok());
  std::vector<Rule> rules;
  rules.push_back(*std::move(rule));
  absl::StatusOr<RuleSet> set = RuleSet::Compile(std::move(rules));
  REQUIRE(set.ok());
  return *std::move(set);
}

// The outcomes of the test cases in `tests`, as `hublint rules test`
// prints them.
std::string Run(std::string_view tests) {
  return FormatRuleTestOutcomes(RunRuleTests(Compile(tests)));
}

TEST_CASE("Test cases run on a snapshot, a plan, or a plan on a snapshot") {
  CHECK(Run("[[test]]\nname = \"snapshot\"\n"
            "state = \"fixtures/orgs/compliant.json\"\n"
            "expect = [\"member:alice\", \"member:dan\"]\n"
            // The plan alone: alice is an owner, and bob becomes one.
            "[[test]]\nname = \"plan\"\n"
            "tfplan = \"fixtures/tfplan/escalation/plan.json\"\n"
            "tf_dir = \"fixtures/tfplan/escalation\"\n"
            "expect = [\"member:alice\", \"member:bob\"]\n"
            // On the snapshot, gina is an owner too.
            "[[test]]\nname = \"plan on snapshot\"\n"
            "tfplan = \"fixtures/tfplan/escalation/plan.json\"\n"
            "state = \"fixtures/tfplan/acme-snapshot.json\"\n"
            "expect = [\"member:alice\", \"member:bob\"]\n") ==
        "PASS T-RULE-001  snapshot\n"
        "PASS T-RULE-001  plan\n"
        "FAIL T-RULE-001  plan on snapshot\n"
        "  rules/t/T-RULE-001.toml:18: on "
        "fixtures/tfplan/escalation/plan.json (on "
        "fixtures/tfplan/acme-snapshot.json)\n"
        "    fired but not expected: member:gina (fail: gina is an owner)\n"
        "3 tests, 2 passed, 1 failed\n");
}

TEST_CASE("A plan that cannot be read fails its test with the reason") {
  CHECK(Run("[[test]]\nname = \"bad plan\"\n"
            "tfplan = \"fixtures/tfplan/bad-format-version/plan.json\"\n"
            "expect = []\n") ==
        "FAIL T-RULE-001  bad plan\n"
        "  rules/t/T-RULE-001.toml:9: on "
        "fixtures/tfplan/bad-format-version/plan.json\n"
        "    the state could not be read: "
        "fixtures/tfplan/bad-format-version/plan.json:2:21: unsupported plan "
        "format_version \"2.0\": hublint reads format 1.x (`terraform show "
        "-json` of Terraform 1.x)\n"
        "1 test, 0 passed, 1 failed\n");
}

}  // namespace
}  // namespace hublint
