#include "lint/tfplan/provider_schema.h"

#include <algorithm>

namespace hublint {
namespace {

constexpr std::string_view kMember[] = {"org_name", "role", "user_name",
                                        "email", "invite_id"};
constexpr std::string_view kTeam[] = {"org_name", "team_name",
                                      "team_description", "id"};
constexpr std::string_view kTeamMember[] = {"org_name", "team_name",
                                            "user_name", "id"};
constexpr std::string_view kRepository[] = {"namespace",
                                            "name",
                                            "description",
                                            "full_description",
                                            "private",
                                            "id",
                                            "immutable_tags_settings",
                                            "pull_count"};
constexpr std::string_view kTeamPermission[] = {"repo_id", "team_id",
                                                "permission"};
constexpr std::string_view kAccessToken[] = {
    "token_label", "scopes", "expires_at", "uuid", "token", "is_active"};
constexpr std::string_view kOrgAccessToken[] = {
    "org_name",   "label", "description", "resources",
    "expires_at", "id",    "token"};
constexpr std::string_view kImageAccess[] = {"org_name", "enabled",
                                             "allow_official_images",
                                             "allow_verified_publishers"};
constexpr std::string_view kRegistryAccess[] = {
    "org_name", "enabled", "standard_registry_docker_hub", "custom_registries"};
constexpr std::string_view kToken[] = {"token"};

constexpr DockerResourceSchema kSchemas[] = {
    {"docker_org_member", 0, "members", kMember, {}},
    {"docker_org_team", 0, "teams", kTeam, {}},
    {"docker_org_team_member", 0, "teams.members", kTeamMember, {}},
    {"docker_hub_repository", 0, "repositories", kRepository, {}},
    {"docker_hub_repository_team_permission",
     0,
     "repositories.team_permissions",
     kTeamPermission,
     {}},
    {"docker_access_token", 0, "access_tokens.personal", kAccessToken, kToken},
    {"docker_org_access_token", 0, "access_tokens.organization",
     kOrgAccessToken, kToken},
    {"docker_org_setting_image_access_management",
     0,
     "settings.image_access_management",
     kImageAccess,
     {}},
    {"docker_org_setting_registry_access_management",
     0,
     "settings.registry_access_management",
     kRegistryAccess,
     {}},
};

bool Contains(std::span<const std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

bool DockerResourceSchema::Knows(std::string_view attribute) const {
  return Contains(attributes, attribute);
}

bool DockerResourceSchema::IsSecret(std::string_view attribute) const {
  return Contains(secret_attributes, attribute);
}

const DockerResourceSchema* FindDockerResourceSchema(std::string_view type) {
  for (const DockerResourceSchema& schema : kSchemas) {
    if (schema.type == type) return &schema;
  }
  return nullptr;
}

bool IsDockerHubProvider(std::string_view provider_name) {
  return provider_name == "docker/docker" ||
         provider_name.ends_with("/docker/docker");
}

}  // namespace hublint
