#ifndef HUBLINT_MODEL_ORG_SETTINGS_H_
#define HUBLINT_MODEL_ORG_SETTINGS_H_

#include <optional>
#include <string>
#include <vector>

#include "lint/model/resource_change.h"

namespace hublint {

// Image Access Management: which images members may pull.
struct ImageAccessManagement {
  std::optional<bool> enabled;
  std::optional<bool> allow_official_images;
  std::optional<bool> allow_verified_publishers;
  // What a Terraform plan does to its
  // docker_org_setting_image_access_management resource; not a fact, ignored by
  // operator== and the snapshot.
  ChangePtr change;
  bool operator==(const ImageAccessManagement& o) const {
    return enabled == o.enabled &&
           allow_official_images == o.allow_official_images &&
           allow_verified_publishers == o.allow_verified_publishers;
  }
};

// A registry other than Docker Hub under Registry Access Management.
struct CustomRegistry {
  std::string address;
  std::optional<std::string> friendly_name;
  bool allowed = false;
  bool operator==(const CustomRegistry&) const = default;
};

// Registry Access Management: which registries Docker Desktop may reach.
struct RegistryAccessManagement {
  std::optional<bool> enabled;
  std::optional<bool> docker_hub_allowed;
  std::vector<CustomRegistry> custom_registries;
  // What a Terraform plan does to its
  // docker_org_setting_registry_access_management resource; not a fact,
  // ignored by operator== and the snapshot.
  ChangePtr change;
  bool operator==(const RegistryAccessManagement& o) const {
    return enabled == o.enabled && docker_hub_allowed == o.docker_hub_allowed &&
           custom_registries == o.custom_registries;
  }
};

// Organization-wide settings. The Docker Hub API cannot read SSO or SCIM
// state; those come from a declared state or the config file.
struct OrgSettings {
  ImageAccessManagement image_access_management;
  RegistryAccessManagement registry_access_management;
  std::optional<bool> sso_enforced;
  std::optional<bool> scim_enabled;
  bool operator==(const OrgSettings&) const = default;
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_ORG_SETTINGS_H_
