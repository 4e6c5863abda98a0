#ifndef HUBLINT_REPORT_NORMALIZE_REPORT_H_
#define HUBLINT_REPORT_NORMALIZE_REPORT_H_

// What every format does before rendering, so that no writer has to: strings
// that are not valid UTF-8 (they can come from the Docker Hub API) get
// U+FFFD for their bad bytes and a notification says so, and a finding whose
// rule is missing from Report::rules gets a stub rule, and one without a
// fingerprint gets Fingerprint(rule_id, resource), so that every output
// stays valid and every result has its rule and its stable key.

#include "lint/findings/report.h"
#include "lint/report/render_options.h"

namespace hublint {

// Returns `report` itself when nothing needs fixing (the common case: no
// copy), else a fixed copy stored in `*storage`. Adds to
// stats->invalid_utf8_strings when `stats` is given.
const Report& NormalizeReport(const Report& report, Report* storage,
                              RenderStats* stats = nullptr);

}  // namespace hublint

#endif  // HUBLINT_REPORT_NORMALIZE_REPORT_H_
