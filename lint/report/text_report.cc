#include "lint/report/text_report.h"

#include "lint/report/normalize_report.h"
#include "lint/report/printable_text.h"
#include "lint/report/report_summary.h"
#include "lint/report/uris.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint {
namespace {

// ANSI styles, used only when colour is on.
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kCyan = "\x1b[36m";
constexpr std::string_view kMagenta = "\x1b[35m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kReset = "\x1b[0m";

class Styler {
 public:
  explicit Styler(bool on) : on_(on) {}
  std::string operator()(std::string_view style, std::string_view text) const {
    if (!on_) return std::string(text);
    return Cat(style, text, kReset);
  }

 private:
  bool on_;
};

std::string_view LevelStyle(Level level) {
  switch (level) {
    case Level::kError:
      return kRed;
    case Level::kWarning:
      return kYellow;
    case Level::kNote:
      return kCyan;
  }
  return kRed;
}

std::string Header(const RunInfo& run, const Styler& style) {
  std::string header =
      Cat("hublint", run.tool_version.empty() ? "" : " ", run.tool_version,
          ": ", style(kBold, PrintableText(run.org_name)));
  if (!run.source_kind.empty()) {
    Append(&header, ", ", PrintableText(run.source_kind), " state");
  }
  if (!run.source_uri.empty()) {
    Append(&header, " ", PrintableText(run.source_uri));
  }
  if (run.collected_at) {
    Append(&header, ", collected ", FormatRfc3339(*run.collected_at));
  }
  Append(&header, ", ",
         run.source_complete ? std::string("complete")
                             : style(kYellow, "INCOMPLETE"));
  header.push_back('\n');
  return header;
}

}  // namespace

std::string RenderText(const Report& input, const RenderOptions& options,
                       RenderStats* stats) {
  Report storage;
  const Report& report = NormalizeReport(input, &storage, stats);
  const RunInfo& run = report.run;
  Styler style(options.colour);

  std::string out = Header(run, style);
  for (const std::string& message : IncompleteSourceMessages(run)) {
    Append(&out, style(kYellow, "warning"), ": ", PrintableText(message), "\n");
  }
  for (const Notification& n : run.notifications) {
    Append(&out, style(LevelStyle(n.level), LevelName(n.level)), ": ",
           PrintableText(n.message), "\n");
  }
  if (!run.execution_successful) {
    Append(&out, style(kRed, "error"),
           ": the run did not complete; these findings are not a verdict\n");
  }

  for (const RuleGroup& group : GroupByRule(report)) {
    if (group.findings.empty()) continue;
    const RuleInfo& rule = *group.rule;
    Append(&out, "\n", style(kBold, PrintableText(rule.id)), " ",
           style(LevelStyle(rule.level), LevelName(rule.level)), ": ",
           PrintableText(rule.title), "\n");
    for (const Finding* f : group.findings) {
      std::string line =
          Cat("  ", PrintableText(FindingPlace(*f, run)), ": ",
              PrintableText(f->resource), ": ", PrintableText(f->message));
      if (f->kind == FindingKind::kReview) {
        Append(&line, " ", style(kMagenta, "[review]"));
      }
      if (f->level != rule.level) {
        Append(&line, " ",
               style(LevelStyle(f->level), Cat("[", LevelName(f->level), "]")));
      }
      if (f->suppressed) {
        Append(&line, " ",
               style(kDim, f->justification.empty()
                               ? std::string("[waived]")
                               : Cat("[waived: ",
                                     PrintableText(f->justification), "]")));
      }
      switch (f->baseline_state) {
        case BaselineState::kNone:
          break;
        case BaselineState::kNew:
          Append(&line, " ", style(kBold, "[new]"));
          break;
        case BaselineState::kUnchanged:
          Append(&line, " [unchanged]");
          break;
        case BaselineState::kAbsent:
          Append(&line, " ", style(kGreen, "[fixed since the baseline]"));
          break;
      }
      Append(&out, line, "\n");
    }
    Append(&out, "  ",
           style(kDim, Cat("help: ", RuleHelpUri(rule, options.docs_base_url))),
           "\n");
  }

  SummaryCounts counts = Summarize(report.findings);
  std::string sentence = SummarySentence(counts, run.has_baseline);
  std::string_view summary_style = counts.errors     ? kRed
                                   : counts.warnings ? kYellow
                                   : counts.active() ? kCyan
                                                     : kGreen;
  Append(&out, "\n", PrintableText(run.org_name), ": ",
         style(summary_style, sentence), " (",
         CountOf(static_cast<int>(report.rules.size()), "rule"), " checked)\n");
  return out;
}

}  // namespace hublint
