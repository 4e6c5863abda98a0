#include "lint/report/github_annotations.h"

#include "lint/report/normalize_report.h"
#include "lint/report/printable_text.h"
#include "lint/report/report_summary.h"
#include "lint/util/strings.h"

namespace hublint {

std::string EscapeCommandData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out.append("%25");
        break;
      case '\r':
        out.append("%0D");
        break;
      case '\n':
        out.append("%0A");
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string EscapeCommandProperty(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : EscapeCommandData(text)) {
    switch (c) {
      case ':':
        out.append("%3A");
        break;
      case ',':
        out.append("%2C");
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

namespace {

std::string_view CommandFor(const Finding& f) {
  if (f.kind == FindingKind::kReview) {
    return f.level == Level::kNote ? "notice" : "warning";
  }
  switch (f.level) {
    case Level::kError:
      return "error";
    case Level::kWarning:
      return "warning";
    case Level::kNote:
      return "notice";
  }
  return "error";
}

// A message on one line, with controls visible (PrintableText turns
// newlines into "\n", so the %0A escape is there for safety only).
std::string Data(std::string_view text) {
  return EscapeCommandData(PrintableText(text));
}

std::string Property(std::string_view text) {
  return EscapeCommandProperty(PrintableText(text));
}

}  // namespace

std::string RenderGithubAnnotations(const Report& input,
                                    const RenderOptions& options,
                                    RenderStats* stats) {
  Report storage;
  const Report& report = NormalizeReport(input, &storage, stats);
  const RunInfo& run = report.run;

  std::string out;
  if (!run.source_complete) {
    std::string file = run.source_uri.empty()
                           ? ""
                           : Cat("file=", Property(run.source_uri), ",");
    for (const std::string& message : IncompleteSourceMessages(run)) {
      Append(&out, "::warning ", file,
             "title=", Property("hublint: incomplete state"), "::",
             Data(Cat(message, "; checks that need it gave review results")),
             "\n");
    }
  }
  for (const Notification& n : run.notifications) {
    std::string_view command = n.level == Level::kError     ? "error"
                               : n.level == Level::kWarning ? "warning"
                                                            : "notice";
    Append(&out, "::", command, " title=hublint::", Data(n.message), "\n");
  }

  for (const RuleGroup& g : GroupByRule(report)) {
    for (const Finding* f : g.findings) {
      if (f->suppressed || f->baseline_state == BaselineState::kAbsent) {
        continue;
      }
      std::string properties;
      std::string uri =
          f->location.uri.empty() ? run.source_uri : f->location.uri;
      if (!uri.empty()) {
        Append(&properties, "file=", Property(uri), ",");
        if (!f->location.uri.empty() && f->location.line != 0) {
          Append(&properties, "line=", f->location.line, ",");
          if (f->location.column != 0) {
            Append(&properties, "col=", f->location.column, ",");
          }
        }
      }
      std::string title = Cat(f->rule_id, " ", g.rule->title);
      if (f->kind == FindingKind::kReview) title.append(" (needs review)");
      Append(&properties, "title=", Property(title));
      Append(&out, "::", CommandFor(*f), " ", properties,
             "::", Data(f->message.empty() ? f->resource : f->message), "\n");
    }
  }
  Append(&out, "hublint: ", PrintableText(run.org_name), ": ",
         SummarySentence(Summarize(report.findings), run.has_baseline), " (",
         CountOf(static_cast<int>(report.rules.size()), "rule"), " checked)\n");
  return out;
}

}  // namespace hublint
