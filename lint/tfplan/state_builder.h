#ifndef HUBLINT_TFPLAN_STATE_BUILDER_H_
#define HUBLINT_TFPLAN_STATE_BUILDER_H_

// Internal to the plan reader: applies the planned docker/docker resources
// onto an OrgState (a copy of the base snapshot, or an empty state), by key:
// username, team name, repository full name, token id. The semantics are
// those listed in plan_reader.h and docs/terraform.md.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "lint/model/org_state.h"
#include "lint/tfplan/plan_references.h"
#include "lint/tfplan/planned_resource.h"

namespace hublint::tfplan_internal {

class StateBuilder {
 public:
  // `has_base`: the state holds a snapshot, so a resource that a plan's
  // relation names but that is in neither is worth a warning.
  StateBuilder(PlanContext& ctx, OrgState* state, bool has_base,
               const JsonNode* configuration,
               std::map<int64_t, std::string> data_source_team_ids)
      : ctx_(ctx),
        state_(state),
        has_base_(has_base),
        configuration_(configuration),
        data_source_team_ids_(std::move(data_source_team_ids)) {}

  // Applies the resources: first those that are resources of the state
  // (members, teams, repositories, tokens, settings), then the relations
  // between them (team members, team grants), so that a relation finds
  // what the same plan creates whatever the order.
  absl::Status Apply(const std::vector<PlannedResource>& resources);

 private:
  absl::Status ApplyMember(const PlannedResource& r);
  absl::Status ApplyTeam(const PlannedResource& r);
  absl::Status ApplyRepository(const PlannedResource& r);
  absl::Status ApplyToken(const PlannedResource& r);
  absl::Status ApplyImageAccess(const PlannedResource& r);
  absl::Status ApplyRegistryAccess(const PlannedResource& r);
  absl::Status ApplyTeamMember(const PlannedResource& r);
  absl::Status ApplyTeamPermission(const PlannedResource& r);

  // Reads `attribute` of an identity (a key): the value after apply, or,
  // when that is unknown on an in-place update, the value before (the
  // framework marks unset optional+computed attributes unknown on every
  // update).
  absl::Status Identity(const PlannedResource& r, std::string_view attribute,
                        Planned<std::string>* out);
  ChangePtr MakeChange(const PlannedResource& r) const;
  void AddGap(const PlannedResource& r, std::string_view reason);
  // Names the resource by its address when its key (`*key`) stays unknown,
  // and warns: "`team_name` is" known only after apply.
  void NameByAddress(const PlannedResource& r, std::string_view unknown,
                     std::optional<std::string>* key);
  // The name of the team with numeric id `id`, from the state's teams or
  // the plan's data sources.
  std::optional<std::string> TeamNameById(double id) const;
  // The team name or repository full name a relation names through a
  // resource of the same plan (`team_id = docker_org_team.x.id`).
  std::optional<std::string> ReferencedKey(const PlannedResource& r,
                                           std::string_view attribute,
                                           std::string_view target_type);

  Member* FindMember(std::string_view username);
  Team* FindTeam(std::string_view name);
  Repository* FindRepository(std::string_view name);
  void RemoveMember(std::string_view username);
  void RemoveTeam(std::string_view name);
  void RenameTeam(std::string_view from, const std::string& to);
  void RemoveRepository(std::string_view name);
  void RemoveToken(std::string_view id);
  void RemoveMembership(std::string_view team, std::string_view username);
  // Adds what a relation names but no resource declares: the rest of the
  // organization that a plan alone does not show (facts unknown).
  Member& EnsureMember(const std::string& username, const PlannedResource& r);
  Team& EnsureTeam(const std::string& name, const PlannedResource& r);
  void EnsureRepository(const std::string& name, const PlannedResource& r);

  PlanContext& ctx_;
  OrgState* state_;
  bool has_base_;
  const JsonNode* configuration_;
  std::map<int64_t, std::string> data_source_team_ids_;
  const PlanIndex* index_ = nullptr;
};

}  // namespace hublint::tfplan_internal

#endif  // HUBLINT_TFPLAN_STATE_BUILDER_H_
