#include "lint/report/markdown_report.h"

#include <cctype>

#include "lint/report/markdown_text.h"
#include "lint/report/normalize_report.h"
#include "lint/report/report_summary.h"
#include "lint/report/uris.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint {
namespace {

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  return text;
}

std::string Result(const Finding& f) {
  std::string result;
  if (f.suppressed) {
    result = f.justification.empty()
                 ? std::string("waived")
                 : Cat("waived: ", MarkdownText(f.justification));
  } else if (f.baseline_state == BaselineState::kAbsent) {
    result = "fixed";
  } else if (f.kind == FindingKind::kReview) {
    result = "**review**";
  } else {
    result = "**fail**";
  }
  return result;
}

std::string Severity(const RuleInfo& rule) {
  std::string_view rating = SecurityRating(rule.security_severity);
  if (rating.empty()) return "–";
  return Cat(rating, " (", rule.security_severity, ")");
}

std::string Status(const SummaryCounts& c) {
  if (c.errors + c.warnings + c.notes > 0) return "❌ fail";
  if (c.reviews > 0) return "❓ review";
  if (c.waived > 0) return "⏸️ waived";
  return "✅ pass";
}

void Row(std::string* out, std::initializer_list<std::string_view> cells) {
  out->append("|");
  for (std::string_view cell : cells) Append(out, " ", cell, " |");
  out->append("\n");
}

void WriteHeader(std::string* out, const Report& report) {
  const RunInfo& run = report.run;
  Append(out, "# hublint report: ", MarkdownText(run.org_name), "\n\n");
  Row(out, {"", ""});
  Row(out, {"---", "---"});
  Row(out, {"Organization", MarkdownCode(run.org_name)});
  Row(out, {"State collected",
            run.collected_at ? FormatRfc3339(*run.collected_at)
                             : std::string("unknown (a declared state)")});
  std::string source = run.source_kind.empty() ? std::string("unknown")
                                               : MarkdownText(run.source_kind);
  if (!run.source_uri.empty()) {
    Append(&source, ", ", MarkdownCode(run.source_uri));
  }
  Row(out, {"Source", source});
  std::string completeness =
      run.source_complete
          ? std::string("complete")
          : Cat("⚠️ **incomplete**: ",
                run.gaps.empty()
                    ? std::string("the source does not say which parts")
                    : Cat(CountOf(static_cast<int>(run.gaps.size()), "part"),
                          " could not be read"));
  Row(out, {"Completeness", completeness});
  std::string checked;
  if (run.start_time != absl::UnixEpoch()) {
    checked = FormatRfc3339(run.start_time);
    if (run.end_time != absl::UnixEpoch()) {
      Append(&checked, " to ", FormatRfc3339(run.end_time));
    }
    checked.append(", ");
  }
  Append(&checked, "hublint ",
         run.tool_version.empty() ? std::string("(unknown version)")
                                  : MarkdownText(run.tool_version),
         ", ", CountOf(static_cast<int>(report.rules.size()), "rule"));
  if (!run.execution_successful) checked.append(", **did not complete**");
  Row(out, {"Checked", checked});
  if (run.has_baseline) {
    Row(out, {"Baseline", "compared with the baseline run"});
  }
  out->append("\n");

  if (!run.source_complete) {
    out->append(
        "> [!WARNING]\n"
        "> **The state is incomplete**, so this report is not a complete "
        "verdict: checks that need the missing parts gave review results.\n");
    if (!run.gaps.empty()) out->append(">\n");
    for (const std::string& gap : run.gaps) {
      Append(out, "> - ", MarkdownText(gap), "\n");
    }
    out->append("\n");
  }
  if (!run.notifications.empty()) {
    for (const Notification& n : run.notifications) {
      Append(out, "- **", LevelName(n.level), "**: ", MarkdownText(n.message),
             "\n");
    }
    out->append("\n");
  }
}

