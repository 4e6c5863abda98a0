#ifndef HUBLINT_REPORT_FORMAT_H_
#define HUBLINT_REPORT_FORMAT_H_

// The report formats (`--format NAME`) and their registry: one entry per
// format, in the order `hublint check --help` lists them.

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace hublint {

enum class Format : uint8_t {
  kText,      // grouped by rule, for people at a terminal
  kJson,      // hublint/findings/v1, the machine-readable contract
  kSarif,     // SARIF 2.1.0, for GitHub code scanning and IDE viewers
  kMarkdown,  // the scheduled report
  kJunit,     // JUnit XML, for CI test reports
  kGithub,    // GitHub Actions workflow commands (annotations)
};

struct FormatInfo {
  Format format;
  std::string_view name;       // "sarif": what --format takes
  std::string_view extension;  // "sarif": the usual file name extension
  std::string_view summary;    // one line, for --help
};

// Every format, text first.
const std::vector<FormatInfo>& AllFormats();

const FormatInfo& GetFormatInfo(Format format);

// "text", "json", "sarif", "markdown", "junit", "github".
std::string_view FormatName(Format format);

// The format named `name` (exact, lower case). An unknown name is
// kInvalidArgument: "unknown format `sarf`; did you mean `sarif`? (formats:
// text, json, sarif, markdown, junit, github)".
absl::StatusOr<Format> ParseFormat(std::string_view name);

}  // namespace hublint

#endif  // HUBLINT_REPORT_FORMAT_H_
