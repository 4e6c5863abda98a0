#include "lint/cel/diagnostic.h"

#include <doctest/doctest.h>

namespace hublint::cel {
namespace {

TEST_CASE("positions from offsets") {
  std::string_view text = "ab\ncd\n\nef";
  CHECK(MakeDiagnostic(text, 0, "m") == Diagnostic{"m", 0, 1, 1});
  CHECK(MakeDiagnostic(text, 4, "m") == Diagnostic{"m", 4, 2, 2});
  CHECK(MakeDiagnostic(text, 6, "m") == Diagnostic{"m", 6, 3, 1});
  CHECK(MakeDiagnostic(text, 99, "m") == Diagnostic{"m", 9, 4, 3});
  CHECK(MakeDiagnostic(text, -5, "m") == Diagnostic{"m", 0, 1, 1});
}

TEST_CASE("formatting: line, source, caret") {
  std::string_view text = "a &&\n\tb + 'x'";
  CHECK(FormatDiagnostic(text, MakeDiagnostic(text, 8, "bad operand")) ==
        "2:4: bad operand\n"
        "\tb + 'x'\n"
        "\t  ^");
  // At the end of the input the caret sits after the last character.
  CHECK(FormatDiagnostic("1 +", MakeDiagnostic("1 +", 3, "more")) ==
        "1:4: more\n1 +\n   ^");
  CHECK(FormatDiagnostics("x y", {MakeDiagnostic("x y", 0, "one"),
                                  MakeDiagnostic("x y", 2, "two")}) ==
        "1:1: one\nx y\n^\n1:3: two\nx y\n  ^");
  // Windows line ends are not shown.
  CHECK(FormatDiagnostic("a\r\nb", MakeDiagnostic("a\r\nb", 0, "m")) ==
        "1:1: m\na\n^");
}

}  // namespace
}  // namespace hublint::cel
