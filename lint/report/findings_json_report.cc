#include "lint/report/findings_json_report.h"

#include "lint/json/json_writer.h"
#include "lint/report/normalize_report.h"
#include "lint/report/report_summary.h"
#include "lint/report/uris.h"
#include "lint/util/time_format.h"

namespace hublint {
namespace {

void StringOrNull(JsonWriter& w, std::string_view key, std::string_view value) {
  w.Key(key);
  if (value.empty()) {
    w.Null();
  } else {
    w.String(value);
  }
}

void TimeOrNull(JsonWriter& w, std::string_view key, absl::Time t) {
  w.Key(key);
  if (t == absl::UnixEpoch()) {
    w.Null();
  } else {
    w.String(FormatRfc3339(t));
  }
}

void Count(JsonWriter& w, std::string_view key, int64_t n) {
  w.Key(key);
  w.Int(n);
}

}  // namespace

std::string RenderFindingsJson(const Report& input,
                               const RenderOptions& options,
                               RenderStats* stats) {
  Report storage;
  const Report& report = NormalizeReport(input, &storage, stats);
  const RunInfo& run = report.run;

  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("schema", kFindingsSchema);

  w.Key("tool");
  w.BeginObject();
  w.Field("name", "hublint");
  StringOrNull(w, "version", run.tool_version);
  w.EndObject();

  w.Key("run");
  w.BeginObject();
  w.Field("org", run.org_name);
  w.Key("collected_at");
  if (run.collected_at) {
    w.String(FormatRfc3339(*run.collected_at));
  } else {
    w.Null();
  }
  w.Key("source");
  w.BeginObject();
  StringOrNull(w, "kind", run.source_kind);
  StringOrNull(w, "uri", run.source_uri);
  w.Field("complete", run.source_complete);
  w.Key("gaps");
  w.BeginArray();
  for (const std::string& gap : run.gaps) w.String(gap);
  w.EndArray();
  w.EndObject();
  TimeOrNull(w, "started_at", run.start_time);
  TimeOrNull(w, "finished_at", run.end_time);
  w.Field("execution_successful", run.execution_successful);
  w.Field("baseline", run.has_baseline);
  StringOrNull(
      w, "category",
      options.sarif_category.empty() ? run.category : options.sarif_category);
  w.Key("notifications");
  w.BeginArray();
  for (const Notification& n : run.notifications) {
    w.BeginObject();
    w.Field("level", LevelName(n.level));
    w.Field("message", n.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  SummaryCounts counts = Summarize(report.findings);
  w.Key("summary");
  w.BeginObject();
  Count(w, "findings", static_cast<int64_t>(report.findings.size()));
  Count(w, "errors", counts.errors);
  Count(w, "warnings", counts.warnings);
  Count(w, "notes", counts.notes);
  Count(w, "reviews", counts.reviews);
  Count(w, "suppressed", counts.waived);
  Count(w, "new", counts.new_findings);
  Count(w, "unchanged", counts.unchanged);
  Count(w, "absent", counts.absent);
  Count(w, "rules", static_cast<int64_t>(report.rules.size()));
  w.EndObject();

  w.Key("rules");
  w.BeginArray();
  for (const RuleInfo& rule : report.rules) {
    w.BeginObject();
    w.Field("id", rule.id);
    w.Field("name", rule.name);
    w.Field("title", rule.title);
    w.Field("level", LevelName(rule.level));
    StringOrNull(w, "security_severity",
                 IsValidSecuritySeverity(rule.security_severity)
                     ? std::string_view(rule.security_severity)
                     : std::string_view());
    w.Key("tags");
    w.BeginArray();
    for (const std::string& tag : RuleTags(rule)) w.String(tag);
    w.EndArray();
    w.Field("help_uri", RuleHelpUri(rule, options.docs_base_url));
    w.EndObject();
  }
  w.EndArray();

  w.Key("findings");
  w.BeginArray();
  for (const Finding& f : report.findings) {
    w.BeginObject();
    w.Field("rule_id", f.rule_id);
    w.Field("level", LevelName(f.level));
    w.Field("kind", FindingKindName(f.kind));
    w.Field("resource", f.resource);
    w.Field("resource_kind", f.resource_kind);
    w.Field("resource_key", f.resource_key);
    w.Field("logical_name", f.logical_name);
    w.Field("message", f.message);
    w.Key("location");
    w.BeginObject();
    StringOrNull(w, "uri", f.location.uri);
    w.Key("line");
    if (f.location.line == 0) {
      w.Null();
    } else {
      w.Uint(f.location.line);
    }
    w.Key("column");
    if (f.location.line == 0 || f.location.column == 0) {
      w.Null();
    } else {
      w.Uint(f.location.column);
    }
    w.EndObject();
    w.Field("suppressed", f.suppressed);
    StringOrNull(w, "justification", f.suppressed ? f.justification : "");
    StringOrNull(w, "baseline_state", BaselineStateName(f.baseline_state));
    w.Field("fingerprint", f.fingerprint);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace hublint
