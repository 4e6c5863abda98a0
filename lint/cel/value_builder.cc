#include "lint/cel/value_builder.h"

#include <algorithm>
#include <cstring>

#include "lint/cel/map_data.h"
#include "lint/cel/strings.h"
#include "lint/cel/value_compare.h"

namespace hublint::cel {

Value MakeString(Arena* arena, std::string_view s) {
  return Value::String(arena->CopyString(s));
}

Value MakeBytes(Arena* arena, std::string_view s) {
  return Value::Bytes(arena->CopyString(s));
}

void ListBuilder::Reserve(size_t n) {
  if (n <= capacity_) return;
  Value* data = arena_->AllocateArray<Value>(n);
  if (size_ > 0)
    std::memcpy(static_cast<void*>(data), data_, size_ * sizeof(Value));
  data_ = data;
  capacity_ = n;
}

void ListBuilder::Grow() { Reserve(std::max<size_t>(8, capacity_ * 2)); }

Value ListBuilder::Build() {
  Value list = Value::List(absl::MakeConstSpan(data_, size_));
  data_ = nullptr;
  size_ = capacity_ = 0;
  return list;
}

void MapBuilder::Grow() {
  size_t capacity = std::max<size_t>(8, capacity_ * 2);
  Value* keys = arena_->AllocateArray<Value>(capacity);
  Value* values = arena_->AllocateArray<Value>(capacity);
  if (size_ > 0) {
    std::memcpy(static_cast<void*>(keys), keys_, size_ * sizeof(Value));
    std::memcpy(static_cast<void*>(values), values_, size_ * sizeof(Value));
  }
  keys_ = keys;
  values_ = values;
  capacity_ = capacity;
}

void MapBuilder::Rehash(size_t slot_count) {
  slots_ = arena_->AllocateArray<uint32_t>(slot_count);
  std::memset(slots_, 0, slot_count * sizeof(uint32_t));
  slot_mask_ = slot_count - 1;
  for (size_t i = 0; i < size_; ++i) {
    size_t slot = HashMapKey(keys_[i]) & slot_mask_;
    while (slots_[slot] != 0) slot = (slot + 1) & slot_mask_;
    slots_[slot] = static_cast<uint32_t>(i + 1);
  }
}

absl::Status MapBuilder::Add(const Value& key, const Value& value) {
  if (!IsValidMapKey(key)) {
    return absl::InvalidArgumentError(
        Cat("unsupported map key type: ", KindName(key.kind())));
  }
  MapData probe;
  probe.size = size_;
  probe.keys = keys_;
  if (slots_ != nullptr) {
    probe.slots = slots_;
    probe.slot_mask = static_cast<uint32_t>(slot_mask_);
  }
  if (FindMapEntry(probe, key) >= 0) {
    return absl::InvalidArgumentError(
        Cat("duplicate map key: ", key.DebugString()));
  }
  if (size_ == capacity_) Grow();
  keys_[size_] = key;
  values_[size_] = value;
  ++size_;
  if (size_ > kLinearMapMax) {
    // Keep the index at most half full.
    if (slots_ == nullptr || size_ * 2 > slot_mask_ + 1) {
      size_t slot_count = 32;
      while (slot_count < size_ * 2) slot_count *= 2;
      Rehash(slot_count);
    } else {
      size_t slot = HashMapKey(key) & slot_mask_;
      while (slots_[slot] != 0) slot = (slot + 1) & slot_mask_;
      slots_[slot] = static_cast<uint32_t>(size_);
    }
  }
  return absl::OkStatus();
}

Value MapBuilder::Build() {
  MapData* map = arena_->New<MapData>();
  map->size = size_;
  map->keys = keys_;
  map->values = values_;
  if (size_ > kLinearMapMax) {
    map->slots = slots_;
    map->slot_mask = static_cast<uint32_t>(slot_mask_);
  }
  keys_ = values_ = nullptr;
  slots_ = nullptr;
  size_ = capacity_ = 0;
  slot_mask_ = 0;
  return Value::Map(map);
}

}  // namespace hublint::cel
