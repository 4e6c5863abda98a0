#ifndef HUBLINT_MODEL_AUDIT_EVENT_H_
#define HUBLINT_MODEL_AUDIT_EVENT_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "lint/model/location.h"

namespace hublint {

// One entry of the organization's activity log.
struct AuditEvent {
  std::string action;  // "team.member.add", "repo.change_privacy", ...
  std::optional<std::string> actor;
  std::optional<std::string> name;  // the object acted on
  std::optional<absl::Time> timestamp;
  // Extra key/value pairs the log carries, in the source's order.
  std::vector<std::pair<std::string, std::string>> data;
  Location location;

  bool operator==(const AuditEvent& o) const {
    return action == o.action && actor == o.actor && name == o.name &&
           timestamp == o.timestamp && data == o.data;
  }
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_AUDIT_EVENT_H_
