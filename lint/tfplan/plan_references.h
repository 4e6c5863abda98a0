#ifndef HUBLINT_TFPLAN_PLAN_REFERENCES_H_
#define HUBLINT_TFPLAN_PLAN_REFERENCES_H_

// Internal to the plan reader: addresses, the plan's `configuration`, and
// references between resources ("the team permission names the team created
// in the same plan").

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/tfplan/json_tree.h"
#include "lint/tfplan/planned_resource.h"

namespace hublint::tfplan_internal {

// The module names of a module address, instance keys dropped:
// `module.a["x"].module.b[0]` gives {"a", "b"}.
std::vector<std::string> ModuleNames(std::string_view module_address);

// The text between the brackets that end `address` after the resource's
// `TYPE.NAME`: `"alice"` (quotes kept) or `0`; empty when there are none.
std::string InstanceKey(std::string_view address, std::string_view type,
                        std::string_view name);

// The `configuration` object of module `module_names` (the root module for
// none): `configuration.root_module.module_calls.a.module...`.
const JsonNode* ConfigModule(const JsonNode* configuration,
                             const std::vector<std::string>& module_names);

// The configuration resource `type.name` in `module` (a ConfigModule()).
const JsonNode* ConfigResource(const JsonNode* module, std::string_view type,
                               std::string_view name);

// The username the docker/docker provider of configuration resource
// `config` signs in with, when it is a constant in the configuration (never
// the password, which sits beside it and is never read).
std::optional<std::string> ProviderUsername(const JsonNode* configuration,
                                            const JsonNode* config);

// Team names by numeric id, from the docker_org_team data sources the plan
// read (`prior_state` and `resource_changes` with mode "data").
std::map<int64_t, std::string> DataSourceTeamIds(
    const JsonNode* prior_state, const JsonNode* resource_changes);

// The planned resources by module instance, type and name, to follow
// references between them.
class PlanIndex {
 public:
  explicit PlanIndex(const std::vector<PlannedResource>& resources);

  // The instance of a `target_type` resource that attribute `attribute` of
  // `r` refers to in the configuration (`team_id = docker_org_team.x.id`):
  // in the same module instance; with `[key]` in the reference that
  // instance, else the instance with r's own key (for_each over the same
  // map), else the only instance. nullptr when there is none.
  const PlannedResource* Referenced(const PlannedResource& r,
                                    std::string_view attribute,
                                    std::string_view target_type) const;

 private:
  std::map<std::string, std::vector<const PlannedResource*>> by_name_;
};

}  // namespace hublint::tfplan_internal

#endif  // HUBLINT_TFPLAN_PLAN_REFERENCES_H_
