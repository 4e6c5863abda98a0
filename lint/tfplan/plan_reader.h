#ifndef HUBLINT_TFPLAN_PLAN_READER_H_
#define HUBLINT_TFPLAN_PLAN_READER_H_

// Reads a Terraform plan (`terraform show -json plan.out`) of Docker's
// official provider `docker/docker` into the OrgState the organization will
// have once the plan is applied, so rules judge a change before anyone
// applies it. docs/terraform.md is the user's guide; in short:
//
// - Resources are recognized by `provider_name` ending in `/docker/docker`,
//   never by the `docker_` prefix alone (kreuzwerker/docker's
//   docker_container is not a Docker Hub resource). Data sources are read
//   only to name teams by id.
// - Each entry of `resource_changes` contributes its `after` value; a
//   deletion removes the resource (`before` names it), except that deleting
//   an image or registry access management setting turns the control off.
//   Each resource carries its `change` (lint/model/resource_change.h).
// - Values known only after apply become unknown facts (std::nullopt,
//   Moment::Unknown()). Identity attributes (user name, team name, token id)
//   that are unknown on an update fall back to `before`; a team or
//   repository that a grant names through a resource created in the same
//   plan is resolved through the plan's `configuration`. A fact that stays
//   unknown where the model cannot say "unknown" (a grant's team, a token's
//   scopes) becomes a gap of the source, so `check` gives no verdict
//   without --allow-partial.
// - Provider defaults apply: a repository without `private` is public, a
//   token without `expires_at` never expires.
// - Without `base`, the state holds only what Terraform manages:
//   `source.partial_view` is true. With `base` (a snapshot), the changes are
//   applied onto it by key, and the rest stays as the snapshot has it.
// - Each resource's Location points at its `resource "TYPE" "NAME"` block in
//   the `.tf` files of `tf_dir` (following local module sources), or else at
//   its entry in the plan JSON.
//
// Secrets: a plan holds tokens and passwords in clear text (`before`,
// `prior_state`, `variables`, provider configuration). None is copied into
// the state, and no message quotes a value from a secret attribute or one
// the plan marks sensitive; diagnostics never show the plan's source line,
// since `terraform show -json` writes the whole plan on one line.
//
// Errors are statuses whose message is "name:line:col: message" or
// "name: message": kInvalidArgument for input that is not a plan of a
// supported format, or whose values have the wrong types; kNotFound etc.
// from reading the file.

#include <functional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "lint/model/org_state.h"
#include "lint/tfplan/tf_files.h"

namespace hublint {

struct TfPlanOptions {
  // The state to apply the plan's changes on, typically a snapshot from
  // `hublint fetch`. nullptr: the plan alone, with source.partial_view set.
  const OrgState* base = nullptr;

  // The directory of the root module, where `terraform plan` ran; paths
  // into it become the state's source files, so give it relative to the
  // repository root for repository-relative locations. Empty: no `.tf`
  // lookups, every location points into the plan JSON.
  std::string tf_dir;

  // Where `.tf` files are read from; nullptr: the disk.
  const TfFiles* files = nullptr;

  // Receives each warning once, without a trailing newline: an unknown
  // attribute of a known resource type, an unknown docker/docker resource
  // type, a schema version newer than hublint knows, a reference that names
  // nothing. nullptr: warnings are dropped.
  std::function<void(std::string_view)> warn;

  // Deepest nesting of arrays and objects accepted.
  int max_depth = 64;
};

// Reads the plan in `text`; `name` is what messages and locations call it
// (a path, or "<string>"). The returned state is finalized.
absl::StatusOr<OrgState> ReadTerraformPlan(std::string text, std::string name,
                                           const TfPlanOptions& options = {});

// Reads the plan file at `path` ("-" for standard input).
absl::StatusOr<OrgState> ReadTerraformPlanFile(
    const std::string& path, const TfPlanOptions& options = {});

}  // namespace hublint

#endif  // HUBLINT_TFPLAN_PLAN_READER_H_
