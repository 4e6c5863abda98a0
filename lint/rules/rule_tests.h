#ifndef HUBLINT_RULES_RULE_TESTS_H_
#define HUBLINT_RULES_RULE_TESTS_H_

// Runs the [[test]] cases embedded in rule files (`hublint rules test`, and
// the rule pack's ctest): each case evaluates its rule on a state file,
// with its params, and passes when exactly the expected resources fire
// (fail or review) and nothing else does, after semgrep's `ruleid:`
// semantics.

#include <string>
#include <vector>

#include "lint/rules/rule_set.h"

namespace hublint {

struct RuleTestOutcome {
  std::string rule_id;
  std::string rule_path;
  std::string test_name;
  std::string state;   // the state file as written in the test, or ""
  std::string tfplan;  // the plan as written in the test, or ""
  uint32_t line = 0;   // of the [[test]] table in the rule file
  bool passed = false;
  // Resources that fired but were not expected, with what they said
  // ("token:abc (fail: ...)"), and expected resources that stayed silent.
  std::vector<std::string> unexpected;
  std::vector<std::string> missing;
  std::string error;  // the state could not be read
};

// Runs every test of every rule in `rules`. State, plan and `tf_dir` paths
// are relative to the working directory, or else to the repository the rule
// file sits in (two folders above it, rules/<pack>/ID.toml). Each state is
// read once; a plan is read as `hublint check --tfplan` reads it, on the
// test's `state` when it has one.
std::vector<RuleTestOutcome> RunRuleTests(const RuleSet& rules);

// The outcomes as `hublint rules test` prints them: a line per test
// (PASS/FAIL), the differences under each failure, and a summary line.
std::string FormatRuleTestOutcomes(
    const std::vector<RuleTestOutcome>& outcomes);

}  // namespace hublint

#endif  // HUBLINT_RULES_RULE_TESTS_H_
