#include "lint/report/render.h"

#include "lint/report/findings_json_report.h"
#include "lint/report/github_annotations.h"
#include "lint/report/junit_report.h"
#include "lint/report/markdown_report.h"
#include "lint/report/sarif_writer.h"
#include "lint/report/text_report.h"

namespace hublint {

std::string RenderReport(Format format, const Report& report,
                         const RenderOptions& options, RenderStats* stats) {
  switch (format) {
    case Format::kText:
      return RenderText(report, options, stats);
    case Format::kJson:
      return RenderFindingsJson(report, options, stats);
    case Format::kSarif:
      return RenderSarif(report, options, stats);
    case Format::kMarkdown:
      return RenderMarkdown(report, options, stats);
    case Format::kJunit:
      return RenderJunit(report, options, stats);
    case Format::kGithub:
      return RenderGithubAnnotations(report, options, stats);
  }
  return RenderText(report, options, stats);
}

bool UseColour(bool is_terminal, const Environment& env) {
  if (!is_terminal) return false;
  std::optional<std::string> no_color = env.Get("NO_COLOR");
  if (no_color && !no_color->empty()) return false;
  std::optional<std::string> term = env.Get("TERM");
  if (term && *term == "dumb") return false;
  return true;
}

}  // namespace hublint
