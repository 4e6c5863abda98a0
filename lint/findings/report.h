#ifndef HUBLINT_FINDINGS_REPORT_H_
#define HUBLINT_FINDINGS_REPORT_H_

// Report: everything a reporter renders: the run, the rules that ran, and
// the findings (already waived and baselined, in FindingLess order).

#include <vector>

#include "lint/findings/finding.h"
#include "lint/findings/rule_info.h"
#include "lint/findings/run_info.h"

namespace hublint {

struct Report {
  RunInfo run;
  std::vector<RuleInfo> rules;  // every rule that ran, by id
  std::vector<Finding> findings;
};

// Counts for summaries, over unsuppressed findings unless said otherwise.
struct ReportCounts {
  int errors = 0;
  int warnings = 0;
  int notes = 0;
  int reviews = 0;     // findings of kind review (any level)
  int suppressed = 0;  // waived findings
  int new_findings = 0;
  int unchanged = 0;
  int absent = 0;
};

ReportCounts CountFindings(const std::vector<Finding>& findings);

}  // namespace hublint

#endif  // HUBLINT_FINDINGS_REPORT_H_
