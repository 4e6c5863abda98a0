#include "lint/util/newlines.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

namespace hublint {
namespace {

TEST_CASE("CountNewlines and LastNewline on small texts") {
  struct Case {
    std::string_view text;
    size_t count;
    size_t last;
  };
  constexpr size_t npos = std::string_view::npos;
  const Case cases[] = {
      {"", 0, npos},
      {"\n", 1, 0},
      {"abc", 0, npos},
      {"a\nb\n", 2, 3},
      {"\n\n\n", 3, 2},
      {"0123456789abcde\n", 1, 15},   // the last byte of a 16-byte block
      {"0123456789abcdef\n", 1, 16},  // the first byte after one
      {"\n0123456789abcdef0123456789abcdef", 1, 0},
      {"\r\n\r\n", 2, 3},  // carriage returns are not counted
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(CountNewlines(c.text) == c.count);
    CHECK(LastNewline(c.text) == c.last);
  }
}

// Against the obvious loop, at every start and length over a random text,
// so that every alignment and every tail length is covered.
TEST_CASE("CountNewlines agrees with counting byte by byte") {
  std::mt19937 random(7);
  std::string text(300, ' ');
  for (char& c : text) c = random() % 5 == 0 ? '\n' : 'x';
  for (size_t start = 0; start < 40; ++start) {
    for (size_t length = 0; start + length <= text.size(); ++length) {
      std::string_view part(text.data() + start, length);
      size_t expected =
          static_cast<size_t>(std::count(part.begin(), part.end(), '\n'));
      REQUIRE(CountNewlines(part) == expected);
      REQUIRE(LastNewline(part) == part.rfind('\n'));
    }
  }
}

// Each byte lane counts at most 255 blocks before the lanes are summed: a
// text of only line breaks, longer than that, must not wrap a lane.
TEST_CASE("CountNewlines on long runs of line breaks") {
  for (size_t length : {4079, 4080, 4081, 4096, 10000, 65537}) {
    CAPTURE(length);
    std::string text(length, '\n');
    CHECK(CountNewlines(text) == length);
    CHECK(LastNewline(text) == length - 1);
  }
}

}  // namespace
}  // namespace hublint
