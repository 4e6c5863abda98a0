#include "lint/util/source_text.h"

#include <doctest/doctest.h>

namespace hublint {
namespace {

TEST_CASE("PositionOf counts 1-based lines and byte columns") {
  SourceText source("f.json", "ab\ncd\n\nxyz");
  struct {
    size_t offset;
    TextPosition expected;
  } cases[] = {
      {0, {1, 1}}, {1, {1, 2}}, {2, {1, 3}}, {3, {2, 1}},
      {6, {3, 1}}, {7, {4, 1}}, {9, {4, 3}}, {99, {4, 4}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.offset);
    CHECK(source.PositionOf(c.offset) == c.expected);
  }
}

TEST_CASE("Diagnostic renders the line and a caret, word for word") {
  SourceText source("fixtures/orgs/bad.json",
                    "{\n  \"members\": [\n    {\"username\": 42}\n  ]\n}\n");
  CHECK(source.Diagnostic(34, "expected a string for `username`, got number") ==
        "fixtures/orgs/bad.json:3:18: expected a string for `username`, got "
        "number\n"
        "    {\"username\": 42}\n"
        "                 ^");
}

TEST_CASE("Diagnostic keeps tabs so the caret lines up") {
  SourceText source("t", "\tx = 1");
  CHECK(source.Diagnostic(1, "m") == "t:1:2: m\n\tx = 1\n\t^");
}

TEST_CASE("Diagnostic without a position is just name and message") {
  CHECK(FormatDiagnostic("a.toml", {}, "", "empty file") ==
        "a.toml: empty file");
}

TEST_CASE("Line strips CR and handles the last line without newline") {
  SourceText source("t", "one\r\ntwo");
  CHECK(source.Line(1) == "one");
  CHECK(source.Line(2) == "two");
  CHECK(source.Line(3).empty());
}

TEST_CASE("Long lines are cut around the column") {
  std::string line(500, 'a');
  line[300] = 'X';
  SourceText source("min.json", line);
  std::string d = source.Diagnostic(300, "here");
  CHECK(d.starts_with("min.json:1:301: here\n"));
  size_t caret_line = d.rfind('\n');
  size_t source_line = d.find('\n');
  std::string shown = d.substr(source_line + 1, caret_line - source_line - 1);
  CHECK(shown.size() == 120);
  CHECK(d.substr(caret_line + 1).size() == 61);
  CHECK(shown[60] == 'X');
}

}  // namespace
}  // namespace hublint
