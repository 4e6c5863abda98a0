#ifndef HUBLINT_MODEL_JOIN_H_
#define HUBLINT_MODEL_JOIN_H_

// Joined<T> and JoinedOne<T>: pointers from one resource of an OrgState to
// others of the same state (a member's teams, a token's owner), computed by
// OrgState::Finalize() so that rules follow them without a lookup.
//
// The pointers stay valid while the state is moved (vectors keep their
// buffers) but not when it is copied: a copied join starts empty, and the
// copy is not finalized (OrgState::finalized()) until Finalize() runs on it
// again. Never a dangling pointer, at worst an empty join.

#include <cstdint>
#include <vector>

namespace hublint {

template <typename T>
class Joined {
 public:
  Joined() = default;
  Joined(const Joined&) {}
  Joined& operator=(const Joined&) {
    items_.clear();
    return *this;
  }
  Joined(Joined&&) noexcept = default;
  Joined& operator=(Joined&&) noexcept = default;

  const std::vector<const T*>& items() const { return items_; }
  size_t size() const { return items_.size(); }
  void clear() { items_.clear(); }
  void push_back(const T* item) { items_.push_back(item); }
  void reserve(size_t n) { items_.reserve(n); }
  // The joined items' positions in `all`, the vector they point into.
  std::vector<uint32_t> IndicesIn(const std::vector<T>& all) const {
    std::vector<uint32_t> indices;
    indices.reserve(items_.size());
    for (const T* item : items_) {
      indices.push_back(static_cast<uint32_t>(item - all.data()));
    }
    return indices;
  }

 private:
  std::vector<const T*> items_;
};

template <typename T>
class JoinedOne {
 public:
  JoinedOne() = default;
  JoinedOne(const JoinedOne&) {}
  JoinedOne& operator=(const JoinedOne&) {
    item_ = nullptr;
    return *this;
  }
  JoinedOne(JoinedOne&&) noexcept = default;
  JoinedOne& operator=(JoinedOne&&) noexcept = default;

  const T* get() const { return item_; }
  void set(const T* item) { item_ = item; }

 private:
  const T* item_ = nullptr;
};

// Marks a finalized state; a copy is not finalized.
class FinalizedMark {
 public:
  FinalizedMark() = default;
  FinalizedMark(const FinalizedMark&) {}
  FinalizedMark& operator=(const FinalizedMark&) {
    value_ = false;
    return *this;
  }
  FinalizedMark(FinalizedMark&&) noexcept = default;
  FinalizedMark& operator=(FinalizedMark&&) noexcept = default;

  bool value() const { return value_; }
  void set(bool value) { value_ = value; }

 private:
  bool value_ = false;
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_JOIN_H_
