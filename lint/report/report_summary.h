#ifndef HUBLINT_REPORT_REPORT_SUMMARY_H_
#define HUBLINT_REPORT_REPORT_SUMMARY_H_

// The counts every human-readable report shows, per run and per rule.
//
// Unlike CountFindings() (lint/findings/report.h), which counts a review
// result under its level too (for --fail-on), these counts are disjoint, so
// "2 errors, 5 reviews" adds up to seven findings that need attention.

#include <string>
#include <string_view>
#include <vector>

#include "lint/findings/report.h"

namespace hublint {

struct SummaryCounts {
  // Failed checks, by level; not waived, not absent.
  int errors = 0;
  int warnings = 0;
  int notes = 0;
  int reviews = 0;  // review results (any level); not waived, not absent
  int waived = 0;   // waived findings (any kind); not absent
  // Against a baseline (all zero without one). `absent` findings count only
  // here: they are gone since the baseline.
  int new_findings = 0;
  int unchanged = 0;
  int absent = 0;

  // Findings that ask for action: errors + warnings + notes + reviews.
  int active() const { return errors + warnings + notes + reviews; }
  void Add(const Finding& f);
};

SummaryCounts Summarize(const std::vector<Finding>& findings);

// "3 errors, 1 warning, 2 reviews, 1 waived", leaving out zero counts, or
// "no findings". With `baseline`, adds "; 1 new, 2 unchanged, 1 fixed since
// the baseline" (the non-zero ones).
std::string SummarySentence(const SummaryCounts& counts, bool baseline);

// "1 error" / "2 errors": `n` and `noun`, with an "s" unless n == 1.
std::string CountOf(int n, std::string_view noun);

// Where a finding is, for people: "fixtures/orgs/x.json:61:5" (line and
// column when known), the state file when the finding has no file of its
// own, or "(no file)".
std::string FindingPlace(const Finding& f, const RunInfo& run);

// What an incomplete source lacks, one sentence per gap ("the state is
// incomplete: access_tokens.personal: GET ...: 403 ..."), or one sentence
// when the source does not say; empty when the source is complete.
std::vector<std::string> IncompleteSourceMessages(const RunInfo& run);

// One rule and its findings, in report order.
struct RuleGroup {
  const RuleInfo* rule = nullptr;
  std::vector<const Finding*> findings;
  SummaryCounts counts;
};

// Every rule of `report` (in Report::rules order), with its findings.
// REQUIRES: every finding's rule is in report.rules (NormalizeReport()).
std::vector<RuleGroup> GroupByRule(const Report& report);

// The severity word GitHub shows for a rule's security-severity: "critical"
// (9.0 and above), "high" (7.0-8.9), "medium" (4.0-6.9), "low" (0.1-3.9);
// "" when `score` is not a number in (0, 10].
std::string_view SecurityRating(std::string_view score);

// The rule's tags as reports list them: unique, non-empty, in order, with
// "security" first when the rule has a valid security-severity (GitHub
// treats such rules as security rules and expects the tag), and at most
// `limit` of them.
std::vector<std::string> RuleTags(const RuleInfo& rule, size_t limit = 20);

// Whether `score` is a plain decimal number in (0, 10], as GitHub needs
// security-severity to be ("8.0", "9.5").
bool IsValidSecuritySeverity(std::string_view score);

}  // namespace hublint

#endif  // HUBLINT_REPORT_REPORT_SUMMARY_H_
