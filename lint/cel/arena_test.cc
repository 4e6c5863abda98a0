#include "lint/cel/arena.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

namespace hublint::cel {
namespace {

TEST_CASE("allocations are aligned and distinct") {
  Arena arena;
  char* a = static_cast<char*>(arena.Allocate(3, 1));
  void* b = arena.Allocate(8, 8);
  CHECK(reinterpret_cast<uintptr_t>(b) % 8 == 0);
  CHECK(static_cast<char*>(b) >= a + 3);
  CHECK(arena.bytes_allocated() == 11);
}

TEST_CASE("large allocations and strings") {
  Arena arena;
  std::string big(1 << 20, 'x');
  std::string_view copy = arena.CopyString(big);
  CHECK(copy == big);
  CHECK(copy.data() != big.data());
  CHECK(arena.CopyString("").empty());
  int64_t* numbers = arena.AllocateArray<int64_t>(100000);
  numbers[99999] = 7;
  CHECK(numbers[99999] == 7);
}

TEST_CASE("reset keeps a block for reuse") {
  Arena arena;
  void* first = arena.Allocate(100);
  arena.Reset();
  CHECK(arena.bytes_allocated() == 0);
  CHECK(arena.Allocate(100) == first);
}

}  // namespace
}  // namespace hublint::cel
