#include "lint/report/junit_report.h"

#include "absl/time/time.h"
#include "lint/report/normalize_report.h"
#include "lint/report/report_summary.h"
#include "lint/report/uris.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint {

std::string XmlEscape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&':
        out.append("&amp;");
        continue;
      case '<':
        out.append("&lt;");
        continue;
      case '>':
        out.append("&gt;");
        continue;
      case '"':
        out.append(attribute ? "&quot;" : "\"");
        continue;
      case '\t':
        out.append(attribute ? "&#9;" : "\t");
        continue;
      case '\n':
        out.append(attribute ? "&#10;" : "\n");
        continue;
      case '\r':
        out.append("&#13;");
        continue;
      default:
        break;
    }
    if (c < 0x20) {
      out.append("\xEF\xBF\xBD");  // forbidden in XML 1.0
    } else if (c == 0xEF && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
                static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      out.append("\xEF\xBF\xBD");  // U+FFFE and U+FFFF are not characters
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

namespace {

std::string Attr(std::string_view name, std::string_view value) {
  return Cat(" ", name, "=\"", XmlEscape(value, true), "\"");
}

std::string LocalTimestamp(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S", t, absl::UTCTimeZone());
}

struct Counts {
  int tests = 0;
  int failures = 0;
  int errors = 0;
  int skipped = 0;
};

std::string TestCase(const Finding& f, const RuleInfo& rule, const RunInfo& run,
                     const RenderOptions& options, Counts* counts) {
  ++counts->tests;
  std::string xml = Cat("    <testcase", Attr("classname", f.rule_id),
                        Attr("name", f.resource));
  std::string uri = f.location.uri.empty() ? run.source_uri : f.location.uri;
  if (!uri.empty()) Append(&xml, Attr("file", uri));
  if (!f.location.uri.empty() && f.location.line != 0) {
    Append(&xml, Attr("line", Cat(f.location.line)));
  }
  std::string body =
      Cat(f.rule_id, " (", LevelName(f.level), "): ", rule.title, "\n",
          f.resource, " at ", FindingPlace(f, run), "\n", f.message, "\n",
          "Help: ", RuleHelpUri(rule, options.docs_base_url));
  if (f.baseline_state == BaselineState::kAbsent) {
    Append(&xml, ">\n      <system-out>",
           XmlEscape(Cat("Fixed since the baseline: ", f.message), false),
           "</system-out>\n    </testcase>\n");
    return xml;
  }
  if (f.suppressed) {
    ++counts->skipped;
    Append(&xml, ">\n      <skipped",
           Attr("message", f.justification.empty()
                               ? std::string("waived")
                               : Cat("waived: ", f.justification)),
           "/>\n    </testcase>\n");
    return xml;
  }
  std::string_view element;
  std::string type;
  std::string message = f.message;
  if (f.kind == FindingKind::kReview) {
    ++counts->errors;
    element = "error";
    type = "review";
    message = Cat("needs review: ", f.message);
  } else {
    ++counts->failures;
    element = "failure";
    type = std::string(LevelName(f.level));
  }
  Append(&xml, ">\n      <", element, Attr("message", message),
         Attr("type", type), ">", XmlEscape(body, false), "</", element,
         ">\n    </testcase>\n");
  return xml;
}

}  // namespace

std::string RenderJunit(const Report& input, const RenderOptions& options,
                        RenderStats* stats) {
  Report storage;
  const Report& report = NormalizeReport(input, &storage, stats);
  const RunInfo& run = report.run;

  Counts counts;
  std::string cases;
  if (!run.source_complete) {
    ++counts.tests;
    ++counts.errors;
    std::string gaps = run.gaps.empty()
                           ? std::string("the source does not say which parts")
                           : Join(run.gaps, "\n");
    Append(&cases, "    <testcase", Attr("classname", "hublint"),
           Attr("name", Cat("the state of ", run.org_name, " is complete")));
    if (!run.source_uri.empty()) Append(&cases, Attr("file", run.source_uri));
    Append(&cases, ">\n      <error",
           Attr("message",
                "the state is incomplete: checks that need the "
                "missing parts gave review results"),
           Attr("type", "incomplete-state"), ">", XmlEscape(gaps, false),
           "</error>\n    </testcase>\n");
  }
  for (const RuleGroup& g : GroupByRule(report)) {
    if (g.findings.empty()) {
      ++counts.tests;
      Append(&cases, "    <testcase", Attr("classname", g.rule->id),
             Attr("name", g.rule->title.empty() ? g.rule->id : g.rule->title),
             "/>\n");
      continue;
    }
    for (const Finding* f : g.findings) {
      Append(&cases, TestCase(*f, *g.rule, run, options, &counts));
    }
  }

  std::string totals = Cat(
      Attr("tests", Cat(counts.tests)), Attr("failures", Cat(counts.failures)),
      Attr("errors", Cat(counts.errors)), Attr("skipped", Cat(counts.skipped)));
  std::string timing;
  if (run.start_time != absl::UnixEpoch() && run.end_time >= run.start_time) {
    timing = Cat(
        Attr("time", Cat(absl::ToDoubleSeconds(run.end_time - run.start_time))),
        Attr("timestamp", LocalTimestamp(run.start_time)));
  }

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  Append(&out, "<testsuites", Attr("name", "hublint"), totals, timing, ">\n");
  Append(&out, "  <testsuite", Attr("name", Cat("hublint: ", run.org_name)),
         totals, timing, ">\n");
  out.append("    <properties>\n");
  auto property = [&out](std::string_view name, std::string_view value) {
    Append(&out, "      <property", Attr("name", name), Attr("value", value),
           "/>\n");
  };
  property("organization", run.org_name);
  if (run.collected_at)
    property("collected_at", FormatRfc3339(*run.collected_at));
  property("source_kind", run.source_kind);
  if (!run.source_uri.empty()) property("source_uri", run.source_uri);
  property("source_complete", run.source_complete ? "true" : "false");
  if (!run.tool_version.empty()) property("hublint_version", run.tool_version);
  property("summary",
           SummarySentence(Summarize(report.findings), run.has_baseline));
  out.append("    </properties>\n");
  out.append(cases);
  if (!run.notifications.empty()) {
    std::string text;
    for (const Notification& n : run.notifications) {
      Append(&text, LevelName(n.level), ": ", n.message, "\n");
    }
    Append(&out, "    <system-err>", XmlEscape(text, false), "</system-err>\n");
  }
  out.append("  </testsuite>\n</testsuites>\n");
  return out;
}

}  // namespace hublint
