#include "lint/model/permission.h"

namespace hublint {

std::string_view PermissionName(Permission p) {
  switch (p) {
    case Permission::kNone:
      return "none";
    case Permission::kRead:
      return "read";
    case Permission::kWrite:
      return "write";
    case Permission::kAdmin:
      return "admin";
  }
  return "none";
}

std::optional<Permission> ParsePermission(std::string_view name) {
  if (name == "read") return Permission::kRead;
  if (name == "write") return Permission::kWrite;
  if (name == "admin") return Permission::kAdmin;
  if (name == "none") return Permission::kNone;
  return std::nullopt;
}

}  // namespace hublint
