#include "lint/findings/finding.h"

#include <tuple>

#include "lint/findings/report.h"

namespace hublint {

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kError:
      return "error";
    case Level::kWarning:
      return "warning";
    case Level::kNote:
      return "note";
  }
  return "error";
}

std::optional<Level> ParseLevel(std::string_view name) {
  if (name == "error") return Level::kError;
  if (name == "warning") return Level::kWarning;
  if (name == "note") return Level::kNote;
  return std::nullopt;
}

std::string_view FindingKindName(FindingKind kind) {
  return kind == FindingKind::kFail ? "fail" : "review";
}

std::string_view BaselineStateName(BaselineState state) {
  switch (state) {
    case BaselineState::kNone:
      return "";
    case BaselineState::kNew:
      return "new";
    case BaselineState::kUnchanged:
      return "unchanged";
    case BaselineState::kAbsent:
      return "absent";
  }
  return "";
}

std::string Fingerprint(std::string_view rule_id, std::string_view resource) {
  uint64_t hash = 0xcbf29ce484222325ull;
  auto mix = [&hash](std::string_view bytes) {
    for (char c : bytes) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ull;
    }
  };
  mix(rule_id);
  mix("\n");
  mix(resource);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kHex[hash & 0xF];
    hash >>= 4;
  }
  return out;
}

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.rule_id, a.resource, a.message) <
         std::tie(b.rule_id, b.resource, b.message);
}

ReportCounts CountFindings(const std::vector<Finding>& findings) {
  ReportCounts counts;
  for (const Finding& f : findings) {
    if (f.baseline_state == BaselineState::kAbsent) {
      ++counts.absent;
      continue;
    }
    if (f.baseline_state == BaselineState::kNew) ++counts.new_findings;
    if (f.baseline_state == BaselineState::kUnchanged) ++counts.unchanged;
    if (f.suppressed) {
      ++counts.suppressed;
      continue;
    }
    if (f.kind == FindingKind::kReview) ++counts.reviews;
    switch (f.level) {
      case Level::kError:
        ++counts.errors;
        break;
      case Level::kWarning:
        ++counts.warnings;
        break;
      case Level::kNote:
        ++counts.notes;
        break;
    }
  }
  return counts;
}

}  // namespace hublint
