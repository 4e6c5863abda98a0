#include "lint/util/newlines.h"

#include <bit>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace hublint {

size_t CountNewlines(std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  size_t count = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time (SSE2 is part of every x86-64 processor).
  const __m128i newline = _mm_set1_epi8('\n');
  for (; end - p >= 16; p += 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    auto mask = static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newline)));
    count += static_cast<size_t>(std::popcount(mask));
  }
#endif
  for (; p < end; ++p) count += *p == '\n';
  return count;
}

size_t LastNewline(std::string_view text) {
  const void* last = memrchr(text.data(), '\n', text.size());
  if (last == nullptr) return std::string_view::npos;
  return static_cast<size_t>(static_cast<const char*>(last) - text.data());
}

}  // namespace hublint
