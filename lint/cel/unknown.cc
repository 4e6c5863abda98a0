#include "lint/cel/unknown.h"

#include <utility>

#include "absl/container/flat_hash_set.h"

namespace hublint::cel {

const UnknownSet* UnknownSet::Of(Arena* arena,
                                 const UnknownAttribute& attribute) {
  return arena->New<UnknownSet>(attribute, nullptr, nullptr);
}

const UnknownSet* UnknownSet::Merge(Arena* arena, const UnknownSet* a,
                                    const UnknownSet* b) {
  if (a == nullptr || a == b) return b;
  if (b == nullptr) return a;
  return arena->New<UnknownSet>(UnknownAttribute(), a, b);
}

std::vector<UnknownAttribute> UnknownSet::Attributes() const {
  std::vector<UnknownAttribute> out;
  absl::flat_hash_set<std::pair<std::string_view, const void*>> seen;
  absl::flat_hash_set<const UnknownSet*> visited;
  // Iterative, left to right: merged sets can be very deep (one link per
  // element of a large list).
  std::vector<const UnknownSet*> stack = {this};
  while (!stack.empty()) {
    const UnknownSet* s = stack.back();
    stack.pop_back();
    if (!visited.insert(s).second) continue;
    if (s->left_ == nullptr) {
      const UnknownAttribute& a = s->attribute_;
      if (seen.emplace(a.path, a.object).second) out.push_back(a);
      continue;
    }
    stack.push_back(s->right_);
    stack.push_back(s->left_);
  }
  return out;
}

}  // namespace hublint::cel
