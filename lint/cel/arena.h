#ifndef HUBLINT_CEL_ARENA_H_
#define HUBLINT_CEL_ARENA_H_

// Arena: the memory that strings, lists, maps, errors and unknown sets
// created during an evaluation live in. Allocation bumps a pointer; nothing
// is freed until Reset() or destruction, which release everything at once.
//
// One arena per thread: an Arena is not thread-safe. Reuse it across
// evaluations (Reset() between them) so that steady-state evaluation
// allocates no heap memory at all.

#include <cstddef>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace hublint::cel {

class Arena {
 public:
  Arena() = default;
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Returns `bytes` of uninitialized memory aligned to `align` (a power of
  // two, at most alignof(std::max_align_t)). Never returns nullptr.
  void* Allocate(size_t bytes, size_t align = alignof(std::max_align_t));

  // Uninitialized storage for `n` objects of trivially destructible type T.
  template <typename T>
  T* AllocateArray(size_t n) {
    static_assert(std::is_trivially_destructible_v<T>,
                  "arena objects are never destroyed");
    return static_cast<T*>(Allocate(sizeof(T) * n, alignof(T)));
  }

  // Constructs a T in the arena. T must be trivially destructible.
  template <typename T, typename... Args>
  T* New(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>,
                  "arena objects are never destroyed");
    return new (Allocate(sizeof(T), alignof(T)))
        T(static_cast<Args&&>(args)...);
  }

  // A copy of `s` owned by the arena.
  std::string_view CopyString(std::string_view s);

  // Releases everything allocated so far; keeps the largest block for reuse.
  // Invalidates every value that points into the arena.
  void Reset();

  // Bytes handed out since construction or the last Reset().
  size_t bytes_allocated() const { return bytes_allocated_; }

 private:
  struct Block {
    Block* next;
    size_t size;  // usable bytes after the header
  };
  static constexpr size_t kHeader =
      (sizeof(Block) + alignof(std::max_align_t) - 1) &
      ~(alignof(std::max_align_t) - 1);

  void* AllocateSlow(size_t bytes, size_t align);

  Block* blocks_ = nullptr;  // newest first
  char* ptr_ = nullptr;
  char* end_ = nullptr;
  size_t next_block_size_ = 4096;
  size_t bytes_allocated_ = 0;
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_ARENA_H_