void WriteSummary(std::string* out, const Report& report,
                  const std::vector<RuleGroup>& groups,
                  const RenderOptions& options) {
  SummaryCounts counts = Summarize(report.findings);
  std::string sentence = SummarySentence(counts, report.run.has_baseline);
  sentence[0] = static_cast<char>(std::toupper(sentence[0]));
  Append(out, "## Summary\n\n**", sentence, "** from ",
         CountOf(static_cast<int>(report.rules.size()), "rule"), ".\n\n");
  if (groups.empty()) return;
  Row(out, {"Rule", "Title", "Level", "Security severity", "Failed", "Review",
            "Waived", "Status"});
  Row(out, {"---", "---", "---", "---", "---:", "---:", "---:", "---"});
  for (const RuleGroup& g : groups) {
    const SummaryCounts& c = g.counts;
    Row(out, {Cat("[", MarkdownText(g.rule->id), "](",
                  RuleHelpUri(*g.rule, options.docs_base_url), ")"),
              MarkdownText(g.rule->title), LevelName(g.rule->level),
              Severity(*g.rule), Cat(c.errors + c.warnings + c.notes),
              Cat(c.reviews), Cat(c.waived), Status(c)});
  }
  out->append("\n");
}

void WriteRuleDetails(std::string* out, const RuleGroup& g,
                      const Report& report, const RenderOptions& options) {
  const RuleInfo& rule = *g.rule;
  Append(out, "### ", MarkdownText(rule.id), ": ", MarkdownText(rule.title),
         "\n\n");
  std::string facts = Cat("Level **", LevelName(rule.level), "**");
  std::string_view rating = SecurityRating(rule.security_severity);
  if (!rating.empty()) {
    Append(&facts, " · security severity ", rule.security_severity, " (",
           rating, ")");
  }
  if (std::vector<std::string> unique = RuleTags(rule); !unique.empty()) {
    std::vector<std::string> tags;
    for (const std::string& tag : unique) tags.push_back(MarkdownCode(tag));
    Append(&facts, " · tags ", Join(tags, ", "));
  }
  Append(&facts, " · [rule documentation](",
         RuleHelpUri(rule, options.docs_base_url), ")");
  Append(out, facts, "\n\n");
  if (!rule.description.empty()) {
    Append(out, MarkdownText(rule.description), "\n\n");
  }

  bool baseline = report.run.has_baseline;
  if (baseline) {
    Row(out, {"Resource", "Location", "Result", "Baseline", "Message"});
    Row(out, {"---", "---", "---", "---", "---"});
  } else {
    Row(out, {"Resource", "Location", "Result", "Message"});
    Row(out, {"---", "---", "---", "---"});
  }
  for (const Finding* f : g.findings) {
    std::string resource = MarkdownCode(f->resource);
    std::string location = MarkdownCode(FindingPlace(*f, report.run));
    std::string result = Result(*f);
    std::string message = MarkdownText(f->message);
    if (baseline) {
      std::string_view state = f->baseline_state == BaselineState::kAbsent
                                   ? "fixed since the baseline"
                               : f->baseline_state == BaselineState::kUnchanged
                                   ? "unchanged"
                                   : "**new**";
      Row(out, {resource, location, result, state, message});
    } else {
      Row(out, {resource, location, result, message});
    }
  }
  out->append("\n");

  if (!rule.help_markdown.empty()) {
    Append(out,
           "<details>\n<summary>Why it matters and how to fix it</summary>\n\n",
           DemoteHeadings(Trimmed(rule.help_markdown), 3),
           "\n\n</details>\n\n");
  }
}

}  // namespace

std::string RenderMarkdown(const Report& input, const RenderOptions& options,
                           RenderStats* stats) {
  Report storage;
  const Report& report = NormalizeReport(input, &storage, stats);
  std::vector<RuleGroup> groups = GroupByRule(report);

  std::string out;
  WriteHeader(&out, report);
  WriteSummary(&out, report, groups, options);

  bool any = false;
  for (const RuleGroup& g : groups) {
    if (g.findings.empty()) continue;
    if (!any) out.append("## Details\n\n");
    any = true;
    WriteRuleDetails(&out, g, report, options);
  }
  while (out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace hublint
