#ifndef HUBLINT_MODEL_PERMISSION_H_
#define HUBLINT_MODEL_PERMISSION_H_

#include <optional>
#include <string_view>

namespace hublint {

// A team's access to a repository, ordered so that a higher value grants
// more: read < write < admin. kNone is "no grant", used for joins.
enum class Permission : uint8_t {
  kNone = 0,
  kRead = 1,
  kWrite = 2,
  kAdmin = 3
};

// "none", "read", "write", "admin".
std::string_view PermissionName(Permission p);

// The permission named `name` (lower case), or nullopt.
std::optional<Permission> ParsePermission(std::string_view name);

}  // namespace hublint

#endif  // HUBLINT_MODEL_PERMISSION_H_
