#include "lint/model/key_index.h"

#include <bit>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace hublint {

void KeyIndex::Reset(size_t count) {
  size_t size = std::bit_ceil(std::max<size_t>(16, 2 * count));
  slots_.assign(size, 0);
  mask_ = size - 1;
}

uint64_t KeyIndex::Hash(std::string_view key) {
  // absl::string_view is its own type in Debian's Abseil.
  return absl::Hash<absl::string_view>{}(
      absl::string_view(key.data(), key.size()));
}

}  // namespace hublint
