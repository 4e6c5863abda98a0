#ifndef HUBLINT_RULES_RULE_DOCS_H_
#define HUBLINT_RULES_RULE_DOCS_H_

// The rule reference under docs/rules/, generated from the rule files and
// never edited by hand (clang-tidy's checks list, not hadolint's hand-kept
// table): one page per rule, docs/rules/<pack>/<ID>.md, and an index,
// docs/rules/index.md, and the reference of every CEL type and field rules
// can use, docs/rules/cel-reference.md, generated from the declarations in
// state_types.cc. `hublint rules docs` writes them; a test fails when the
// checked-in pages differ from what the code generates.

#include <map>
#include <string>
#include <vector>

#include "lint/rules/rule.h"

namespace hublint {

// The page of one rule: its facts (level, severity, resource, tags, file),
// its help (What it flags / Why it matters / How to fix / Exceptions /
// Parameters / References), the CEL it runs and its default parameters.
std::string RuleDocPage(const Rule& rule);

// The index: a table of every rule with level, severity, resource, tags and
// title, by pack, in id order.
std::string RuleIndexPage(const std::vector<Rule>& rules);

// The CEL reference: what is in scope (`org`, `now`, `params`, `variables`,
// the resource), then each type of state_types.h with its fields, their
// CEL types, whether each is unknowable or nullable, where the type is
// reached from, and a line about each.
std::string CelReferencePage();

// Every page keyed by its path relative to the docs folder
// ("rules/index.md", "rules/cel-reference.md",
// "rules/dockerhub/DH-MFA-001.md").
std::map<std::string, std::string> RuleDocPages(const std::vector<Rule>& rules);

// "high" for a security severity of 7.0 to 8.9, as GitHub rates it.
std::string_view SeverityRating(std::string_view security_severity);

}  // namespace hublint

#endif  // HUBLINT_RULES_RULE_DOCS_H_
