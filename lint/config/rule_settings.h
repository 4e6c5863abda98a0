#ifndef HUBLINT_CONFIG_RULE_SETTINGS_H_
#define HUBLINT_CONFIG_RULE_SETTINGS_H_

// Applies the config's [rules.<ID>] tables to the loaded rules:
//
//   [rules.DH-ROLE-001]
//   enabled = true              # false drops the rule from the run
//   level = "warning"           # error | warning | note
//   params = { max_editors = 3, editor_allowlist = ["carol"] }
//
// Each table must name a loaded rule, and each parameter one the rule
// declares in its [params], with the same type ("bool", "int", "double",
// "string", "list(string)"; an integer is accepted for a double). Waivers'
// rule ids are checked against the loaded rules here too. Every mistake is
// a diagnostic at the config file's line, with a suggestion:
//
//   .hublint.toml:9:8: unknown rule `DH-ROLE-01`; did you mean
//   `DH-ROLE-001`?
//
// all reported together, as kInvalidArgument (exit 2). On error `rules` is
// left unchanged.

#include <vector>

#include "absl/status/status.h"
#include "lint/config/config.h"
#include "lint/rules/rule.h"

namespace hublint {

absl::Status ApplyRuleSettings(const Config& config, std::vector<Rule>* rules);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_RULE_SETTINGS_H_
