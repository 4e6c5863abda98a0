#ifndef HUBLINT_RULES_RULE_SET_H_
#define HUBLINT_RULES_RULE_SET_H_

// RuleSet: rules compiled once. Compiling parses and type-checks every CEL
// expression of every rule (`when`, `check`, the `{{ }}` parts of
// `message`, `variables`) against the state's types (state_types.h), the
// rule's params and the resource kind, and compiles literal regexes.
// Mistakes are reported with the rule file's line and column:
//
//   rules/dockerhub/DH-MFA-001.toml:8:16: unknown field `two_factor` on
//   member; did you mean `two_factor_enabled`?
//   check = "member.two_factor == true"
//                   ^
//
// In scope of every expression: the resource (`member`, `token`, ... —
// nothing extra for org rules), `org` (the whole state), `params.<name>`,
// `variables.<name>` (earlier variables only, for a variable) and `now`
// (the state's collection time).

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/cel/env.h"
#include "lint/cel/program.h"
#include "lint/rules/rule.h"

namespace hublint {

// One part of a message template: literal text, or a compiled `{{ expr }}`.
struct MessagePart {
  std::string text;  // literal text, when !program
  std::shared_ptr<cel::Program> program;
};

struct CompiledRule {
  Rule rule;
  // The environment the expressions were compiled against, and the indexes
  // of its variables. Heap-allocated so programs can keep pointing at it.
  std::unique_ptr<cel::Env> env;
  int resource_var = -1;  // -1 for org rules
  int org_var = -1;
  int now_var = -1;
  std::vector<std::pair<std::string, int>> param_vars;     // name, index
  std::vector<std::pair<std::string, int>> variable_vars;  // name, index
  // Variables are compiled against an Env of their own (no resource).
  std::unique_ptr<cel::Env> variable_env;
  std::vector<cel::Program> variables;  // in rule.variables order
  std::optional<cel::Program> when;
  std::optional<cel::Program> check;  // always set in a compiled rule
  std::vector<MessagePart> message;
  // Whether `when`, `check` or a variable reads one of the organization's
  // collections (org.members, org.teams, ...): a state that shows only part
  // of the organization (source.partial_view) cannot answer such a rule,
  // which then gives review results. Rules that read only the resource
  // and org.settings are answered as usual.
  bool reads_whole_org = false;
};

// Whether `expression` selects one of the organization's collections from
// `org` (conservatively true when it does not parse).
bool ReadsOrgCollection(std::string_view expression);

class RuleSet {
 public:
  // Compiles `rules`. Every mistake of every rule is reported at once, one
  // diagnostic after another, as kInvalidArgument.
  static absl::StatusOr<RuleSet> Compile(std::vector<Rule> rules);

  const std::vector<CompiledRule>& rules() const { return rules_; }
  std::vector<CompiledRule>& mutable_rules() { return rules_; }
  // The rule with `id`, or nullptr.
  const CompiledRule* Find(std::string_view id) const;

 private:
  std::vector<CompiledRule> rules_;
};

// Splits a message template into literal text and `{{ expression }}` parts;
// returns the expressions' offsets in `text` too. An unclosed `{{` is an
// error at its offset.
struct TemplatePiece {
  bool is_expression = false;
  std::string text;   // literal text, or the expression
  size_t offset = 0;  // where it starts in the template
};
absl::StatusOr<std::vector<TemplatePiece>> SplitTemplate(std::string_view text,
                                                         size_t* error_offset);

}  // namespace hublint

#endif  // HUBLINT_RULES_RULE_SET_H_
