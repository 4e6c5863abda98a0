#ifndef HUBLINT_MODEL_KEY_INDEX_H_
#define HUBLINT_MODEL_KEY_INDEX_H_

// KeyIndex: the positions of one kind of resource in an OrgState by its key
// (a member's username, a token's id), built by OrgState::Finalize() for its
// joins and the Find*() lookups.
//
// The index holds positions and hashes, not keys: a lookup compares with the
// key of the resource at the position it finds. So no key is allocated a
// second time (a million usernames and token ids), and the index stays
// valid in a copy of the state, read against the copy's resources. A
// position past the end of the resources (the vectors were edited since)
// never matches.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace hublint {

class KeyIndex {
 public:
  // Empties the index, with room for `count` keys.
  void Reset(size_t count);

  // Adds `items[position]`, whose key is `key_of(items[position])`, unless
  // an earlier item has the same key. Returns the position that has it:
  // `position`, or the earlier one's.
  template <typename T, typename KeyOf>
  uint32_t Insert(const std::vector<T>& items, uint32_t position,
                  KeyOf key_of) {
    std::string_view key = key_of(items[position]);
    uint64_t hash = Hash(key);
    size_t i = hash & mask_;
    for (;; i = (i + 1) & mask_) {
      uint64_t slot = slots_[i];
      if (slot == 0) break;
      uint32_t earlier = PositionIn(slot);
      if (TagIn(slot) == Tag(hash) && key_of(items[earlier]) == key) {
        return earlier;
      }
    }
    slots_[i] = (uint64_t{Tag(hash)} << 32) | (uint64_t{position} + 1);
    return position;
  }

  // The position of the item of `items` whose key is `key`.
  template <typename T, typename KeyOf>
  std::optional<uint32_t> Find(std::string_view key,
                               const std::vector<T>& items,
                               KeyOf key_of) const {
    if (slots_.empty()) return std::nullopt;
    uint64_t hash = Hash(key);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      uint64_t slot = slots_[i];
      if (slot == 0) return std::nullopt;
      uint32_t position = PositionIn(slot);
      if (TagIn(slot) == Tag(hash) && position < items.size() &&
          key_of(items[position]) == key) {
        return position;
      }
    }
  }

 private:
  static uint64_t Hash(std::string_view key);
  // A slot is the hash's upper half (the tag) and the position plus one;
  // zero is empty. The lower half of the hash picks the slot.
  static uint32_t Tag(uint64_t hash) {
    return static_cast<uint32_t>(hash >> 32);
  }
  static uint32_t TagIn(uint64_t slot) {
    return static_cast<uint32_t>(slot >> 32);
  }
  static uint32_t PositionIn(uint64_t slot) {
    return static_cast<uint32_t>(slot) - 1;
  }

  std::vector<uint64_t> slots_;  // a power of two, at most half full
  size_t mask_ = 0;
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_KEY_INDEX_H_
