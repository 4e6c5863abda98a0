#include "lint/report/sarif_writer.h"

#include <algorithm>
#include <map>
#include <vector>

#include "lint/json/json_writer.h"
#include "lint/report/normalize_report.h"
#include "lint/report/report_summary.h"
#include "lint/report/result_limit.h"
#include "lint/report/uris.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint {
namespace {

// GitHub's limits on rule metadata (notes/sarif.md §2.2).
constexpr size_t kMaxRuleNameChars = 255;
constexpr size_t kMaxDescriptionChars = 1024;
constexpr size_t kMaxTags = 20;

// `text` cut to at most `max_units` UTF-16 code units (what JavaScript's
// length counts), ending in "…" when cut. REQUIRES: valid UTF-8.
std::string TruncateUtf16(std::string_view text, size_t max_units) {
  size_t units = 0;
  size_t cut = std::string_view::npos;  // byte offset where max_units-1 ends
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    size_t width = len == 4 ? 2 : 1;
    if (units + width > max_units - 1 && cut == std::string_view::npos) {
      cut = i;
    }
    units += width;
    i += len;
  }
  if (units <= max_units) return std::string(text);
  return Cat(text.substr(0, cut), "\xE2\x80\xA6");
}

// "1.2.3", "0.1.0-dev": a semantic version's shape.
bool LooksLikeSemver(std::string_view v) {
  int dots = 0;
  size_t i = 0;
  for (; i < v.size(); ++i) {
    if (v[i] == '.') {
      if (i == 0 || v[i - 1] == '.') return false;
      ++dots;
    } else if (v[i] < '0' || v[i] > '9') {
      break;
    }
  }
  return dots == 2 && i > 0 && v[i - 1] != '.' &&
         (i == v.size() || v[i] == '-' || v[i] == '+');
}

std::string_view ProblemSeverity(Level level) {
  switch (level) {
    case Level::kError:
      return "error";
    case Level::kWarning:
      return "warning";
    case Level::kNote:
      return "recommendation";
  }
  return "warning";
}

void WriteMessage(JsonWriter& w, std::string_view key, std::string_view text) {
  w.Key(key);
  w.BeginObject();
  w.Field("text", text);
  w.EndObject();
}

void WriteRule(JsonWriter& w, const RuleInfo& rule,
               const RenderOptions& options) {
  std::string title = rule.title.empty() ? rule.id : rule.title;
  std::string description = rule.description.empty() ? title : rule.description;
  w.BeginObject();
  w.Field("id", rule.id);
  w.Field("name", TruncateUtf16(rule.name.empty() ? rule.id : rule.name,
                                kMaxRuleNameChars));
  WriteMessage(w, "shortDescription",
               TruncateUtf16(title, kMaxDescriptionChars));
  WriteMessage(w, "fullDescription",
               TruncateUtf16(description, kMaxDescriptionChars));
  w.Key("help");
  w.BeginObject();
  w.Field("text", rule.help_text.empty() ? description : rule.help_text);
  if (!rule.help_markdown.empty()) w.Field("markdown", rule.help_markdown);
  w.EndObject();
  w.Field("helpUri", RuleHelpUri(rule, options.docs_base_url));
  w.Key("defaultConfiguration");
  w.BeginObject();
  w.Field("level", LevelName(rule.level));
  w.EndObject();
  w.Key("properties");
  w.BeginObject();
  w.Key("tags");
  w.BeginArray();
  for (const std::string& tag : RuleTags(rule, kMaxTags)) w.String(tag);
  w.EndArray();
  if (IsValidSecuritySeverity(rule.security_severity)) {
    w.Field("security-severity", rule.security_severity);
  } else {
    w.Field("problem.severity", ProblemSeverity(rule.level));
  }
  w.EndObject();
  w.EndObject();
}

struct ResultContext {
  const Report& report;
  const std::map<std::string_view, size_t>& rule_index;
  bool with_suppressions;
};

