#ifndef HUBLINT_CONFIG_BASELINE_H_
#define HUBLINT_CONFIG_BASELINE_H_

// The baseline: a SARIF log from an earlier hublint run (`--baseline
// previous.sarif`). Each finding of this run is matched against it by its
// stable fingerprint (rule and resource, never the line, so moving a
// resource in a file does not make it new) and marked
//
//   new        not in the baseline;
//   unchanged  in the baseline too;
//   absent     in the baseline, gone now: carried as a Finding built from
//              the baseline's data, so reports can say what was fixed.
//
// A baseline result matches a finding when one of the *values* of its
// `partialFingerprints` (whatever their keys: hublint writes
// "hublintFingerprint/v1") equals Fingerprint(rule_id, resource), or when
// its `ruleId` and `properties.resource` equal the finding's. Results the
// baseline itself marked `baselineState: "absent"`, and results of kind
// pass / notApplicable / informational, were not findings then and are
// skipped.
//
// A baseline that cannot be trusted is an error naming the file, never an
// empty baseline (which would make every finding look old): text that is
// not JSON (with line and column), a document that is not SARIF 2.1.0, a
// run whose tool is not hublint, a log without runs, a value of the wrong
// type, or a result that carries nothing to match on.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/findings/finding.h"

namespace hublint {

// One result of the baseline, as far as matching and reporting need it.
struct BaselineResult {
  std::string rule_id;
  std::string resource;  // properties.resource; may be empty
  // The values of partialFingerprints, in the order written.
  std::vector<std::string> fingerprints;
  std::string message;            // message.text
  Level level = Level::kWarning;  // SARIF's default level
  FindingKind kind = FindingKind::kFail;
  FindingLocation location;  // the first physical location
  std::string logical_name;  // the first logical location
};

struct Baseline {
  std::string path;  // as given, for messages
  std::vector<BaselineResult> results;
};

// Reads the SARIF log in `text`; `name` is what errors call it. Errors are
// kInvalidArgument.
absl::StatusOr<Baseline> ParseBaseline(std::string_view text,
                                       const std::string& name);

// Reads the SARIF log at `path` (errors of ReadFile() too).
absl::StatusOr<Baseline> LoadBaselineFile(const std::string& path);

// Marks every finding that is not already absent new or unchanged (filling
// an empty `fingerprint` first), then appends one absent Finding for each
// baseline result that no finding matched.
void ApplyBaseline(const Baseline& baseline, std::vector<Finding>* findings);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_BASELINE_H_
