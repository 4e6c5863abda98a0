#ifndef HUBLINT_REPORT_SARIF_WRITER_H_
#define HUBLINT_REPORT_SARIF_WRITER_H_

// SARIF 2.1.0 (`--format sarif`): one run, for GitHub code scanning, the VS
// Code SARIF Viewer and other consumers. What each field holds, and why, is
// in docs/output-formats.md; the consumers' requirements are in
// ../shared/reference/notes/sarif.md. The output passes
// ../shared/reference/sarif/validate-sarif.mjs with no error (tested).
//
// In short:
// - `$schema` is https://json.schemastore.org/sarif-2.1.0.json, `results` is
//   always there (`[]` for a clean run), UTF-8 without a BOM.
// - Every rule that ran is in tool.driver.rules with shortDescription,
//   fullDescription, help (text and markdown), helpUri,
//   defaultConfiguration.level and properties.tags / security-severity.
// - Every result has exactly one location: a physicalLocation (the
//   repository-relative, percent-encoded file, and the resource's line and
//   column, line 1 when unknown) and the resource in logicalLocations.
// - partialFingerprints["hublintFingerprint/v1"] is the stable key of rule
//   and resource; primaryLocationLineHash is left to upload-sarif.
// - A review result is `kind: "review"` with `level: "none"`, as SARIF
//   §3.27.10 requires for any kind other than "fail"; the rule's level for
//   it is in properties.ruleLevel.
// - Waived results carry `suppressions: [{kind: "external", status:
//   "accepted", justification}]`; when any result is waived, every result
//   has `suppressions` (SARIF §3.27.23), empty for the others.
// - With a baseline, every result has `baselineState`.
// - More results than options.sarif_result_limit: the most severe are kept
//   (result_limit.h), a notification says how many were left out, and
//   stats->results_dropped tells the caller.

#include <string>

#include "lint/findings/report.h"
#include "lint/report/render_options.h"

namespace hublint {

inline constexpr std::string_view kSarifSchemaUri =
    "https://json.schemastore.org/sarif-2.1.0.json";
// The partialFingerprints key of Finding::fingerprint.
inline constexpr std::string_view kSarifFingerprintKey =
    "hublintFingerprint/v1";

std::string RenderSarif(const Report& report, const RenderOptions& options,
                        RenderStats* stats = nullptr);

}  // namespace hublint

#endif  // HUBLINT_REPORT_SARIF_WRITER_H_
