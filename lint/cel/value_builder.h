#ifndef HUBLINT_CEL_VALUE_BUILDER_H_
#define HUBLINT_CEL_VALUE_BUILDER_H_

// Building values that own their data in an Arena: copies of strings, lists
// and maps. The evaluator uses these for its results; hosts and converters
// (JSON, the conformance suite) use them for bindings.

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"
#include "lint/cel/arena.h"
#include "lint/cel/value.h"

namespace hublint::cel {

// A string / bytes value holding a copy of `s` in `arena`.
Value MakeString(Arena* arena, std::string_view s);
Value MakeBytes(Arena* arena, std::string_view s);

// Appends values, then Build()s one list. Growth reallocates inside the
// arena (amortized O(1), at most 2x the final size wasted until reset).
class ListBuilder {
 public:
  explicit ListBuilder(Arena* arena) : arena_(arena) {}
  void Reserve(size_t n);
  void Add(const Value& v) {
    if (size_ == capacity_) Grow();
    data_[size_++] = v;
  }
  size_t size() const { return size_; }
  // The list; the builder is empty afterwards.
  Value Build();

 private:
  void Grow();
  Arena* arena_;
  Value* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// Adds entries, then Build()s one map (insertion order is kept).
class MapBuilder {
 public:
  explicit MapBuilder(Arena* arena) : arena_(arena) {}
  // Fails with InvalidArgument for a key that is not bool, int, uint or
  // string, or that equals a key already added (1 and 1u are equal).
  absl::Status Add(const Value& key, const Value& value);
  size_t size() const { return size_; }
  Value Build();

 private:
  void Grow();
  void Rehash(size_t slot_count);
  Arena* arena_;
  Value* keys_ = nullptr;
  Value* values_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
  uint32_t* slots_ = nullptr;
  size_t slot_mask_ = 0;
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_VALUE_BUILDER_H_
