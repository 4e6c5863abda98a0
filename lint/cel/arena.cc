#include "lint/cel/arena.h"

#include <algorithm>
#include <cstdint>
#include <new>

namespace hublint::cel {

Arena::~Arena() {
  while (blocks_ != nullptr) {
    Block* next = blocks_->next;
    ::operator delete(blocks_);
    blocks_ = next;
  }
}

void* Arena::Allocate(size_t bytes, size_t align) {
  uintptr_t p = reinterpret_cast<uintptr_t>(ptr_);
  uintptr_t aligned = (p + align - 1) & ~(uintptr_t{align} - 1);
  if (ptr_ != nullptr && aligned + bytes <= reinterpret_cast<uintptr_t>(end_)) {
    ptr_ = reinterpret_cast<char*>(aligned + bytes);
    bytes_allocated_ += bytes;
    return reinterpret_cast<void*>(aligned);
  }
  return AllocateSlow(bytes, align);
}

void* Arena::AllocateSlow(size_t bytes, size_t align) {
  size_t needed = bytes + align;
  size_t size = std::max(next_block_size_, needed);
  void* raw = ::operator new(kHeader + size);
  Block* block = static_cast<Block*>(raw);
  block->size = size;
  block->next = blocks_;
  blocks_ = block;
  // Blocks grow geometrically up to 1 MiB so big evaluations do not make
  // many small blocks.
  next_block_size_ = std::min<size_t>(next_block_size_ * 2, 1 << 20);
  ptr_ = static_cast<char*>(raw) + kHeader;
  end_ = ptr_ + size;
  return Allocate(bytes, align);
}

std::string_view Arena::CopyString(std::string_view s) {
  if (s.empty()) return std::string_view();
  char* p = static_cast<char*>(Allocate(s.size(), 1));
  std::memcpy(p, s.data(), s.size());
  return std::string_view(p, s.size());
}

void Arena::Reset() {
  bytes_allocated_ = 0;
  if (blocks_ == nullptr) return;
  // Keep the largest block, free the rest.
  Block* keep = blocks_;
  for (Block* b = blocks_; b != nullptr; b = b->next) {
    if (b->size > keep->size) keep = b;
  }
  Block* b = blocks_;
  while (b != nullptr) {
    Block* next = b->next;
    if (b != keep) ::operator delete(b);
    b = next;
  }
  keep->next = nullptr;
  blocks_ = keep;
  ptr_ = reinterpret_cast<char*>(keep) + kHeader;
  end_ = ptr_ + keep->size;
}

}  // namespace hublint::cel
