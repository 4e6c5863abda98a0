#ifndef HUBLINT_RULES_ENGINE_H_
#define HUBLINT_RULES_ENGINE_H_

// The engine: evaluates a RuleSet over an OrgState and returns findings.
//
// For each rule and each resource of its kind: `when` false skips the
// resource; `check` true passes; `check` false is a finding of kind fail
// with the rendered message; a `when` or `check` that needs an unknown fact
// is a finding of kind review that names the fact ("two_factor_enabled of
// member:gina is unknown"); a `when` or `check` that fails to evaluate (an
// error value) is a review with the error, and never stops the other
// resources or rules. Findings come out in FindingLess order, so the same
// state always gives the same findings.

#include <map>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "lint/findings/finding.h"
#include "lint/model/org_state.h"
#include "lint/rules/rule_set.h"

namespace hublint {

// Longest message a finding carries, in bytes. A template that renders
// more (a list of every member, say) is cut at a character boundary and
// ends with " …(N more bytes)", so one rule cannot blow up a report.
inline constexpr size_t kMaxMessageBytes = 4096;

struct EvaluationOptions {
  // What `now` is. Default: the state's collected_at, or, when the state
  // has none, this fallback (the time of the run).
  absl::Time fallback_now = absl::UnixEpoch();
  // Parameter overrides per rule id (from the config file or a test case),
  // already type-checked against the rule's declared params.
  std::map<std::string, std::map<std::string, ParamValue>> params;
  // Level overrides per rule id.
  std::map<std::string, Level> levels;
  // The directory paths in findings are made relative to (the repository
  // root); empty: the current working directory.
  std::string root;
  // Worker threads; 0 picks the number of cores (rules, and a rule's
  // resources in pieces of 4,096, are shared between them; the result does
  // not depend on it).
  int threads = 0;
};

std::vector<Finding> Evaluate(const RuleSet& rules, const OrgState& state,
                              const EvaluationOptions& options = {});

// Evaluates one rule only (for `hublint rules test`).
std::vector<Finding> EvaluateRule(const CompiledRule& rule,
                                  const OrgState& state,
                                  const EvaluationOptions& options = {});

// A state file path as a repository-relative URI with forward slashes:
// "fixtures/orgs/x.json". Absolute paths under `root` (or the working
// directory) are made relative; others are kept.
std::string RepositoryUri(const std::string& path, const std::string& root);

// "contoso/members/alice" for member:alice of org contoso; "contoso" for
// the org itself.
std::string LogicalName(std::string_view org, ResourceKind kind,
                        std::string_view key);

}  // namespace hublint

#endif  // HUBLINT_RULES_ENGINE_H_
