#ifndef HUBLINT_RULES_RULE_LOADER_H_
#define HUBLINT_RULES_RULE_LOADER_H_

// Reads rule files: TOML syntax, required fields, types and allowed values,
// the id against the file name, and unique ids across packs. Every mistake
// is a diagnostic with file:line:col, the source line and a caret, and a
// suggestion where one helps:
//
//   rules/dockerhub/DH-MFA-001.toml:3:1: unknown key `levl`; did you mean
//   `level`? levl = "error"
//   ^
//
// Errors are kInvalidArgument (a bad rule is a configuration error: exit
// 2); a file that cannot be read keeps ReadFile()'s code. All the mistakes
// of one file are reported together, one diagnostic per line group.
//
// The CEL in `when`, `check`, `message` and `variables` is only read here;
// rule_set.h compiles and type-checks it.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/rules/rule.h"

namespace hublint {

// Parses the rule in `text`; `path` names it in diagnostics, its stem must
// equal the rule's id, and its parent folder is the rule's pack.
absl::StatusOr<Rule> ParseRule(std::string text, const std::string& path);

// Reads and parses the rule file at `path`.
absl::StatusOr<Rule> LoadRuleFile(const std::string& path);

// Loads every rule under `paths`: each is a .toml file or a folder searched
// recursively for *.toml files (in sorted order, so the result is
// deterministic). Ids must be unique across everything loaded; a duplicate
// is reported with both files.
absl::StatusOr<std::vector<Rule>> LoadRules(
    const std::vector<std::string>& paths);

}  // namespace hublint

#endif  // HUBLINT_RULES_RULE_LOADER_H_
