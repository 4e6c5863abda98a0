#include "lint/toml/toml_string_source.h"

#include <doctest/doctest.h>

namespace hublint {
namespace {

// The file offset of each expression byte, checked by the character found
// there in the file.
void CheckMapsBack(std::string_view file, const ExpressionSource& source) {
  REQUIRE(source.offsets.size() == source.text.size() + 1);
  for (size_t k = 0; k < source.text.size(); ++k) {
    CAPTURE(k);
    char c = source.text[k];
    // Escaped characters map to their backslash.
    if (c == '\t' || c == '\n' || c == '"' || c == '\\' || (c & 0x80)) continue;
    CHECK(file[source.offsets[k]] == c);
  }
}

TEST_CASE("Basic, literal and multi-line strings map back to the file") {
  struct {
    std::string file;
    std::string parsed;
  } cases[] = {
      {"check = \"member.role == 'owner'\"\n", "member.role == 'owner'"},
      {"check = 'member.email.matches(\"^a\\\\d\")'\n",
       "member.email.matches(\"^a\\\\d\")"},
      {"check = \"\"\"\norg.members\n  .all(m, m.x)\"\"\"\n",
       "org.members\n  .all(m, m.x)"},
      {"check = '''\nline one\nline two'''\n", "line one\nline two"},
      {"check = \"a\\tb \\\"q\\\" c\"\n", "a\tb \"q\" c"},
      {"check = \"caf\\u00e9 ok\"\n", "caf\xC3\xA9 ok"},
      {"check = \"\"\"a \\\n    b\"\"\"\n", "a b"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    ExpressionSource source = TomlStringSource(c.file, 8, c.parsed);
    CHECK(source.text == c.parsed);
    CheckMapsBack(c.file, source);
  }
}

TEST_CASE("An escape maps to the backslash that starts it") {
  std::string file = "check = \"x\\ty\"";
  ExpressionSource source = TomlStringSource(file, 8, "x\ty");
  CHECK(source.FileOffset(0) == 9);
  CHECK(source.FileOffset(1) == 10);  // the \t
  CHECK(source.FileOffset(2) == 12);
  CHECK(source.FileOffset(99) == 13);  // past the end: the closing quote
}

TEST_CASE("A disagreement with the parser falls back to the literal's start") {
  ExpressionSource source = TomlStringSource("check = \"abc\"", 8, "xyz");
  CHECK(source.text == "xyz");
  CHECK(source.FileOffset(2) == 8);
}

}  // namespace
}  // namespace hublint
