#include "lint/cel/env.h"

#include "absl/status/status.h"
#include "lint/cel/strings.h"

namespace hublint::cel {
namespace {

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<int> Env::DeclareVariable(std::string_view name, Type type) {
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    std::string_view part = name.substr(start, dot - start);
    if (!IsIdentifier(part)) {
      return absl::InvalidArgumentError(
          Cat("invalid variable name \"", name, "\""));
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (index_.contains(AbslView(name))) {
    return absl::AlreadyExistsError(
        Cat("variable \"", name, "\" is already declared"));
  }
  int index = static_cast<int>(variables_.size());
  variables_.push_back(VariableDecl{std::string(name), std::move(type)});
  index_.emplace(std::string(name), index);
  return index;
}

int Env::FindVariable(std::string_view name) const {
  auto it = index_.find(AbslView(name));
  return it == index_.end() ? -1 : it->second;
}

std::vector<std::string> Env::VariableNames() const {
  std::vector<std::string> names;
  for (const VariableDecl& v : variables_) names.push_back(v.name);
  return names;
}

}  // namespace hublint::cel
