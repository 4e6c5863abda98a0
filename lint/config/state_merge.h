#ifndef HUBLINT_CONFIG_STATE_MERGE_H_
#define HUBLINT_CONFIG_STATE_MERGE_H_

// Merges what the config file declares about the organization into a
// loaded state, before the rules see it:
//
// - `org`: when set, the state must be of that organization; a state of
//   another one is an error at the config's line (exit 2), because its
//   waivers and integrations would describe someone else.
// - [[integration]]: each declared integration is added to the state, with
//   the config file appended to state.source_files and a Location at its
//   [[integration]] line, so findings about it point at the config. When
//   the state already has an integration of the same name, the config's
//   declaration replaces it (the config is the reviewed, versioned
//   declaration; a snapshot only repeats what was declared when it was
//   taken), with a note when the two differ.
// - `sso_enforced`: fills state.settings.sso_enforced when the state does
//   not know it. When both know and disagree, the state wins (it is the
//   evidence of this run) and a warning says so.
// - [[mfa_source]]: every export is read and merged onto the members
//   (mfa_source.h).
//
// The state is merged into in place (no copy, even of a million members).
// When the config declares integrations, the joins are stale: the caller
// then calls state->Finalize() again and reports its problems as it does
// for any state. The other merges change facts no join depends on.

#include <vector>

#include "absl/status/statusor.h"
#include "lint/config/config.h"
#include "lint/findings/run_info.h"
#include "lint/model/org_state.h"

namespace hublint {

// Returns the notes and warnings of the merge, for the report and stderr.
// Errors: the organization mismatch (kInvalidArgument), and those of
// MergeMfaSources(); the state is unchanged on error.
absl::StatusOr<std::vector<Notification>> MergeConfigIntoState(
    const Config& config, OrgState* state);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_STATE_MERGE_H_
