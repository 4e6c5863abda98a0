#ifndef HUBLINT_MODEL_ORG_SETTINGS_H_
#define HUBLINT_MODEL_ORG_SETTINGS_H_

#include <optional>
#include <string>
#include <vector>

namespace hublint {

// Image Access Management: which images members may pull.
struct ImageAccessManagement {
  std::optional<bool> enabled;
  std::optional<bool> allow_official_images;
  std::optional<bool> allow_verified_publishers;
  bool operator==(const ImageAccessManagement&) const = default;
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
  bool operator==(const RegistryAccessManagement&) const = default;
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
