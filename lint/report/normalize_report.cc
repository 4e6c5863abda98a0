#include "lint/report/normalize_report.h"

#include <set>
#include <string>

#include "lint/util/strings.h"
#include "lint/util/utf8.h"

namespace hublint {
namespace {

// Calls `fn(string, where)` on every string of the report, where `where()`
// describes the string's place (only computed when asked for).
template <typename ReportT, typename Fn>
void ForEachString(ReportT& r, Fn fn) {
  auto& run = r.run;
  auto named = [](std::string_view what) {
    return [what] { return std::string(what); };
  };
  fn(run.tool_version, named("the tool version"));
  fn(run.org_name, named("the organization name"));
  fn(run.source_kind, named("the source kind"));
  fn(run.source_uri, named("the source file name"));
  for (auto& gap : run.gaps) fn(gap, named("a source gap"));
  fn(run.category, named("the category"));
  for (auto& n : run.notifications) fn(n.message, named("a notification"));
  for (auto& rule : r.rules) {
    auto where = [&rule] { return Cat("rule ", rule.id); };
    for (auto* s : {&rule.id, &rule.name, &rule.title, &rule.description,
                    &rule.help_markdown, &rule.help_text, &rule.help_uri,
                    &rule.security_severity, &rule.pack}) {
      fn(*s, where);
    }
    for (auto& tag : rule.tags) fn(tag, where);
  }
  for (auto& f : r.findings) {
    auto where = [&f] { return Cat(f.rule_id, " on ", f.resource); };
    for (auto* s : {&f.rule_id, &f.resource, &f.resource_kind, &f.resource_key,
                    &f.logical_name, &f.message, &f.location.uri,
                    &f.justification, &f.fingerprint}) {
      fn(*s, where);
    }
  }
}

bool NeedsWork(const Report& report) {
  std::set<std::string_view> rule_ids;
  for (const RuleInfo& rule : report.rules) rule_ids.insert(rule.id);
  for (const Finding& f : report.findings) {
    if (!rule_ids.contains(f.rule_id) || f.fingerprint.empty()) return true;
  }
  bool invalid = false;
  ForEachString(report, [&](const std::string& s, auto&&) {
    invalid = invalid || !IsValidUtf8(s);
  });
  return invalid;
}

}  // namespace

const Report& NormalizeReport(const Report& report, Report* storage,
                              RenderStats* stats) {
  if (!NeedsWork(report)) return report;
  *storage = report;
  Report& r = *storage;

  size_t replaced_count = 0;
  std::string first_place;
  ForEachString(r, [&](std::string& s, auto&& where) {
    if (IsValidUtf8(s)) return;
    // Described before the repair, then repaired itself below.
    if (replaced_count++ == 0) first_place = where();
    s = SanitizeUtf8(s);
  });
  if (replaced_count > 0) {
    first_place = SanitizeUtf8(first_place);
    r.run.notifications.push_back(
        Notification{Level::kWarning,
                     Cat(replaced_count,
                         replaced_count == 1 ? " string was" : " strings were",
                         " not valid UTF-8; the invalid bytes are shown as "
                         "U+FFFD (first in ",
                         first_place, ")")});
    if (stats) stats->invalid_utf8_strings += replaced_count;
  }

  for (Finding& f : r.findings) {
    if (f.fingerprint.empty())
      f.fingerprint = Fingerprint(f.rule_id, f.resource);
  }
  std::set<std::string> rule_ids;
  for (const RuleInfo& rule : r.rules) rule_ids.insert(rule.id);
  for (const Finding& f : r.findings) {
    if (!rule_ids.insert(f.rule_id).second) continue;
    RuleInfo stub;
    stub.id = f.rule_id;
    stub.name = f.rule_id;
    stub.title = f.rule_id;
    stub.description = Cat("Rule ", f.rule_id,
                           " (no description: the rule was not in the run's "
                           "rule list).");
    stub.help_text = stub.description;
    stub.help_markdown = stub.description;
    stub.level = f.level;
    r.rules.push_back(std::move(stub));
  }
  return r;
}

}  // namespace hublint
