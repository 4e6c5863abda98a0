#ifndef HUBLINT_CLI_STATE_LOADING_H_
#define HUBLINT_CLI_STATE_LOADING_H_

// Where `check` gets the state it checks: a snapshot or declared state
// (--state FILE), a Terraform plan (--tfplan FILE, with its .tf files in
// --tf-dir DIR, default the working directory), or both: the plan's changes
// applied on the snapshot, so that organization-wide rules see the whole
// organization and not only what Terraform manages.

#include <variant>

#include "lint/cli/command.h"
#include "lint/model/org_state.h"

namespace hublint::cli {

// Loads the state the flags name. On failure, says why on ctx.err and
// returns the exit code instead: 2 (usage) for missing or conflicting
// flags, 3 (incomplete) for a file that could not be read as a state or a
// plan. Warnings about the plan (unknown attributes, a newer provider) go
// to ctx.err, each once; so does a note when the plan alone shows only part
// of the organization. `command` names the command in messages.
std::variant<OrgState, int> LoadStateForCheck(std::string_view command,
                                              const ParsedArgs& args,
                                              CommandContext& ctx);

}  // namespace hublint::cli

#endif  // HUBLINT_CLI_STATE_LOADING_H_
