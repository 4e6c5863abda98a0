#ifndef HUBLINT_TFPLAN_PROVIDER_SCHEMA_H_
#define HUBLINT_TFPLAN_PROVIDER_SCHEMA_H_

// What hublint knows of Docker's official Terraform provider for Docker Hub,
// `registry.terraform.io/docker/docker` v0.6.0: its resource types, their
// attributes, and which attributes hold secrets. The source is
// ../shared/reference/notes/declared-state-and-frameworks.md, section 1.3.

#include <cstdint>
#include <span>
#include <string_view>

namespace hublint {

// The state part (docs/state-format.md) a resource type feeds; a value the
// plan leaves unknown where the model cannot hold "unknown" becomes a gap
// of this part.
struct DockerResourceSchema {
  std::string_view type;        // "docker_org_member"
  int64_t schema_version;       // the newest version hublint knows
  std::string_view state_part;  // "members", "teams", ...
  // Every top-level attribute of the type, secret ones included.
  std::span<const std::string_view> attributes;
  // Attributes that hold a secret: never read, never copied, never quoted.
  std::span<const std::string_view> secret_attributes;

  bool Knows(std::string_view attribute) const;
  bool IsSecret(std::string_view attribute) const;
};

// The schema of `type`, or nullptr when it is not a docker/docker resource
// type hublint knows.
const DockerResourceSchema* FindDockerResourceSchema(std::string_view type);

// Whether `provider_name` (a plan's `provider_name`) is Docker's official
// provider: `registry.terraform.io/docker/docker`, or the same from another
// registry host (`registry.opentofu.org/docker/docker`). Resources of other
// providers with `docker_` types, such as kreuzwerker/docker's
// docker_container, are not Docker Hub resources.
bool IsDockerHubProvider(std::string_view provider_name);

}  // namespace hublint

#endif  // HUBLINT_TFPLAN_PROVIDER_SCHEMA_H_