// The result's file is the finding's, or the state file when it has none (then
// the finding's line means nothing there, and line 1 is given).
void WriteResult(JsonWriter& w, const Finding& f, const ResultContext& ctx) {
  bool own_file = !f.location.uri.empty();
  std::string_view uri = own_file ? std::string_view(f.location.uri)
                                  : std::string_view(ctx.report.run.source_uri);
  uint32_t line = own_file ? f.location.line : 0;
  w.BeginObject();
  w.Field("ruleId", f.rule_id);
  auto rule = ctx.rule_index.find(f.rule_id);
  if (rule != ctx.rule_index.end()) {
    w.Key("ruleIndex");
    w.Uint(rule->second);
  }
  if (f.kind == FindingKind::kReview) {
    w.Field("kind", "review");
    w.Field("level", "none");
  } else {
    w.Field("level", LevelName(f.level));
  }
  WriteMessage(w, "message", f.message.empty() ? f.rule_id : f.message);

  w.Key("locations");
  w.BeginArray();
  w.BeginObject();
  w.Key("physicalLocation");
  w.BeginObject();
  w.Key("artifactLocation");
  w.BeginObject();
  w.Field("uri", EncodeUriPath(uri));
  w.Field("uriBaseId", "%SRCROOT%");
  w.EndObject();
  w.Key("region");
  w.BeginObject();
  w.Key("startLine");
  w.Uint(std::max<uint32_t>(line, 1));
  if (line != 0 && f.location.column != 0) {
    w.Key("startColumn");
    w.Uint(f.location.column);
  }
  w.EndObject();
  w.EndObject();
  if (!f.resource.empty()) {
    w.Key("logicalLocations");
    w.BeginArray();
    w.BeginObject();
    if (!f.resource_key.empty()) w.Field("name", f.resource_key);
    w.Field("fullyQualifiedName",
            f.logical_name.empty() ? f.resource : f.logical_name);
    if (!f.resource_kind.empty()) w.Field("kind", f.resource_kind);
    w.EndObject();
    w.EndArray();
  }
  w.EndObject();
  w.EndArray();

  w.Key("partialFingerprints");
  w.BeginObject();
  w.Field(kSarifFingerprintKey, f.fingerprint);
  w.EndObject();

  if (ctx.with_suppressions) {
    w.Key("suppressions");
    w.BeginArray();
    if (f.suppressed) {
      w.BeginObject();
      w.Field("kind", "external");
      w.Field("status", "accepted");
      if (!f.justification.empty()) w.Field("justification", f.justification);
      w.EndObject();
    }
    w.EndArray();
  }
  if (ctx.report.run.has_baseline) {
    w.Field("baselineState", f.baseline_state == BaselineState::kNone
                                 ? std::string_view("new")
                                 : BaselineStateName(f.baseline_state));
  }
  w.Key("properties");
  w.BeginObject();
  w.Field("resource", f.resource);
  if (f.kind == FindingKind::kReview) w.Field("ruleLevel", LevelName(f.level));
  w.EndObject();
  w.EndObject();
}

std::string AutomationId(const Report& report, const RenderOptions& options) {
  std::string id = options.sarif_category.empty() ? report.run.category
                                                  : options.sarif_category;
  if (!id.empty() && !id.ends_with("/")) id.push_back('/');
  return id;
}

}  // namespace

