#include "lint/util/utf8.h"

#include <doctest/doctest.h>

namespace hublint {
namespace {

TEST_CASE("FindInvalidUtf8") {
  struct {
    std::string text;
    size_t invalid_at;
  } cases[] = {
      {"plain ascii", std::string_view::npos},
      {"caf\xC3\xA9 \xF0\x9F\x90\xB3", std::string_view::npos},  // café 🐳
      {"a\xFF", 1},
      {"ab\xC3", 2},            // truncated sequence
      {"\xC0\xAF", 0},          // overlong '/'
      {"x\xED\xA0\x80", 1},     // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},  // past U+10FFFF
      {"ok\xE2\x82", 2},        // truncated euro sign
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(FindInvalidUtf8(c.text) == c.invalid_at);
  }
}

TEST_CASE("SanitizeUtf8 replaces each bad byte with U+FFFD") {
  bool replaced = false;
  CHECK(SanitizeUtf8("a\xFF"
                     "b",
                     &replaced) ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(replaced);
  CHECK(SanitizeUtf8("fine \xF0\x9F\x90\xB3", &replaced) ==
        "fine \xF0\x9F\x90\xB3");
  CHECK_FALSE(replaced);
}

}  // namespace
}  // namespace hublint
