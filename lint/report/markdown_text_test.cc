#include "lint/report/markdown_text.h"

#include "doctest/doctest.h"
#include "lint/report/printable_text.h"

namespace hublint {
namespace {

TEST_CASE("PrintableText makes controls and bidi overrides visible") {
  struct Case {
    std::string_view in;
    std::string_view out;
  };
  const Case cases[] = {
      {"plain caf\xC3\xA9 \xF0\x9F\x90\xB3",
       "plain caf\xC3\xA9 \xF0\x9F\x90\xB3"},
      {"a\nb\rc\td", "a\\nb\\rc\\td"},
      {"\x1b[31mred", "\\x1b[31mred"},
      {"nul\x01\x7f", "nul\\x01\\x7f"},
      {"c1 \xC2\x9B"
       "2J",
       "c1 \\x9b2J"},
      {"\xE2\x80\xAE"
       "evil\xE2\x80\xAC",
       "\\u202eevil\\u202c"},
      {"\xE2\x81\xA6iso\xE2\x81\xA9", "\\u2066iso\\u2069"},
      {"dash \xE2\x80\x94 ok", "dash \xE2\x80\x94 ok"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(PrintableText(c.in) == c.out);
  }
}

TEST_CASE("MarkdownText escapes what starts markup") {
  CHECK(MarkdownText("a_b *c* [d](e) <b> x|y `z` $m$ & \\") ==
        "a\\_b \\*c\\* \\[d\\](e) \\<b\\> x\\|y \\`z\\` \\$m\\$ \\& \\\\");
  CHECK(MarkdownText("line\nbreak") == "line\\\\nbreak");
}

TEST_CASE("MarkdownCode picks a fence longer than any backtick run") {
  CHECK(MarkdownCode("member:bob") == "`member:bob`");
  CHECK(MarkdownCode("a`b") == "``a`b``");
  CHECK(MarkdownCode("``x") == "``` ``x ```");
  CHECK(MarkdownCode("a|b") == "`a\\|b`");
  CHECK(MarkdownCode("") == "`  `");
}

TEST_CASE("DemoteHeadings puts the help's top heading one level down") {
  CHECK(DemoteHeadings("## What\n\ntext\n### Sub\n", 3) ==
        "#### What\n\ntext\n##### Sub\n");
  CHECK(DemoteHeadings("# Top\n```\n# not a heading\n```\n#hashtag", 1) ==
        "## Top\n```\n# not a heading\n```\n#hashtag");
  CHECK(DemoteHeadings("# a\n###### deep", 3) == "#### a\n###### deep");
  CHECK(DemoteHeadings("no headings", 3) == "no headings");
}

}  // namespace
}  // namespace hublint
