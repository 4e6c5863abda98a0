#include "lint/config/waiver.h"

#include <algorithm>

#include "lint/config/glob.h"
#include "lint/util/spelling.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

absl::CivilDay DayOf(absl::Time t) {
  return absl::ToCivilDay(t, absl::UTCTimeZone());
}

std::string Describe(const Waiver& w) {
  return Cat(w.at.ToString(), ": waiver for ", w.rule, " on ", w.resource);
}

std::string OwnerNote(const Waiver& w) {
  return w.owner.empty() ? std::string() : Cat(" (owner: ", w.owner, ")");
}

}  // namespace

std::string_view WaiverStateName(WaiverState state) {
  switch (state) {
    case WaiverState::kActive:
      return "active";
    case WaiverState::kExpired:
      return "expired";
    case WaiverState::kUnused:
      return "unused";
  }
  return "active";
}

bool WaiverCovers(const Waiver& waiver, std::string_view rule_id,
                  std::string_view resource) {
  return GlobMatch(waiver.rule, rule_id) &&
         GlobMatch(waiver.resource, resource);
}

bool WaiverExpired(const Waiver& waiver, absl::Time now) {
  return waiver.expires.has_value() && DayOf(now) >= *waiver.expires;
}

std::vector<WaiverState> ApplyWaivers(const std::vector<Waiver>& waivers,
                                      absl::Time now,
                                      std::vector<Finding>* findings) {
  std::vector<WaiverState> states(waivers.size(), WaiverState::kUnused);
  std::vector<bool> expired(waivers.size());
  for (size_t i = 0; i < waivers.size(); ++i) {
    expired[i] = WaiverExpired(waivers[i], now);
    if (expired[i]) states[i] = WaiverState::kExpired;
  }
  for (Finding& finding : *findings) {
    if (finding.baseline_state == BaselineState::kAbsent) continue;
    for (size_t i = 0; i < waivers.size(); ++i) {
      if (expired[i] ||
          !WaiverCovers(waivers[i], finding.rule_id, finding.resource)) {
        continue;
      }
      states[i] = WaiverState::kActive;
      if (!finding.suppressed) {
        finding.suppressed = true;
        finding.justification = waivers[i].justification;
      }
    }
  }
  return states;
}

std::vector<Notification> WaiverNotifications(
    const std::vector<Waiver>& waivers, const std::vector<WaiverState>& states,
    absl::Time now) {
  std::vector<Notification> out;
  absl::CivilDay today = DayOf(now);
  for (size_t i = 0; i < waivers.size() && i < states.size(); ++i) {
    const Waiver& w = waivers[i];
    switch (states[i]) {
      case WaiverState::kExpired:
        out.push_back(
            {Level::kWarning,
             Cat(Describe(w), " expired on ", absl::FormatCivilTime(*w.expires),
                 OwnerNote(w),
                 "; it no longer suppresses findings: fix them, or renew the "
                 "waiver with a new `expires`")});
        break;
      case WaiverState::kUnused:
        out.push_back({Level::kWarning,
                       Cat(Describe(w), OwnerNote(w),
                           " matched no finding; remove it if the finding is "
                           "fixed")});
        break;
      case WaiverState::kActive:
        if (w.expires && *w.expires - today <= kWaiverExpiryNoticeDays) {
          int64_t days = *w.expires - today;
          out.push_back({Level::kNote,
                         Cat(Describe(w), " expires on ",
                             absl::FormatCivilTime(*w.expires), ", in ", days,
                             days == 1 ? " day" : " days", OwnerNote(w))});
        }
        break;
    }
  }
  return out;
}

absl::Status CheckWaiverRules(const std::vector<Waiver>& waivers,
                              const std::vector<std::string>& rule_ids,
                              const std::shared_ptr<const SourceText>& file) {
  std::vector<std::string> errors;
  for (const Waiver& w : waivers) {
    bool any = std::any_of(
        rule_ids.begin(), rule_ids.end(),
        [&w](const std::string& id) { return GlobMatch(w.rule, id); });
    if (any) continue;
    std::string message =
        IsGlob(w.rule)
            ? Cat("waiver rule pattern `", w.rule, "` matches no loaded rule")
            : Cat("waiver names unknown rule `", w.rule, "`",
                  DidYouMean(w.rule, rule_ids));
    errors.push_back(ConfigDiagnostic(file, w.rule_at, message));
  }
  if (errors.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(Join(errors, "\n"));
}

}  // namespace hublint
