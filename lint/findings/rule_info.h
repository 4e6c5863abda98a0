#ifndef HUBLINT_FINDINGS_RULE_INFO_H_
#define HUBLINT_FINDINGS_RULE_INFO_H_

// RuleInfo: what reporters need to know about a rule (SARIF's
// reportingDescriptor), independent of how the rule is evaluated.

#include <string>
#include <vector>

#include "lint/findings/finding.h"

namespace hublint {

struct RuleInfo {
  std::string id;     // "DH-MFA-001"
  std::string name;   // a short slug for SARIF `name`: "members-have-2fa"
  std::string title;  // one line: "Members have two-factor authentication"
  // A paragraph: what the rule checks (SARIF fullDescription), plain text.
  std::string description;
  // The rule's help in Markdown (What it flags / Why it matters / How to
  // fix / Exceptions / Parameters / References), and as plain text.
  std::string help_markdown;
  std::string help_text;
  // The rule's docs page, e.g. "docs/rules/dockerhub/DH-MFA-001.md" as a
  // repository URL; see the reporters for how it is made absolute.
  std::string help_uri;
  Level level = Level::kError;  // default level
  // GitHub: >= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, else low. "8.0".
  std::string security_severity;
  std::vector<std::string> tags;  // "security", "cis-ssc-1.0:1.3.5", ...
  std::string pack;               // "dockerhub"
};

}  // namespace hublint

#endif  // HUBLINT_FINDINGS_RULE_INFO_H_
