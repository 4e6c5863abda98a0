#ifndef HUBLINT_REPORT_TEXT_REPORT_H_
#define HUBLINT_REPORT_TEXT_REPORT_H_

// The text report (`--format text`, the default): a header naming the
// organization and its state, then the findings grouped by rule, one line
// each in compiler style, then a summary line:
//
//   hublint: contoso, declared state fixtures/orgs/mfa-missing.json,
//   collected 2026-11-20T02:00:00Z, complete
//
//   DH-MFA-001 error: Members have two-factor authentication
//     fixtures/orgs/mfa-missing.json:62:5: member:bob: bob has no ...
//     fixtures/orgs/mfa-missing.json:75:5: member:erin: erin has no ...
//     [waived: ...] help:
//     https://github.com/hublint/hublint/blob/main/docs/rules/...
//
//   contoso: 2 errors (4 rules checked)
//
// Review results are marked "[review]", waived ones "[waived: why]", and
// with a baseline each finding says "[new]", "[unchanged]" or "[fixed since
// the baseline]". Rules without findings are only counted. Colour (ANSI)
// only with options.colour; every string from the organization is passed
// through PrintableText(), so it cannot drive the terminal.

#include <string>

#include "lint/findings/report.h"
#include "lint/report/render_options.h"

namespace hublint {

std::string RenderText(const Report& report, const RenderOptions& options,
                       RenderStats* stats = nullptr);

}  // namespace hublint

#endif  // HUBLINT_REPORT_TEXT_REPORT_H_
