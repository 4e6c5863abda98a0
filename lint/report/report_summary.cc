#include "lint/report/report_summary.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "lint/util/strings.h"

namespace hublint {

void SummaryCounts::Add(const Finding& f) {
  switch (f.baseline_state) {
    case BaselineState::kAbsent:
      ++absent;
      return;
    case BaselineState::kNew:
      ++new_findings;
      break;
    case BaselineState::kUnchanged:
      ++unchanged;
      break;
    case BaselineState::kNone:
      break;
  }
  if (f.suppressed) {
    ++waived;
  } else if (f.kind == FindingKind::kReview) {
    ++reviews;
  } else if (f.level == Level::kError) {
    ++errors;
  } else if (f.level == Level::kWarning) {
    ++warnings;
  } else {
    ++notes;
  }
}

SummaryCounts Summarize(const std::vector<Finding>& findings) {
  SummaryCounts counts;
  for (const Finding& f : findings) counts.Add(f);
  return counts;
}

std::string CountOf(int n, std::string_view noun) {
  return Cat(n, " ", noun, n == 1 ? "" : "s");
}

std::string SummarySentence(const SummaryCounts& c, bool baseline) {
  std::vector<std::string> parts;
  if (c.errors) parts.push_back(CountOf(c.errors, "error"));
  if (c.warnings) parts.push_back(CountOf(c.warnings, "warning"));
  if (c.notes) parts.push_back(CountOf(c.notes, "note"));
  if (c.reviews) parts.push_back(CountOf(c.reviews, "review"));
  if (c.waived) parts.push_back(Cat(c.waived, " waived"));
  std::string sentence = parts.empty() ? "no findings" : Join(parts, ", ");
  if (baseline) {
    std::vector<std::string> diff;
    if (c.new_findings) diff.push_back(Cat(c.new_findings, " new"));
    if (c.unchanged) diff.push_back(Cat(c.unchanged, " unchanged"));
    if (c.absent) diff.push_back(Cat(c.absent, " fixed since the baseline"));
    if (diff.empty()) diff.push_back("nothing new since the baseline");
    Append(&sentence, "; ", Join(diff, ", "));
  }
  return sentence;
}

std::string FindingPlace(const Finding& f, const RunInfo& run) {
  if (f.location.uri.empty()) {
    return run.source_uri.empty() ? std::string("(no file)") : run.source_uri;
  }
  std::string place = f.location.uri;
  if (f.location.line != 0) {
    Append(&place, ":", f.location.line);
    if (f.location.column != 0) Append(&place, ":", f.location.column);
  }
  return place;
}

std::vector<std::string> IncompleteSourceMessages(const RunInfo& run) {
  std::vector<std::string> messages;
  if (run.source_complete) return messages;
  if (run.gaps.empty()) {
    messages.push_back(
        "the state is incomplete (the source does not say which parts are "
        "missing)");
  }
  for (const std::string& gap : run.gaps) {
    messages.push_back(Cat("the state is incomplete: ", gap));
  }
  return messages;
}

std::vector<RuleGroup> GroupByRule(const Report& report) {
  std::vector<RuleGroup> groups(report.rules.size());
  std::map<std::string_view, size_t> index;
  for (size_t i = 0; i < report.rules.size(); ++i) {
    groups[i].rule = &report.rules[i];
    index.emplace(report.rules[i].id, i);
  }
  for (const Finding& f : report.findings) {
    auto it = index.find(f.rule_id);
    if (it == index.end()) continue;
    groups[it->second].findings.push_back(&f);
    groups[it->second].counts.Add(f);
  }
  return groups;
}

namespace {

std::optional<double> ParseScore(std::string_view score) {
  if (score.empty() || score.size() > 8) return std::nullopt;
  bool dot = false;
  for (size_t i = 0; i < score.size(); ++i) {
    char c = score[i];
    if (c == '.' && !dot && i > 0 && i + 1 < score.size()) {
      dot = true;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  double value = 0;
  auto r = std::from_chars(score.data(), score.data() + score.size(), value);
  if (r.ec != std::errc() || r.ptr != score.data() + score.size()) {
    return std::nullopt;
  }
  if (!(value > 0 && value <= 10)) return std::nullopt;
  return value;
}

}  // namespace

std::vector<std::string> RuleTags(const RuleInfo& rule, size_t limit) {
  std::vector<std::string> tags;
  if (IsValidSecuritySeverity(rule.security_severity)) {
    tags.push_back("security");
  }
  for (const std::string& tag : rule.tags) {
    if (tag.empty()) continue;
    if (std::find(tags.begin(), tags.end(), tag) != tags.end()) continue;
    tags.push_back(tag);
  }
  if (tags.size() > limit) tags.resize(limit);
  return tags;
}

bool IsValidSecuritySeverity(std::string_view score) {
  return ParseScore(score).has_value();
}

std::string_view SecurityRating(std::string_view score) {
  std::optional<double> value = ParseScore(score);
  if (!value) return "";
  if (*value >= 9.0) return "critical";
  if (*value >= 7.0) return "high";
  if (*value >= 4.0) return "medium";
  return "low";
}

}  // namespace hublint
