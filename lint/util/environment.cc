#include "lint/util/environment.h"

#include <cstdlib>

namespace hublint {

std::optional<std::string> ProcessEnvironment::Get(
    const std::string& name) const {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

}  // namespace hublint
