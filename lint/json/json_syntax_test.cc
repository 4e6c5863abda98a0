#include "lint/json/json_syntax.h"

#include <doctest/doctest.h>
#include <simdjson.h>

namespace hublint {
namespace {

struct BadCase {
  std::string text;
  size_t offset;
  const char* message;
};

const BadCase kBadCases[] = {
    {"", 0, "empty document: expected a JSON value"},
    {"   ", 3, "empty document: expected a JSON value"},
    {"{", 1, "unexpected end of input: expected a string key"},
    {"{\"a\" 1}", 5, "unexpected `1`: expected `:` after the key"},
    {"{\"a\": 1,}", 8, "unexpected `}`: expected a string key"},
    {"[1, 2", 5,
     "unexpected end of input: expected `,` or `]` after an array element"},
    {"[1 2]", 3, "unexpected `2`: expected `,` or `]` after an array element"},
    {"{\"a\": 1 \"b\": 2}", 8,
     "unexpected `\"`: expected `,` or `}` after an object member"},
    {"[01]", 1, "invalid number: leading zeros are not allowed"},
    {"[-]", 1, "invalid number: expected a digit after `-`"},
    {"[1.]", 1, "invalid number: expected a digit after `.`"},
    {"[1e+]", 1, "invalid number: expected a digit in the exponent"},
    {"[tru]", 1, "invalid literal: expected `true`"},
    {"[nul", 1, "invalid literal: expected `null`"},
    {"'single'", 0, "unexpected `'`: expected a value"},
    {"\"open", 0, "unterminated string"},
    {"\"tab\there\"", 4,
     "control character in string: escape it (\\n, \\t, \\u00XX)"},
    {"\"bad \\q\"", 5, "invalid escape `\\q` in string"},
    {"\"\\u12G4\"", 1, "invalid \\u escape: expected four hex digits"},
    {"\"\\uDC00\"", 1, "invalid \\u escape: unpaired low surrogate"},
    {"\"\\uD800x\"", 1, "invalid \\u escape: unpaired high surrogate"},
    {"\"caf\xC3\"", 4, "invalid UTF-8 in string"},
    {"{} {}", 3, "unexpected content after the JSON value"},
    {"\xEF\xBB\xBF{}", 0, "unexpected byte 0xEF: expected a value"},
    {"[1,]", 3, "unexpected `]`: expected a value"},
    {"{\"a\":}", 5, "unexpected `}`: expected a value"},
};

TEST_CASE("FindJsonSyntaxError names the first error and where it is") {
  for (const BadCase& c : kBadCases) {
    CAPTURE(c.text);
    std::optional<JsonSyntaxError> error = FindJsonSyntaxError(c.text);
    REQUIRE(error.has_value());
    CHECK(error->offset == c.offset);
    CHECK(error->message == c.message);
  }
}

TEST_CASE("Nesting is bounded, without recursion past the bound") {
  std::string ok = std::string(64, '[') + std::string(64, ']');
  CHECK_FALSE(FindJsonSyntaxError(ok).has_value());
  std::string deep = std::string(65, '[') + std::string(65, ']');
  std::optional<JsonSyntaxError> error = FindJsonSyntaxError(deep);
  REQUIRE(error.has_value());
  CHECK(error->offset == 64);
  CHECK(error->message == "nesting deeper than 64 levels");
  std::string hostile(1'000'000, '[');
  CHECK(FindJsonSyntaxError(hostile)->message ==
        "nesting deeper than 64 levels");
}

const char* const kGoodCases[] = {
    "0",
    "-0",
    "1.5e10",
    "-12.25E-3",
    "true",
    "null",
    "\"\"",
    "\"\\u00e9\\uD83D\\uDC33 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"",
    "{}",
    "[]",
    " { \"a\" : [ 1 , { \"b\" : null } ] } ",
    "\"caf\xC3\xA9 \xF0\x9F\x90\xB3\"",
    "{\"a\":1,\"a\":2}",  // duplicate keys are syntax-valid; readers reject
                          // them
};

// Differential test: simdjson (what the readers use) and the checker agree
// on which documents are JSON.
TEST_CASE("The checker and simdjson accept and reject the same documents") {
  simdjson::dom::parser parser(1 << 20);
  REQUIRE(parser.allocate(1 << 20, kMaxJsonDepth) == simdjson::SUCCESS);
  for (const char* good : kGoodCases) {
    CAPTURE(good);
    CHECK_FALSE(FindJsonSyntaxError(good).has_value());
    simdjson::padded_string padded{std::string_view(good)};
    CHECK(parser.parse(padded).error() == simdjson::SUCCESS);
  }
  for (const BadCase& c : kBadCases) {
    CAPTURE(c.text);
    simdjson::padded_string padded{std::string_view(c.text)};
    CHECK(parser.parse(padded).error() != simdjson::SUCCESS);
  }
}

}  // namespace
}  // namespace hublint
