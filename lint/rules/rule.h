#ifndef HUBLINT_RULES_RULE_H_
#define HUBLINT_RULES_RULE_H_

// Rule: one declarative check, as written in one TOML file under
// rules/<pack>/<ID>.toml (the format is documented in docs/writing-rules.md).
//
//   id = "DH-MFA-001"
//   title = "Members have two-factor authentication"
//   level = "error"                 # error | warning | note
//   security_severity = "8.0"
//   tags = ["security", "cis-ssc-1.0:1.3.5"]
//   resource = "member"             # the kind of resource the rule iterates
//   when = "!member.is_guest"       # optional filter (CEL, bool)
//   check = "member.two_factor_enabled == true"   # holds when compliant
//   message = "{{member.username}} has no two-factor authentication"
//   help = """Markdown"""
//   [params]                        # defaults; the config may override them
//   [variables]                     # CEL values computed once per run
//   [[test]]                        # embedded test cases:
//   name = "..."                    #   state = "snapshot.json", or
//   expect = ["member:bob"]         #   tfplan = "plan.json" (+ tf_dir,
//                                   #   state = the snapshot beneath)
//
// A Rule holds the text as written and where each piece came from, so that
// every later error (a CEL type error, a bad regex) points at the file,
// line and column. Compiling the CEL is the engine's job (rule_set.h).

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "lint/findings/rule_info.h"
#include "lint/model/org_state.h"
#include "lint/toml/toml_string_source.h"

namespace hublint {

// A parameter value. Its type is fixed by the default in [params]; the
// config file's overrides must have the same type.
using ParamValue =
    std::variant<bool, int64_t, double, std::string, std::vector<std::string>>;

// "bool", "int", "double", "string", "list(string)".
std::string_view ParamTypeName(const ParamValue& value);

// An embedded test case: run the rule on a state, with `params` overriding
// the rule's defaults; exactly the resources in `expect` must fire (fail or
// review), nothing else. Paths are relative to the repository root.
//
// The state is a snapshot or declared state (`state`), or a Terraform plan
// (`tfplan`), read as `hublint check --tfplan` reads it: with `tf_dir`, the
// plan's `.tf` files, for locations; with `state` too, the snapshot the
// plan's changes are applied onto (else the plan alone, a partial view).
struct RuleTestCase {
  std::string name;
  std::string state;                // empty only when `tfplan` is set
  std::string tfplan;               // empty: no plan
  std::string tf_dir;               // only with `tfplan`
  std::vector<std::string> expect;  // "member:bob", ...
  std::map<std::string, ParamValue> params;
  uint32_t file_offset = 0;  // where the [[test]] table starts
};

struct Rule {
  RuleInfo info;  // id, title, level, severity, tags, help, pack, ...
  ResourceKind resource = ResourceKind::kOrg;
  // Empty `when.text` means the rule applies to every resource of its kind.
  ExpressionSource when;
  ExpressionSource check;
  // The message template: text with {{ expression }} parts.
  ExpressionSource message;
  // Named CEL expressions over `org`, `params` and `now` only, evaluated
  // once per run and seen by `when`, `check` and `message` as
  // `variables.<name>` (like Kubernetes ValidatingAdmissionPolicy
  // variables): how a per-resource rule uses an organization-wide count
  // without becoming quadratic. In file order.
  std::vector<std::pair<std::string, ExpressionSource>> variables;
  std::map<std::string, ParamValue> params;  // the defaults
  std::vector<RuleTestCase> tests;

  // The file the rule came from, as given (e.g. "rules/dockerhub/X.toml"),
  // and its text, for diagnostics.
  std::string path;
  std::string source_text;
};

}  // namespace hublint

#endif  // HUBLINT_RULES_RULE_H_
