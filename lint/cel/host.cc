#include "lint/cel/host.h"

#include <utility>

#include "lint/cel/strings.h"

namespace hublint::cel {

StructType::StructType(std::string name, std::string display_name,
                       std::vector<FieldDecl> fields)
    : name_(std::move(name)),
      display_name_(std::move(display_name)),
      fields_(std::move(fields)) {
  for (size_t i = 0; i < fields_.size(); ++i) {
    index_.emplace(fields_[i].name, static_cast<int>(i));
  }
}

int StructType::AddField(FieldDecl field) {
  int index = static_cast<int>(fields_.size());
  index_.emplace(field.name, index);
  fields_.push_back(std::move(field));
  return index;
}

int StructType::FindField(std::string_view name) const {
  auto it = index_.find(AbslView(name));
  return it == index_.end() ? -1 : it->second;
}

}  // namespace hublint::cel
