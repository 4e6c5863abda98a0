#ifndef HUBLINT_REPORT_RENDER_OPTIONS_H_
#define HUBLINT_REPORT_RENDER_OPTIONS_H_

// Options that change how a report is rendered, and what rendering tells the
// caller back. Nothing here comes from the clock or the environment: the
// same Report and options give the same bytes.

#include <cstddef>
#include <string>
#include <string_view>

#include "lint/util/environment.h"

namespace hublint {

// Where the project's files are published; rule docs pages and the tool's
// informationUri are made absolute against it.
inline constexpr std::string_view kProjectUrl =
    "https://github.com/hublint/hublint";
inline constexpr std::string_view kDefaultDocsBaseUrl =
    "https://github.com/hublint/hublint/blob/main/";

// GitHub code scanning rejects a run with more results than this.
inline constexpr size_t kSarifResultLimit = 25000;

struct RenderOptions {
  // ANSI colour in the text format (no other format uses colour). Callers
  // set it with UseColour(): only on a terminal, never with NO_COLOR.
  bool colour = false;

  // Base URL that relative rule help pages (RuleInfo::help_uri, or
  // "docs/rules/<pack>/<id>.md" when empty) are resolved against; must end
  // in "/". Absolute help URIs are kept as they are.
  std::string docs_base_url = std::string(kDefaultDocsBaseUrl);

  // SARIF automationDetails.id category (`--category`), e.g. "hublint/nightly".
  // A "/" is appended when missing, as GitHub reads everything up to the
  // last "/" as the category. Empty: RunInfo::category, else no
  // automationDetails (so upload-sarif's own `category` input applies).
  std::string sarif_category;

  // The most results one SARIF run holds; past it the most severe are kept
  // (see result_limit.h) and a notification says how many were left out.
  size_t sarif_result_limit = kSarifResultLimit;
};

// What rendering tells the caller, so the CLI can say it on stderr.
struct RenderStats {
  // Results left out of a SARIF run over sarif_result_limit (0 otherwise).
  size_t results_dropped = 0;
  size_t results_total = 0;  // findings offered to the SARIF run
  // Strings that were not valid UTF-8 and had bytes replaced with U+FFFD.
  size_t invalid_utf8_strings = 0;
};

// Whether text output should be coloured: on a terminal, unless NO_COLOR is
// set to a non-empty value (https://no-color.org) or TERM is "dumb".
bool UseColour(bool is_terminal, const Environment& env);

}  // namespace hublint

#endif  // HUBLINT_REPORT_RENDER_OPTIONS_H_
