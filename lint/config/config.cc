#include "lint/config/config.h"

namespace hublint {

std::string_view FailOnName(FailOn fail_on) {
  return fail_on.level ? LevelName(*fail_on.level) : "never";
}

std::optional<FailOn> ParseFailOn(std::string_view name) {
  if (name == "never") return FailOn{std::nullopt};
  if (std::optional<Level> level = ParseLevel(name)) return FailOn{level};
  return std::nullopt;
}

}  // namespace hublint
