#ifndef HUBLINT_FINDINGS_RUN_INFO_H_
#define HUBLINT_FINDINGS_RUN_INFO_H_

// RunInfo: the facts about one run that reports show besides findings (the
// organization, when and from where its state came, whether it was
// complete, start and end time). Never holds a credential, a token or an
// environment dump.

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "lint/findings/finding.h"

namespace hublint {

// Something the run wants every reader of the report to see (SARIF
// toolExecutionNotifications): an incomplete source, results dropped over
// a limit, invalid UTF-8 replaced, an expired waiver.
struct Notification {
  Level level = Level::kWarning;
  std::string message;
};

struct RunInfo {
  std::string tool_version;  // "0.1.0"
  std::string org_name;      // "contoso"
  std::optional<absl::Time> collected_at;
  std::string source_kind;  // "dockerhub-api", "declared", "tfplan", ...
  std::string source_uri;   // the state file, repository-relative
  bool source_complete = true;
  std::vector<std::string> gaps;  // "access_tokens.personal: 403 ...", ...
  absl::Time start_time = absl::UnixEpoch();
  absl::Time end_time = absl::UnixEpoch();
  // SARIF automationDetails.id, e.g. "hublint/nightly/" (--category).
  std::string category;
  // Whether a baseline was given (reports then show new/unchanged/absent).
  bool has_baseline = false;
  std::vector<Notification> notifications;
  // False when the run could not give a verdict (exit code 3).
  bool execution_successful = true;
};

}  // namespace hublint

#endif  // HUBLINT_FINDINGS_RUN_INFO_H_
