#ifndef HUBLINT_RULES_STATE_TYPES_H_
#define HUBLINT_RULES_STATE_TYPES_H_

// The OrgState as CEL sees it: one struct type per resource, whose fields
// read the model in place (no copy). The field names are the names of the
// state format (docs/state-format.md) plus a few computed joins and, for a
// state read from a Terraform plan, each resource's `change`. The reference
// of every type and field, docs/rules/cel-reference.md, is generated from
// the declarations here (`hublint rules docs`).
//
//   org            OrgType()          the whole state: name, settings,
//                                     source, members, teams, ...
//   member         MemberType()       + highest_permission, tokens,
//                                     integrations
//   team           TeamType()         + highest_permission,
//                                     write_repository_count, ...
//   repository     RepositoryType()
//   token          TokenType()        + owner_member
//   invite         InviteType()
//   integration    IntegrationType()  + member, tokens
//
// Members, invites, teams, team grants, repositories, tokens and the two
// access management settings have a nullable `change` (hublint.Change:
// actions, address, before, after) when the state was read from a plan.
//
// Unknown facts (std::nullopt, an unknown Moment) read as CEL unknowns, so
// a check that needs one becomes a review result; a Moment that is "never"
// (a token that does not expire) reads as null. An integration whose token
// is not in the state has `tokens` unknown: the state cannot show it (the
// API never lists another user's personal tokens).

#include "lint/cel/host.h"
#include "lint/cel/type.h"
#include "lint/cel/value.h"
#include "lint/model/org_state.h"

namespace hublint {

const cel::StructType* OrgType();
const cel::StructType* MemberType();
const cel::StructType* TeamType();
const cel::StructType* RepositoryType();
const cel::StructType* TokenType();
const cel::StructType* InviteType();
const cel::StructType* IntegrationType();

// Every struct type rules can see: the resource types above, then the
// types reachable from their fields (settings, grants, token resources, a
// plan's change, ...), in the order docs/rules/cel-reference.md lists them.
std::vector<const cel::StructType*> StateTypes();

// What the reference says about `type`, and about its field `index` (one
// line each). Every field is declared together with its description, so
// the reference covers exactly the fields rules can use.
std::string_view TypeDescription(const cel::StructType* type);
std::string_view FieldDescription(const cel::StructType* type, int index);

// The struct type of resources of `kind` (OrgType() for kOrg).
const cel::StructType* TypeOfResource(ResourceKind kind);

// Every resource of `kind` in `state`, as CEL values, in state order, with
// their kind:key names and locations.
struct BoundResource {
  cel::Value value;
  std::string_view key;  // "alice", the token id, ...
  Location location;
};
std::vector<BoundResource> ResourcesOf(const OrgState& state,
                                       ResourceKind kind);

// For a review message, one unknown attribute: "two_factor_enabled of
// member:bob is unknown"; for an integration whose token is not in the
// state, which token is missing.
std::string DescribeUnknown(std::string_view path, const cel::StructType* type,
                            const void* object, int field);

}  // namespace hublint

#endif  // HUBLINT_RULES_STATE_TYPES_H_
