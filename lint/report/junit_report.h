#ifndef HUBLINT_REPORT_JUNIT_REPORT_H_
#define HUBLINT_REPORT_JUNIT_REPORT_H_

// The JUnit XML report (`--format junit`), for CI systems that show test
// results (GitLab, Jenkins, Azure Pipelines, GitHub test-report actions).
//
// One <testsuites> with one <testsuite name="hublint: ORG">, and in it:
// - one <testcase classname="RULE-ID" name="kind:key" file=".." line="..">
//   per finding: a failed check has <failure type="LEVEL">, a review
//   result <error type="review"> (the check could not be decided, which is
//   what JUnit's "error" means), a waived finding <skipped message="waived:
//   JUSTIFICATION">, and a finding fixed since the baseline passes (with a
//   <system-out> saying so);
// - one passing <testcase classname="RULE-ID" name="RULE TITLE"> per rule
//   without findings;
// - when the state is incomplete, a <testcase classname="hublint"
//   name="the state of ORG is complete"> with an <error> listing the gaps,
//   so a partial run never looks green.
// Strings are XML-escaped; characters XML 1.0 forbids (most C0 controls,
// U+FFFE, U+FFFF) become U+FFFD.

#include <string>

#include "lint/findings/report.h"
#include "lint/report/render_options.h"

namespace hublint {

std::string RenderJunit(const Report& report, const RenderOptions& options,
                        RenderStats* stats = nullptr);

// `text` escaped for XML 1.0 character data, or for a double-quoted
// attribute value when `attribute` (then tab, newline and carriage return
// are written as character references so parsers keep them).
std::string XmlEscape(std::string_view text, bool attribute);

}  // namespace hublint

#endif  // HUBLINT_REPORT_JUNIT_REPORT_H_
