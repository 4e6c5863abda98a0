// The built-in rule pack (rules/), as `hublint rules test` and `hublint
// rules docs` see it.

#include <doctest/doctest.h>

#include "lint/rules/rule_docs.h"
#include "lint/rules/rule_loader.h"
#include "lint/rules/rule_set.h"
#include "lint/rules/rule_tests.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

std::vector<Rule> BuiltinRules() {
  absl::StatusOr<std::vector<Rule>> rules = LoadRules({"rules"});
  INFO(ToStd(rules.status().message()));
  REQUIRE(rules.ok());
  return *std::move(rules);
}

TEST_CASE("Every embedded test case of the built-in pack passes") {
  absl::StatusOr<RuleSet> set = RuleSet::Compile(BuiltinRules());
  INFO(ToStd(set.status().message()));
  REQUIRE(set.ok());
  std::vector<RuleTestOutcome> outcomes = RunRuleTests(*set);
  CHECK(outcomes.size() >= set->rules().size() * 2);
  for (const RuleTestOutcome& o : outcomes) {
    INFO(FormatRuleTestOutcomes({o}));
    CHECK(o.passed);
  }
}

TEST_CASE("docs/rules is what `hublint rules docs` generates") {
  for (const auto& [path, text] : RuleDocPages(BuiltinRules())) {
    CAPTURE(path);
    absl::StatusOr<std::string> checked_in = ReadFile(Cat("docs/", path));
    INFO("run `hublint rules docs` and commit docs/rules/");
    REQUIRE(checked_in.ok());
    CHECK(*checked_in == text);
  }
}

}  // namespace
}  // namespace hublint
