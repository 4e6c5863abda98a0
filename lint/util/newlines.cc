#include "lint/util/newlines.h"

#include <algorithm>
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
  // Sixteen bytes at a time (SSE2 is part of every x86-64 processor): each
  // byte lane counts its matches, up to 255 blocks, then the lanes are
  // summed (without a popcount instruction, which x86-64 may lack).
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i zero = _mm_setzero_si128();
  while (end - p >= 16) {
    size_t blocks = std::min<size_t>(static_cast<size_t>(end - p) / 16, 255);
    __m128i lanes = zero;
    for (size_t i = 0; i < blocks; ++i, p += 16) {
      __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(chunk, newline));
    }
    __m128i sums = _mm_sad_epu8(lanes, zero);
    count +=
        static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
        static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
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