std::string RenderSarif(const Report& input, const RenderOptions& options,
                        RenderStats* stats) {
  Report storage;
  const Report& report = NormalizeReport(input, &storage, stats);
  const RunInfo& run = report.run;

  std::vector<Notification> notifications;
  for (const std::string& message : IncompleteSourceMessages(run)) {
    notifications.push_back(
        {Level::kWarning,
         Cat(message, "; checks that need it gave review results")});
  }
  notifications.insert(notifications.end(), run.notifications.begin(),
                       run.notifications.end());

  // Results need a file: the finding's, else the state file's. A finding
  // with neither cannot be placed (GitHub rejects the whole upload for one
  // such result), so it becomes a notification instead.
  std::vector<size_t> placeable;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (!f.location.uri.empty() || !run.source_uri.empty()) {
      placeable.push_back(i);
      continue;
    }
    notifications.push_back(
        {Level::kWarning, Cat(f.rule_id, " on ", f.resource,
                              " has no file location and is not in the "
                              "results: ",
                              f.message)});
  }
  std::vector<Finding> candidates;
  std::vector<size_t> kept;
  if (placeable.size() > options.sarif_result_limit) {
    candidates.reserve(placeable.size());
    for (size_t i : placeable) candidates.push_back(report.findings[i]);
    kept = MostSevereFindings(candidates, options.sarif_result_limit);
    for (size_t& k : kept) k = placeable[k];
  } else {
    kept = std::move(placeable);
  }
  size_t dropped = candidates.empty() ? 0 : candidates.size() - kept.size();
  if (dropped > 0) {
    notifications.push_back(
        {Level::kWarning,
         Cat(candidates.size(), " results are more than the ",
             options.sarif_result_limit,
             " a run may hold (GitHub code scanning rejects more): ", dropped,
             dropped == 1 ? " result was" : " results were",
             " left out, the least severe first (waived and fixed ones, then "
             "notes, warnings, reviews before failures of the same level). "
             "The JSON and text reports have every finding.")});
  }
  if (stats) {
    stats->results_total = report.findings.size();
    stats->results_dropped = dropped;
  }

  std::map<std::string_view, size_t> rule_index;
  for (size_t i = 0; i < report.rules.size(); ++i) {
    rule_index.emplace(report.rules[i].id, i);
  }
  bool with_suppressions = std::any_of(kept.begin(), kept.end(), [&](size_t i) {
    return report.findings[i].suppressed;
  });

  std::string out;
  out.reserve(2048 + kept.size() * 900);
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("$schema", kSarifSchemaUri);
  w.Field("version", "2.1.0");
  w.Key("runs");
  w.BeginArray();
  w.BeginObject();

  w.Key("tool");
  w.BeginObject();
  w.Key("driver");
  w.BeginObject();
  w.Field("name", "hublint");
  if (!run.tool_version.empty()) {
    w.Field("version", run.tool_version);
    if (LooksLikeSemver(run.tool_version)) {
      w.Field("semanticVersion", run.tool_version);
    }
  }
  w.Field("informationUri", kProjectUrl);
  w.Key("rules");
  w.BeginArray();
  for (const RuleInfo& rule : report.rules) WriteRule(w, rule, options);
  w.EndArray();
  w.EndObject();
  w.EndObject();

  std::string automation_id = AutomationId(report, options);
  if (!automation_id.empty()) {
    w.Key("automationDetails");
    w.BeginObject();
    w.Field("id", automation_id);
    w.EndObject();
  }

  w.Key("invocations");
  w.BeginArray();
  w.BeginObject();
  w.Field("executionSuccessful", run.execution_successful);
  if (run.start_time != absl::UnixEpoch()) {
    w.Field("startTimeUtc", FormatRfc3339(run.start_time));
  }
  if (run.end_time != absl::UnixEpoch()) {
    w.Field("endTimeUtc", FormatRfc3339(run.end_time));
  }
  if (!notifications.empty()) {
    w.Key("toolExecutionNotifications");
    w.BeginArray();
    for (const Notification& n : notifications) {
      w.BeginObject();
      w.Field("level", LevelName(n.level));
      WriteMessage(w, "message", n.message);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.EndArray();

  w.Field("columnKind", "utf16CodeUnits");

  w.Key("properties");
  w.BeginObject();
  w.Field("organization", run.org_name);
  if (run.collected_at) {
    w.Field("collectedAt", FormatRfc3339(*run.collected_at));
  }
  w.Key("source");
  w.BeginObject();
  w.Field("kind", run.source_kind);
  if (!run.source_uri.empty()) w.Field("uri", EncodeUriPath(run.source_uri));
  w.Field("complete", run.source_complete);
  w.Key("gaps");
  w.BeginArray();
  for (const std::string& gap : run.gaps) w.String(gap);
  w.EndArray();
  w.EndObject();
  if (dropped > 0) {
    w.Key("resultsLeftOut");
    w.Uint(dropped);
  }
  w.EndObject();

  ResultContext ctx{report, rule_index, with_suppressions};
  w.Key("results");
  w.BeginArray();
  for (size_t i : kept) WriteResult(w, report.findings[i], ctx);
  w.EndArray();

  w.EndObject();
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace hublint
