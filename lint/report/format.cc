#include "lint/report/format.h"

#include <string>

#include "lint/util/spelling.h"
#include "lint/util/strings.h"

namespace hublint {

const std::vector<FormatInfo>& AllFormats() {
  static const std::vector<FormatInfo> kFormats = {
      {Format::kText, "text", "txt", "findings grouped by rule (default)"},
      {Format::kJson, "json", "json", "hublint/findings/v1 JSON"},
      {Format::kSarif, "sarif", "sarif",
       "SARIF 2.1.0 for GitHub code scanning and SARIF viewers"},
      {Format::kMarkdown, "markdown", "md", "the scheduled compliance report"},
      {Format::kJunit, "junit", "xml", "JUnit XML for CI test reports"},
      {Format::kGithub, "github", "txt", "GitHub Actions annotations"},
  };
  return kFormats;
}

const FormatInfo& GetFormatInfo(Format format) {
  for (const FormatInfo& info : AllFormats()) {
    if (info.format == format) return info;
  }
  return AllFormats().front();
}

std::string_view FormatName(Format format) {
  return GetFormatInfo(format).name;
}

absl::StatusOr<Format> ParseFormat(std::string_view name) {
  std::vector<std::string> names;
  for (const FormatInfo& info : AllFormats()) {
    if (info.name == name) return info.format;
    names.emplace_back(info.name);
  }
  return absl::InvalidArgumentError(Cat("unknown format `", name, "`",
                                        DidYouMean(name, names),
                                        " (formats: ", Join(names, ", "), ")"));
}

}  // namespace hublint
