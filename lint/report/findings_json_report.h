#ifndef HUBLINT_REPORT_FINDINGS_JSON_REPORT_H_
#define HUBLINT_REPORT_FINDINGS_JSON_REPORT_H_

// The JSON findings report (`--format json`), schema `hublint/findings/v1`:
// the machine-readable contract of ../shared/DESIGN.md ("Output
// contracts"), documented field by field in docs/output-formats.md.
//
//   {"schema": "hublint/findings/v1",
//    "tool": {...}, "run": {...}, "summary": {...}, "rules": [...],
//    "findings": [{"rule_id", "level", "kind", "resource", "message",
//                  "location": {"uri", "line", "column"}, "suppressed",
//                  "justification", "baseline_state", "fingerprint", ...}]}
//
// Every finding is there (no result limit), in report order. Fields are
// never left out: an unknown value is null.

#include <string>
#include <string_view>

#include "lint/findings/report.h"
#include "lint/report/render_options.h"

namespace hublint {

inline constexpr std::string_view kFindingsSchema = "hublint/findings/v1";

std::string RenderFindingsJson(const Report& report,
                               const RenderOptions& options,
                               RenderStats* stats = nullptr);

}  // namespace hublint

#endif  // HUBLINT_REPORT_FINDINGS_JSON_REPORT_H_
