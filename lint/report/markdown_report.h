#ifndef HUBLINT_REPORT_MARKDOWN_REPORT_H_
#define HUBLINT_REPORT_MARKDOWN_REPORT_H_

// The Markdown report (`--format markdown`), the scheduled compliance
// report (GitHub Flavored Markdown, for an issue, a job summary or a wiki):
//
//   # hublint report: contoso
//   a table: organization, when the state was collected, source,
//            completeness, the run (time, version, rules), baseline
//   a warning block when the state is incomplete, listing every gap
//   ## Summary: the counts, then one row per rule that ran (level,
//            security severity, failed / review / waived counts, status)
//   ## Details: per rule with findings, its description, a table of the
//            resources (location, result, message) and its help (what it
//            flags, why it matters, how to fix) in a <details> block.
//
// Strings from the organization are escaped (markdown_text.h); rule help is
// trusted Markdown from the rule pack and is embedded as it is.

#include <string>

#include "lint/findings/report.h"
#include "lint/report/render_options.h"

namespace hublint {

std::string RenderMarkdown(const Report& report, const RenderOptions& options,
                           RenderStats* stats = nullptr);

}  // namespace hublint

#endif  // HUBLINT_REPORT_MARKDOWN_REPORT_H_
