#include "lint/cel/lexer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lint/cel/strings.h"
#include "lint/cel/testing/table.h"

namespace hublint::cel {
namespace {

// Renders every token of `source`: kind-specific, space separated.
std::string Tokens(std::string_view source) {
  Lexer lexer(source);
  std::string out;
  while (true) {
    Token t = lexer.Next();
    if (!out.empty()) out += " ";
    switch (t.kind) {
      case TokenKind::kEnd:
        return out + "<end>";
      case TokenKind::kError:
        return out + Cat("<error@", t.error_offset, ": ", t.error, ">");
      case TokenKind::kIdent:
        out += t.reserved ? Cat("reserved:", t.text) : Cat("id:", t.text);
        break;
      case TokenKind::kQuotedIdent:
        out += Cat("qid:", t.text_value);
        break;
      case TokenKind::kInt:
        out += Cat("int:", t.int_magnitude);
        break;
      case TokenKind::kUint:
        out += Cat("uint:", t.int_magnitude);
        break;
      case TokenKind::kDouble:
        out += Cat("double:", t.text);
        break;
      case TokenKind::kString:
        out += Cat("str:", Quote(t.text_value, QuoteStyle::kJson));
        break;
      case TokenKind::kBytes:
        out += Cat("bytes:", Quote(t.text_value, QuoteStyle::kJson));
        break;
      default:
        out += t.text;
    }
  }
}

TEST_CASE("tokens") {
  testing::CheckTable(
      {
          {"", "<end>"},
          {"  // only a comment\n", "<end>"},
          {"a.b_c1 in [1, 2u]", "id:a . id:b_c1 in [ int:1 , uint:2 ] <end>"},
          {"x <= y >= z != w == v && u || !t",
           "id:x <= id:y >= id:z != id:w == id:v && id:u || ! id:t <end>"},
          {"0x1F 0X10u 42U", "int:31 uint:16 uint:42 <end>"},
          {"1.5 .5 1e3 2E-2 1.0e+10",
           "double:1.5 double:.5 double:1e3 "
           "double:2E-2 double:1.0e+10 <end>"},
          {"1.size()", "int:1 . id:size ( ) <end>"},
          {"18446744073709551615u", "uint:18446744073709551615 <end>"},
          {"'a' \"b\" '''c\nd''' \"\"\"e'f\"\"\"",
           "str:\"a\" str:\"b\" str:\"c\\nd\" str:\"e'f\" <end>"},
          {R"('\n\t\\\"\'\`\?\a\b\f\r\v')",
           R"(str:"\n\t\\\"'`?\u0007\b\f\r\u000b" <end>)"},
          {R"('\x41\101\u00e9\U0001F600')",
           "str:\"AA\xC3\xA9\xF0\x9F\x98\x80\" <end>"},
          {R"(b'\xff\377A')",
           "bytes:\"\xFF\xFF"
           "A\" <end>"},
          {R"(r'\n' R"\d" br'\x' Rb"\\")",
           R"(str:"\\n" str:"\\d" bytes:"\\x" bytes:"\\\\" <end>)"},
          {"if var `content-type`",
           "reserved:if reserved:var qid:content-type <end>"},
          {"rb", "id:rb <end>"},
      },
      [&](const char* input) { return Tokens(input); });
}

TEST_CASE("lexical errors name the offending character") {
  testing::CheckTable(
      {
          {"a = b", "id:a <error@2: unexpected `=`; did you mean `==`?>"},
          {"a & b", "id:a <error@2: unexpected `&`; did you mean `&&`?>"},
          {"a | b", "id:a <error@2: unexpected `|`; did you mean `||`?>"},
          {"#", "<error@0: unexpected character `#`>"},
          {"\xC3\xA9", "<error@0: unexpected character U+00E9>"},
          {"\xFF", "<error@0: unexpected byte 0xFF>"},
          {"'abc", "<error@0: unterminated string literal>"},
          {"'a\nb'", "<error@0: unterminated string literal>"},
          {"'''abc''", "<error@0: unterminated string literal>"},
          {R"('\q')", "<error@1: invalid escape sequence `\\q`>"},
          {R"('\x4')",
           "<error@1: invalid escape sequence: expected 2 hex digits>"},
          {R"('\400')", "<error@1: invalid escape sequence `\\4`>"},
          {R"('\ud800')",
           "<error@1: invalid Unicode code point in escape sequence>"},
          {R"('\U00110000')",
           "<error@1: invalid Unicode code point in escape sequence>"},
          {R"(b'\u0041')", "<error@2: \\u escape is not allowed in bytes>"},
          {"'a\xFFz'", "<error@2: invalid UTF-8 in string literal>"},
          {"'\xC3('", "<error@1: invalid UTF-8 in string literal>"},
          {"18446744073709551616", "<error@0: integer literal out of range>"},
          {"0x10000000000000000", "<error@0: integer literal out of range>"},
          {"1e999", "<error@0: double literal out of range>"},
          {"1e", "<error@0: invalid exponent in number literal>"},
          {"12abc", "<error@0: invalid number literal>"},
          {"0x", "<error@0: invalid hexadecimal literal>"},
          {"`a", "<error@0: unterminated quoted identifier>"},
          {"``", "<error@0: empty quoted identifier>"},
      },
      [&](const char* input) { return Tokens(input); });
}

}  // namespace
}  // namespace hublint::cel
